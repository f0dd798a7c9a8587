import type { Finding } from "@/lib/analysis/types";
import { Badge, type Tone } from "@/components/ui/badge";
import type { ReactNode } from "react";
import { AlertIcon, InfoIcon, StopIcon } from "@/components/ui/icons";

const SEVERITY: Record<string, { label: string; tone: Tone; icon: ReactNode }> = {
  critical: { label: "Critical", tone: "bad", icon: <StopIcon /> },
  warning: { label: "Warning", tone: "warn", icon: <AlertIcon /> },
  info: { label: "Info", tone: "info", icon: <InfoIcon /> },
};

export function SeverityBadge({ severity }: { severity: string }) {
  const s = SEVERITY[severity] ?? SEVERITY.info;
  return (
    <Badge tone={s.tone} icon={s.icon}>
      {s.label}
    </Badge>
  );
}

export function FindingList({ findings, showHop = true }: { findings: Finding[]; showHop?: boolean }) {
  if (findings.length === 0) return <p className="text-sm text-slate-700 dark:text-slate-300">No findings.</p>;
  return (
    <ul className="space-y-2">
      {findings.map((f, i) => (
        <li key={`${f.code}-${f.hop ?? "m"}-${i}`} className="flex flex-wrap items-start gap-x-2 gap-y-1 text-sm">
          <SeverityBadge severity={f.severity} />
          {showHop && f.hop !== undefined ? (
            <a
              href={`#hop-${f.hop}`}
              className="text-xs font-medium text-blue-800 underline underline-offset-2 dark:text-blue-300"
            >
              Hop {f.hop}
            </a>
          ) : null}
          <span className="min-w-0 flex-1 basis-48 [overflow-wrap:anywhere]">
            {f.message} <code className="text-xs text-slate-600 dark:text-slate-400">{f.code}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}
