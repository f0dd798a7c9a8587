/** Presentation helpers over hops: who talked to whom, and which hop was slowest. */
import type { Hop } from "@/lib/analysis/types";

/**
 * Index (1-based) of the hop with the largest positive delay, or null when none is positive.
 * A gap next to a date the engine calls implausible (a forged header) is no queueing time, so
 * those hops are never "the slowest".
 */
export function slowestHopIndex(hops: Hop[]): number | null {
  const forged = new Set(hops.filter((h) => h.findings.some((f) => f.code === "implausible-date")).map((h) => h.index));
  let best: Hop | null = null;
  for (const h of hops) {
    if (forged.has(h.index) || forged.has(h.index - 1)) continue;
    if (h.delaySeconds !== null && h.delaySeconds > 0 && (!best || h.delaySeconds > (best.delaySeconds ?? 0))) best = h;
  }
  return best ? best.index : null;
}

/** The sending side as a person reads it: the best name, then what else the receiver recorded. */
export function describeFrom(hop: Hop): { name: string; details: string[] } {
  const f = hop.from;
  if (!f) return { name: "(not recorded)", details: [] };
  const name = f.helo ?? f.rdns ?? f.ip ?? "(not recorded)";
  const details: string[] = [];
  if (f.rdns && f.rdns.toLowerCase() !== name.toLowerCase()) details.push(`rDNS ${f.rdns}`);
  if (f.ip && f.ip !== name && `[${f.ip}]` !== name && `[IPv6:${f.ip}]` !== name) details.push(`IP ${f.ip}`);
  return { name, details };
}

export function describeBy(hop: Hop): string {
  return hop.by?.host ?? hop.by?.ip ?? "(not recorded)";
}
