/**
 * Which hops' encryption matters to a reader (issue 14). Plain text on loopback, on a private
 * network or between two servers of one organisation (a content filter on localhost, LMTP into the
 * mailbox store) is normal and exposes nothing on the internet: it is shown neutral. What matters is
 * a hand-off between organisations over the internet; the engine flags exactly those plaintext hops
 * with `plaintext-hop` (lib/analysis/route/findings.ts), so the page follows that finding.
 */
import type { Analysis, Hop } from "@/lib/analysis/types";
import { isPrivateOrLoopback } from "@/lib/analysis/net/ip";

export const PLAINTEXT_CODE = "plaintext-hop";

/** Hops the engine flagged as plaintext across organisations over the internet. */
export function plaintextThatMatters(analysis: Pick<Analysis, "hops" | "warnings">): Set<number> {
  const out = new Set<number>();
  for (const h of analysis.hops) if (h.findings.some((f) => f.code === PLAINTEXT_CODE)) out.add(h.index);
  for (const f of analysis.warnings ?? []) if (f.code === PLAINTEXT_CODE && typeof f.hop === "number") out.add(f.hop);
  return out;
}

/**
 * A hop whose encryption the summary counts: a hand-off from another organisation's public
 * address. Internal and delivery hops, and clients on loopback or private addresses, are local.
 */
export function tlsMatters(hop: Hop, flagged: ReadonlySet<number>): boolean {
  if (flagged.has(hop.index)) return true;
  if (hop.relayType === "internal" || hop.relayType === "delivery") return false;
  const ip = hop.from?.ip ?? null;
  if (ip && isPrivateOrLoopback(ip)) return false;
  return true;
}

export interface TlsLine {
  text: string;
  tone: "good" | "warn" | "bad" | "neutral";
  /** "locked", "unlocked" or "unknown": the icon to show. */
  icon: "locked" | "unlocked" | "unknown";
}

/** The summary's encryption line, over the hops that matter only. */
export function tlsSummary(analysis: Analysis): TlsLine {
  const flagged = plaintextThatMatters(analysis);
  const counted = analysis.hops.filter((h) => tlsMatters(h, flagged));
  const local = analysis.hops.length - counted.length;
  const localNote = local > 0 ? ` (${local} local hop${local === 1 ? "" : "s"} not counted)` : "";
  const plain = counted.filter((h) => flagged.has(h.index)).map((h) => h.index);
  const encrypted = counted.filter((h) => h.tls.encrypted === true).length;
  const unknown = counted.filter((h) => h.tls.encrypted === null).length;
  if (plain.length > 0) {
    const which = plain.map((i) => `hop ${i}`).join(", ");
    return { text: `Not encrypted between organisations: ${which}`, tone: encrypted === 0 ? "bad" : "warn", icon: "unlocked" };
  }
  if (encrypted > 0) {
    const unk = unknown ? `, ${unknown} unknown` : "";
    return { text: `Encrypted between organisations${unk}${localNote}`, tone: "good", icon: "locked" };
  }
  return { text: `Encryption unknown${localNote}`, tone: "neutral", icon: "unknown" };
}
