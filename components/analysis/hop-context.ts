/**
 * Per-hop facts the route views share (slowest, forged, border, whether its TLS matters), derived
 * once from the Analysis so the timeline, the table and the chart agree.
 */
import type { Analysis, Hop } from "@/lib/analysis/types";
import { borderAt } from "./border";
import { forgedHops, gapTouchesForged, slowestHop } from "./forged";
import type { HopContext } from "./hop-card";
import { plaintextThatMatters, tlsMatters } from "./tls-model";

export interface RouteFacts {
  slowest: number | null;
  forged: ReadonlySet<number>;
  context(hop: Hop): HopContext;
}

export function routeFacts(analysis: Analysis): RouteFacts {
  const forged = forgedHops(analysis);
  const slowest = slowestHop(analysis);
  const flagged = plaintextThatMatters(analysis);
  return {
    slowest,
    forged,
    context: (hop) => ({
      slowest: slowest === hop.index,
      forged: forged.has(hop.index),
      forgedGap: gapTouchesForged(hop, forged),
      tlsMatters: tlsMatters(hop, flagged),
      border: borderAt(analysis, hop),
    }),
  };
}

/** Hops grouped by trail, earliest trail first (trail numbers count from the latest); one group for old shares. */
export function hopsByTrail(hops: Hop[]): { trail: number | null; hops: Hop[] }[] {
  const groups: { trail: number | null; hops: Hop[] }[] = [];
  for (const h of hops) {
    const t = typeof h.trail === "number" ? h.trail : null;
    const last = groups[groups.length - 1];
    if (last && last.trail === t) last.hops.push(h);
    else groups.push({ trail: t, hops: [h] });
  }
  return groups;
}
