/**
 * DMARC-style relaxed alignment (RFC 7489 §3.1.1) of SPF and DKIM results with the From domain.
 */
import { addressDomain } from "../message/addresses";
import { domainOf, organizationalDomain } from "../net/domain";
import type { DkimResult, DmarcResult, SpfResult } from "../types";

/**
 * Relaxed alignment (RFC 7489 §3.1.1): SPF is aligned when any SPF result "pass" has a domain
 * with the same organisational domain as the From domain; DKIM likewise for any passing
 * signature's d= (or header.i domain). All results are considered, in any header: the analyser
 * shows what the message says, and the list beside it shows who said it (authservId).
 * null when there is no From domain or no result of that kind at all; false when there are
 * results but none passes aligned (a "none" or "fail" result counts as not aligned).
 */
export function computeAlignment(
  spf: readonly SpfResult[],
  dkim: readonly DkimResult[],
  fromDomain: string | null,
): { spf: boolean | null; dkim: boolean | null } {
  const from = normaliseFromDomain(fromDomain);
  if (!from) return { spf: null, dkim: null };
  const org = organizationalDomain(from);
  const aligned = (r: { result: string; domain: string | null }) =>
    r.result === "pass" && r.domain !== null && organizationalDomain(r.domain) === org;
  return {
    spf: spf.length === 0 ? null : spf.some(aligned),
    dkim: dkim.length === 0 ? null : dkim.some(aligned),
  };
}

/**
 * A DMARC pass for the From domain means SPF or DKIM passed aligned (RFC 7489 §4.2). When the
 * listed results show no aligned pass at all, and the message carries a DKIM-Signature whose d=
 * is aligned, that signature's pass is the one the receiver did not list (Exchange Online lists
 * one signature's result when there are several): DKIM alignment is then true. Nothing is
 * inferred without such a signature, nor when an aligned pass is listed already.
 */
export function withDmarcEvidence(
  alignment: { spf: boolean | null; dkim: boolean | null },
  dmarc: readonly DmarcResult[],
  fromDomain: string | null,
  /** The d= of the message's DKIM-Signatures; called only when the answer depends on them. */
  signedDomains: () => readonly string[],
): { spf: boolean | null; dkim: boolean | null } {
  if (alignment.spf === true || alignment.dkim === true) return alignment;
  const from = normaliseFromDomain(fromDomain);
  if (!from) return alignment;
  const org = organizationalDomain(from);
  const sameOrg = (d: string | null) => d !== null && organizationalDomain(d) === org;
  if (!dmarc.some((r) => r.result === "pass" && sameOrg(r.domain))) return alignment;
  if (!signedDomains().some((d) => sameOrg(domainOf(d)))) return alignment;
  return { spf: alignment.spf, dkim: true };
}

/** The caller passes a domain; accept a whole From value too, defensively. */
function normaliseFromDomain(fromDomain: string | null): string | null {
  if (!fromDomain) return null;
  if (fromDomain.includes("@") || fromDomain.includes("<")) return addressDomain(fromDomain);
  return domainOf(fromDomain);
}
