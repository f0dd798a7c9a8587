/**
 * The delivery time and slowest hop the page shows (issue 13): the engine's own fields when the
 * analysis has them (forged hops left out, skew corrected, the slowest hop named only above a
 * threshold), else what older analyses and stored shares allow (raw total, hop-model's pick).
 */
import type { Analysis, Hop } from "@/lib/analysis/types";
import { slowestHopIndex } from "./hop-model";

export function slowestOf(analysis: Analysis): number | null {
  return analysis.summary.slowestHop !== undefined ? analysis.summary.slowestHop : slowestHopIndex(analysis.hops);
}

/** Seconds to show as the delivery time, and the raw total when it differs (shown beside it). */
export function deliveryOf(analysis: Analysis): { seconds: number | null; raw: number | null } {
  const raw = analysis.summary.totalDelaySeconds;
  const d = analysis.summary.deliverySeconds;
  if (d === undefined) return { seconds: raw, raw: null };
  return { seconds: d, raw: raw !== null && d !== null && Math.abs(raw - d) >= 1 ? raw : null };
}

const CAUSE_LABEL: Record<string, string> = {
  "sender-queue": "queued by the sender",
  greylisting: "greylisting",
  "backup-mx": "held at a backup MX",
  sandbox: "held for scanning",
  deferral: "deferred and retried",
  "mailbox-delivery": "mailbox delivery",
  "clock-skew": "a clock error, not a wait",
};

/** A short label for a delay cause; unknown causes (added later) are shown as written. */
export function causeLabel(cause: string): string {
  return CAUSE_LABEL[cause] ?? cause;
}

/** The distrusted clock of a hop, if the engine named one (a non-zero offset). */
export function distrustedOffset(hop: Hop): number | null {
  const o = hop.clock?.offsetSeconds;
  return typeof o === "number" && o !== 0 ? o : null;
}

/** True when the corrected delay differs from the raw one (so both are worth showing). */
export function hasCorrection(hop: Hop): boolean {
  const c = hop.clock?.correctedDelaySeconds;
  return typeof c === "number" && hop.delaySeconds !== null && Math.abs(c - hop.delaySeconds) >= 0.5;
}
