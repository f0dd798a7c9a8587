/**
 * Forged hops, and the timing figures that must leave them out (issue 14).
 *
 * A hop whose date the engine calls implausible (finding `implausible-date`: years before the rest,
 * in the future) is a forged Received header, typically the bottom one a spammer writes himself. Its
 * date is no time the message spent anywhere, so the gap into it and out of it is neither queueing
 * time, nor the slowest hop, nor part of the delivery time, nor a bar that may set the chart's scale.
 *
 * The engine is gaining its own fields for this (issue 13: `summary.deliverySeconds`,
 * `summary.slowestHop`). Every function here prefers those when the analysis carries them and
 * computes the same thing from the findings otherwise (old stored shares, older engines).
 */
import type { Analysis, Hop } from "@/lib/analysis/types";
import { formatDelay } from "@/lib/format/duration";

/** The finding that marks a hop's date as forged. */
export const FORGED_CODE = "implausible-date";

/** Fields a newer engine may add (issue 13); all optional, so old analyses still type-check. */
interface EngineTiming {
  deliverySeconds?: number | null;
  slowestHop?: number | null;
}

/**
 * Findings that say a hop's delay is no time the message spent in transit: the first hop of a
 * new trail (earlier-trail) and a gap longer than any queue (date-gap). Such a delay is shown as
 * written but never drawn as a bar of time nor sets a scale: a 70-day gap between two deliveries
 * would squash every real bar.
 */
const NOT_TRANSIT = new Set(["earlier-trail", "date-gap"]);

/** The hop's delay is the time between two deliveries, not transit (see NOT_TRANSIT). */
export function betweenDeliveries(hop: Pick<Hop, "findings">): boolean {
  return hop.findings.some((f) => NOT_TRANSIT.has(f.code));
}

/** Indexes (1-based) of hops with an implausible date, from the hop's findings and the message's. */
export function forgedHops(analysis: Pick<Analysis, "hops" | "warnings">): Set<number> {
  const out = new Set<number>();
  for (const h of analysis.hops) if (h.findings.some((f) => f.code === FORGED_CODE)) out.add(h.index);
  for (const f of analysis.warnings ?? []) if (f.code === FORGED_CODE && typeof f.hop === "number") out.add(f.hop);
  return out;
}

/** True when the hop's delay (its timestamp minus the previous hop's) involves a forged date. */
export function gapTouchesForged(hop: Pick<Hop, "index">, forged: ReadonlySet<number>): boolean {
  return forged.has(hop.index) || (hop.index > 1 && forged.has(hop.index - 1));
}

/** Index of the hop with the largest real (positive, not forged) delay, or null. */
export function computeSlowestHop(hops: Hop[], forged: ReadonlySet<number>): number | null {
  let best: Hop | null = null;
  for (const h of hops) {
    if (gapTouchesForged(h, forged)) continue;
    if (h.delaySeconds !== null && h.delaySeconds > 0 && (!best || h.delaySeconds > (best.delaySeconds ?? 0))) best = h;
  }
  return best ? best.index : null;
}

/** The slowest hop: the engine's `summary.slowestHop` when present, else computed. */
export function slowestHop(analysis: Analysis): number | null {
  const engine = (analysis.summary as EngineTiming).slowestHop;
  if (engine !== undefined) return engine;
  return computeSlowestHop(analysis.hops, forgedHops(analysis));
}

/**
 * Seconds from the first to the last hop whose date is not forged; null when either end is
 * unknown. Negative means the clocks disagree (skew), not time. Without forged hops this is the
 * contract's `summary.totalDelaySeconds`.
 */
export function computeDeliverySeconds(analysis: Analysis): number | null {
  const forged = forgedHops(analysis);
  if (forged.size === 0) return analysis.summary.totalDelaySeconds;
  const kept = analysis.hops.filter((h) => !forged.has(h.index));
  if (kept.length === 0) return null;
  const first = kept[0].timestamp;
  const last = kept[kept.length - 1].timestamp;
  if (!first || !last) return null;
  const s = (Date.parse(last) - Date.parse(first)) / 1000;
  return Number.isFinite(s) ? Math.round(s * 1000) / 1000 : null;
}

/** The delivery time: the engine's `summary.deliverySeconds` when present, else computed. */
export function deliverySeconds(analysis: Analysis): number | null {
  const engine = (analysis.summary as EngineTiming).deliverySeconds;
  if (engine !== undefined) return engine;
  return computeDeliverySeconds(analysis);
}

/** The headline: a time, "unknown", or "unknown (clock skew)"; never "clock skew −9 h". */
export function deliveryHeadline(seconds: number | null, clockSkew = false): string {
  if (seconds === null) return clockSkew ? "unknown (clock skew)" : "unknown";
  if (seconds < 0) return "unknown (clock skew)";
  return formatDelay(seconds);
}
