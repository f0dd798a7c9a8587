import type { Hop } from "@/lib/analysis/types";
import { Badge } from "@/components/ui/badge";
import { formatDelaySigned } from "@/lib/format/duration";
import { formatUtc } from "@/lib/format/dates";
import { AuthBadge, RelayBadge, TlsBadge } from "./hop-badges";
import { FindingList } from "./findings";
import { sortFindings } from "./findings-model";
import { describeBy, describeFrom } from "./hop-model";
import { HopClockRows } from "./hop-clock";
import { LocalTime } from "./local-time";
import { AlertIcon, BuildingIcon, ClockIcon, HourglassIcon } from "@/components/ui/icons";
import { BorderMarker, TrustBadge } from "./border";
import { protocolAsWritten } from "./display-names";
import { relayTypeInfo } from "./relay-types";

/** What the card needs to know beyond the hop itself (all derived by AnalysisView). */
export interface HopContext {
  slowest: boolean;
  /** The hop's own date is implausible (forged header). */
  forged: boolean;
  /** Its delay involves a forged date (its own or the previous hop's). */
  forgedGap: boolean;
  /** Its encryption matters (a hand-off between organisations): tls-model.ts. */
  tlsMatters: boolean;
  /** The recipient's border is at this hop: the evidence; else null. */
  border: { evidence: string[] } | null;
}

export const PLAIN_CONTEXT: HopContext = { slowest: false, forged: false, forgedGap: false, tlsMatters: true, border: null };

const WRAP = "[overflow-wrap:anywhere]";

/** The delay since the previous hop, with skew called skew and the slowest hop called out. */
export function DelayBadge({ hop, slowest, forgedGap = false }: { hop: Hop; slowest: boolean; forgedGap?: boolean }) {
  const d = hop.delaySeconds;
  if (hop.index === 1) return null;
  if (forgedGap && d !== null) {
    return (
      <Badge tone="bad" icon={<AlertIcon />} title="A forged date is involved: this gap is not time the message spent anywhere">
        {formatDelaySigned(d)} (forged date, not a delay)
      </Badge>
    );
  }
  if (d === null) {
    return (
      <Badge tone="neutral" icon="?" title="One of the two timestamps is missing or unreadable">
        Delay unknown
      </Badge>
    );
  }
  if (d < 0) {
    return (
      <Badge tone="warn" icon={<ClockIcon />} title="This server's clock is behind the previous one: clock skew, not elapsed time">
        {formatDelaySigned(d)}
      </Badge>
    );
  }
  return (
    <Badge tone={slowest ? "amber" : "neutral"} icon={slowest ? <HourglassIcon /> : <ClockIcon />}>
      {formatDelaySigned(d)}
      {slowest ? " · slowest hop" : ""}
    </Badge>
  );
}

export function HopCard({ hop, context = PLAIN_CONTEXT }: { hop: Hop; context?: HopContext }) {
  const { slowest, forged, forgedGap, tlsMatters, border } = context;
  const from = describeFrom(hop);
  const protocol = protocolAsWritten(hop);
  const reason = typeof hop.relayReason === "string" && hop.relayReason ? hop.relayReason : null;
  const findings = sortFindings(hop.findings);
  const utc = formatUtc(hop.timestamp);
  return (
    <article
      id={`hop-${hop.index}`}
      aria-labelledby={`hop-${hop.index}-title`}
      className={`min-w-0 scroll-mt-4 rounded-lg border bg-white p-3 shadow-sm dark:bg-slate-900 ${
        forged
          ? "border-dashed border-red-500 dark:border-red-400"
          : slowest
            ? "border-orange-400 ring-1 ring-orange-400 dark:border-orange-500 dark:ring-orange-500"
            : border
              ? "border-sky-400 dark:border-sky-600"
              : "border-slate-200 dark:border-slate-700"
      }`}
    >
      {border ? <BorderMarker evidence={border.evidence} /> : null}
      <div className="flex flex-wrap items-center gap-1.5">
        <h3 id={`hop-${hop.index}-title`} className="mr-1 text-base font-semibold">
          Hop {hop.index}
        </h3>
        <RelayBadge type={hop.relayType} />
        {forged ? (
          <Badge tone="bad" icon={<AlertIcon />} title="The engine found this hop's date implausible: the header is probably forged">
            Forged
          </Badge>
        ) : null}
        <TrustBadge trust={hop.trust} />
        <TlsBadge tls={hop.tls} matters={tlsMatters} />
        <AuthBadge authenticated={hop.authenticated} />
        {hop.operator ? (
          <Badge tone="neutral" icon={<BuildingIcon />}>
            <span className="sr-only">Operator: </span>
            {hop.operator}
          </Badge>
        ) : null}
        <DelayBadge hop={hop} slowest={slowest} forgedGap={forgedGap} />
        {findings.some((f) => f.severity !== "info") ? (
          <Badge tone={findings.some((f) => f.severity === "critical") ? "bad" : "warn"} icon={<AlertIcon />}>
            {findings.filter((f) => f.severity !== "info").length} to check
          </Badge>
        ) : null}
      </div>

      {reason ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="relay-reason">
          <span className="font-medium">Why {relayTypeInfo(hop.relayType).label}:</span> {reason}
        </p>
      ) : null}

      <dl className={`mt-2 grid grid-cols-[3.5rem_1fr] gap-x-2 gap-y-1 text-sm ${WRAP}`}>
        <dt className="text-slate-600 dark:text-slate-400">from</dt>
        <dd className="min-w-0">
          <span className="font-mono font-medium">{from.name}</span>
          {from.details.length > 0 ? (
            <span className="text-slate-700 dark:text-slate-300"> ({from.details.join(", ")})</span>
          ) : null}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">by</dt>
        <dd className="min-w-0">
          <span className="font-mono font-medium">{describeBy(hop)}</span>
          {hop.by?.ip && hop.by.host ? <span className="text-slate-700 dark:text-slate-300"> (IP {hop.by.ip})</span> : null}
          {protocol ? <span className="text-slate-700 dark:text-slate-300"> with {protocol}</span> : null}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">time</dt>
        <dd className="min-w-0">
          {utc ? (
            <>
              <time dateTime={hop.timestamp ?? undefined} className="font-mono">
                {utc}
              </time>
              <LocalTime iso={hop.timestamp} className="block text-xs text-slate-700 dark:text-slate-300" />
            </>
          ) : (
            <span>unknown (no readable date)</span>
          )}
        </dd>
        <HopClockRows hop={hop} />
      </dl>

      <details className="mt-2 text-sm">
        <summary className="cursor-pointer rounded text-blue-800 underline-offset-2 hover:underline dark:text-blue-300">
          Raw header{findings.length > 0 ? ` and ${findings.length} finding${findings.length === 1 ? "" : "s"}` : ""}
          <span className="sr-only"> of hop {hop.index}</span>
        </summary>
        <div className="mt-2 space-y-2">
          <pre className="whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100">
            Received: {hop.raw}
          </pre>
          {hop.id || hop.for ? (
            <p className={`text-xs text-slate-700 dark:text-slate-300 ${WRAP}`}>
              {hop.id ? <>ID <span className="font-mono">{hop.id}</span></> : null}
              {hop.id && hop.for ? " · " : null}
              {hop.for ? <>for <span className="font-mono">{hop.for}</span></> : null}
            </p>
          ) : null}
          {findings.length > 0 ? <FindingList findings={findings} showHop={false} /> : null}
        </div>
      </details>
    </article>
  );
}
