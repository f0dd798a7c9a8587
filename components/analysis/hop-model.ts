/** Presentation helpers over hops: who talked to whom, and which hop was slowest. */
import type { Hop } from "@/lib/analysis/types";
import { byAsWritten } from "./display-names";
import { computeSlowestHop, forgedHops } from "./forged";

/**
 * Index (1-based) of the hop with the largest positive delay, or null when none is positive.
 * A gap next to a date the engine calls implausible (a forged header) is no queueing time, so
 * those hops are never "the slowest" (forged.ts holds the rule).
 */
export function slowestHopIndex(hops: Hop[]): number | null {
  return computeSlowestHop(hops, forgedHops({ hops, warnings: [] }));
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

/** The receiving server, spelt as the header wrote it (display-names.ts). */
export function describeBy(hop: Hop): string {
  return byAsWritten(hop);
}
