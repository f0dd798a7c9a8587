/**
 * Issue 13 on a hop: the raw and skew-corrected delay side by side, the clock the engine
 * distrusts, why a long gap happened, and who owns the client's address. Every field is optional:
 * old analyses and stored shares lack them, and then nothing is shown.
 */
import type { Hop } from "@/lib/analysis/types";
import { formatDelay, formatSeconds } from "@/lib/format/duration";
import { causeLabel, distrustedOffset, hasCorrection } from "./timing-model";

function networkText(hop: Hop): string | null {
  const asn = hop.from?.asn;
  const cc = hop.from?.country;
  if (!asn && !cc) return null;
  return [asn ? `AS${asn.number} ${asn.name}` : null, cc ?? null].filter(Boolean).join(" · ");
}

function clockText(hop: Hop): string | null {
  const off = distrustedOffset(hop);
  if (off === null) return null;
  return `this server's clock is distrusted: about ${formatSeconds(off)} ${off > 0 ? "ahead" : "behind"}`;
}

/** For the hop card: extra rows of its definition list (network, clock, delay cause). */
export function HopClockRows({ hop }: { hop: Hop }) {
  const network = networkText(hop);
  const clock = clockText(hop);
  const corrected = hop.index > 1 && hasCorrection(hop) ? (hop.clock?.correctedDelaySeconds ?? null) : null;
  const cause = hop.delayCause ?? null;
  if (!network && !clock && corrected === null && !cause) return null;
  return (
    <>
      {network ? (
        <>
          <dt className="text-slate-600 dark:text-slate-400">network</dt>
          <dd className="min-w-0">{network}</dd>
        </>
      ) : null}
      {clock || corrected !== null ? (
        <>
          <dt className="text-slate-600 dark:text-slate-400">clock</dt>
          <dd className="min-w-0">
            {corrected !== null ? (
              <span>
                delay {formatDelay(corrected)} corrected <span className="text-slate-700 dark:text-slate-300">(raw {formatDelay(hop.delaySeconds)})</span>
              </span>
            ) : null}
            {clock ? <span className="block text-slate-700 dark:text-slate-300">{clock}</span> : null}
            {hop.clock?.basis.length && (clock || corrected !== null) ? (
              <details className="text-xs">
                <summary className="cursor-pointer text-blue-800 dark:text-blue-300">Why</summary>
                <ul className="list-disc pl-4">
                  {hop.clock.basis.map((b, i) => (
                    <li key={i}>{b}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </dd>
        </>
      ) : null}
      {cause ? (
        <>
          <dt className="text-slate-600 dark:text-slate-400">wait</dt>
          <dd className="min-w-0">
            {causeLabel(cause.cause)} <span className="text-slate-700 dark:text-slate-300">({cause.owner})</span>
            {cause.evidence.map((e, i) => (
              <span key={i} className="block text-xs text-slate-700 dark:text-slate-300">
                {e}
              </span>
            ))}
          </dd>
        </>
      ) : null}
    </>
  );
}

/** For the hops table's delay cell: the corrected delay, the distrusted clock and the cause. */
export function HopClockCell({ hop }: { hop: Hop }) {
  const corrected = hop.index > 1 && hasCorrection(hop) ? (hop.clock?.correctedDelaySeconds ?? null) : null;
  const off = distrustedOffset(hop);
  const cause = hop.delayCause ?? null;
  return (
    <>
      {corrected !== null ? <div>corrected {formatDelay(corrected)}</div> : null}
      {off !== null ? <div>clock {off > 0 ? "ahead" : "behind"} {formatSeconds(off)}</div> : null}
      {cause ? <div>{causeLabel(cause.cause)}</div> : null}
    </>
  );
}

/** For the hops table's from cell: the client address's network. */
export function HopNetwork({ hop }: { hop: Hop }) {
  const t = networkText(hop);
  return t ? <div className="text-slate-600 dark:text-slate-400">{t}</div> : null;
}
