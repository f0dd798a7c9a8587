import type { ReactNode } from "react";
import type { Analysis } from "@/lib/analysis/types";
import { Badge } from "@/components/ui/badge";
import { formatDelay } from "@/lib/format/duration";
import { formatUtc } from "@/lib/format/dates";
import { AuthBadges } from "./auth-badges";
import { FindingList } from "./findings";
import { allFindings } from "./findings-model";
import { LocalTime } from "./local-time";
import { deliveryOf } from "./timing-model";
import { LockIcon, UnlockIcon } from "@/components/ui/icons";

const TOP_FINDINGS = 4;

function tlsCoverage(analysis: Analysis): { text: string; tone: "good" | "warn" | "bad" | "neutral"; icon: ReactNode } {
  const plain = analysis.hops.filter((h) => h.tls.encrypted === false).map((h) => h.index);
  const unknown = analysis.hops.filter((h) => h.tls.encrypted === null).length;
  switch (analysis.summary.tls) {
    case "all":
      return {
        text: unknown ? `All hops with a TLS record encrypted (${unknown} unknown)` : "All hops encrypted",
        tone: "good",
        icon: <LockIcon />,
      };
    case "partial":
      return {
        text: `Not encrypted: ${plain.map((i) => `hop ${i}`).join(", ")}`,
        tone: "warn",
        icon: <UnlockIcon />,
      };
    case "none":
      return { text: "No hop encrypted", tone: "bad", icon: <UnlockIcon /> };
    default:
      return { text: "Encryption unknown", tone: "neutral", icon: "?" };
  }
}

function Field({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">{label}</dt>
      <dd className={`min-w-0 [overflow-wrap:anywhere] ${mono ? "font-mono text-sm" : ""}`}>{children}</dd>
    </div>
  );
}

/** Forged hops left out and clocks corrected (issue 13); the raw total beside it when it differs. */
function DeliveryTime({ analysis }: { analysis: Analysis }) {
  const d = deliveryOf(analysis);
  return (
    <>
      <span className="text-2xl font-semibold">{d.seconds === null ? "unknown" : formatDelay(d.seconds)}</span>
      {d.raw !== null ? <span className="block text-xs text-slate-700 dark:text-slate-300">raw {formatDelay(d.raw)} (forged hops or wrong clocks left out)</span> : null}
    </>
  );
}

export function Summary({ analysis }: { analysis: Analysis }) {
  const s = analysis.summary;
  const tls = tlsCoverage(analysis);
  const findings = allFindings(analysis);
  const top = findings.slice(0, TOP_FINDINGS);
  const none = <span className="text-slate-600 dark:text-slate-400">(none)</span>;
  return (
    <section aria-labelledby="summary-title" className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="summary-title" className="text-xl font-semibold [overflow-wrap:anywhere]">
        {s.subject ?? "(no subject)"}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2">
        <Field label="From">{s.from ?? none}</Field>
        <Field label="To">{s.to ?? none}</Field>
        <Field label="Date">
          {s.date ? (
            <>
              <time dateTime={s.date}>{formatUtc(s.date)}</time>
              <LocalTime iso={s.date} className="block text-xs text-slate-700 dark:text-slate-300" />
            </>
          ) : (
            none
          )}
        </Field>
        <Field label="Message-ID" mono>
          {s.messageId ?? none}
        </Field>
      </dl>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field label="Hops">
          <span className="text-2xl font-semibold">{s.hopCount}</span>
        </Field>
        <Field label="Delivery time">
          <DeliveryTime analysis={analysis} />
        </Field>
        <Field label="Encryption">
          <Badge tone={tls.tone} icon={tls.icon}>
            {tls.text}
          </Badge>
        </Field>
        <Field label="Sending service">{s.sender.operator ?? <span className="text-slate-600 dark:text-slate-400">not recognised</span>}</Field>
      </dl>

      <div className="space-y-1">
        <h3 className="text-sm font-semibold">Authentication</h3>
        <AuthBadges auth={analysis.authentication} />
      </div>

      <div className="space-y-1">
        <h3 className="text-sm font-semibold">Most severe findings</h3>
        <FindingList findings={top} />
        {findings.length > TOP_FINDINGS ? (
          <a href="#findings-title" className="text-sm text-blue-800 underline underline-offset-2 dark:text-blue-300">
            See all {findings.length} findings
          </a>
        ) : null}
      </div>
    </section>
  );
}
