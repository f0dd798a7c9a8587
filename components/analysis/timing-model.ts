/**
 * Per-hop timing words for the page (issue 13): the delay cause's label, the distrusted clock, and
 * whether the corrected delay is worth showing beside the raw one. The delivery time and the
 * slowest hop come from forged.ts (the engine's fields first, a fallback for old shares).
 */
import type { Hop } from "@/lib/analysis/types";

const CAUSE_LABEL: Record<string, string> = {
  "sender-queue": "queued by the sender",
  greylisting: "greylisting",
  "backup-mx": "held at a backup MX",
  sandbox: "held for scanning",
  deferral: "deferred and retried",
  "mailbox-delivery": "mailbox delivery",
  "mailbox-pickup": "waited in a mailbox until fetched",
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
