import type { ReactNode } from "react";
import type { Analysis } from "@/lib/analysis/types";
import { Badge } from "@/components/ui/badge";
import { formatUtc } from "@/lib/format/dates";
import { AuthBadges } from "./auth-badges";
import { FindingList } from "./findings";
import { allFindings } from "./findings-model";
import { LocalTime } from "./local-time";
import { LockIcon, UnlockIcon } from "@/components/ui/icons";
import { formatDelay } from "@/lib/format/duration";
import { BorderSummary } from "./border";
import { deliveryHeadline, deliverySeconds, forgedHops } from "./forged";
import { tlsSummary, type TlsLine } from "./tls-model";

const TOP_FINDINGS = 4;

const TLS_ICON: Record<TlsLine["icon"], ReactNode> = { locked: <LockIcon />, unlocked: <UnlockIcon />, unknown: "?" };

function Field({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">{label}</dt>
      <dd className={`min-w-0 [overflow-wrap:anywhere] ${mono ? "font-mono text-sm" : ""}`}>{children}</dd>
    </div>
  );
}

export function Summary({ analysis }: { analysis: Analysis }) {
  const s = analysis.summary;
  const tls = tlsSummary(analysis);
  const forged = forgedHops(analysis);
  const delivery = deliverySeconds(analysis);
  // The engine corrects clocks (issue 13): say the raw total when it differs from what is shown.
  const rawDiffers = delivery !== null && s.totalDelaySeconds !== null && Math.abs(s.totalDelaySeconds - delivery) >= 1;
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
          <span className="text-2xl font-semibold" data-testid="delivery-time">{deliveryHeadline(delivery, findings.some((f) => f.code === "clock-skew"))}</span>
          {forged.size > 0 ? (
            <span className="block text-xs text-slate-700 dark:text-slate-300">
              without the forged {forged.size === 1 ? "hop" : "hops"} {[...forged].join(", ")}
            </span>
          ) : rawDiffers ? (
            <span className="block text-xs text-slate-700 dark:text-slate-300">
              raw {formatDelay(s.totalDelaySeconds ?? 0)} (wrong clocks corrected or sender-side hops left out)
            </span>
          ) : null}
        </Field>
        <Field label="Encryption">
          <Badge tone={tls.tone} icon={TLS_ICON[tls.icon]}>
            {tls.text}
          </Badge>
        </Field>
        <Field label="Sending service">{s.sender.operator ?? <span className="text-slate-600 dark:text-slate-400">not recognised</span>}</Field>
      </dl>

      <BorderSummary analysis={analysis} />

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
