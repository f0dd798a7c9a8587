/**
 * The message's authentication results, from Authentication-Results (RFC 8601),
 * ARC-Authentication-Results and ARC-Seal (RFC 8617) and Received-SPF (RFC 7208 §9.1).
 *
 * Decisions (see also alignment.ts):
 * - Every entry is kept, in header order (topmost first), whoever wrote it: an analyser shows
 *   what the message claims and says who claimed it (authservId). Entries are dropped only when
 *   identical to an earlier one (Google repeats its Authentication-Results in ARC-Authentication-Results).
 * - Results are lower-case; unknown methods (iprev, compauth, sender-id, x-…) are not reported.
 * - SPF domain: smtp.mailfrom (smtp.mail, RFC 5451 era), its domain part; else smtp.helo.
 *   DKIM domain: header.d, else the domain of header.i; selector: header.s as written.
 *   DMARC domain: header.from; policy: see dmarcPolicy(), lower-case.
 * - ARC: "arc=" results of (ARC-)Authentication-Results (instance from a "(i=N)" comment, else
 *   null) and each ARC-Seal's cv= with its i= (RFC 8617 §4.1.3).
 * - At most MAX_RESULTS_PER_KIND entries per kind: a hostile header cannot blow up the response.
 * - Issue 12: with a trust reader (build.ts passes verdict/trust.ts's), each SPF/DKIM/DMARC entry
 *   says whose record it is (trusted, source) from its header's position and authserv-id; the
 *   duplicate check ignores these fields, so the topmost copy of a repeated result decides.
 */
import { arcInstanceFromComments, authResultsOf, dmarcPolicy, parseInstance, type AuthResultsHeader } from "./auth-results";
import { computeAlignment, withDmarcEvidence } from "./alignment";
import { createGuard, type Guard } from "../guard";
import type { RawField } from "../message/headers";
import { domainOf } from "../net/domain";
import { parseReceivedSpf } from "./received-spf";
import type { ArcResult, Authentication, DkimResult, DmarcResult, ResultTrust, SpfResult } from "../types";
import { parseTagList } from "../text/tag-list";

/** Upper bound on entries per kind (spf, dkim, dmarc, arc). Real messages carry fewer than 20. */
export const MAX_RESULTS_PER_KIND = 200;
/** Longest selector kept (DNS label limit is 63 per label; selectors may have several labels). */
const MAX_SELECTOR_CHARS = 255;

/**
 * Whose record a result at a header position is (verdict/trust.ts): called with the header's
 * position (0 = topmost) and its authserv-id; null when no border is known.
 */
export type ResultTrustFn = (position: number, authservId: string | null) => boolean | null;

/** Collects entries in order, skipping exact duplicates, up to MAX_RESULTS_PER_KIND. */
class EntryList<T extends object> {
  readonly items: T[] = [];
  private readonly seen = new Set<string>();
  /** The header position of the entry being added (set by the loop), and the trust reader. */
  position = 0;
  trust: ResultTrustFn | null = null;
  add(item: T): void {
    if (this.items.length >= MAX_RESULTS_PER_KIND) return;
    // Entries are flat (strings, numbers, null): their values in order identify them.
    let key = "";
    for (const v of Object.values(item)) key += (v === null ? "\u0001" : String(v)) + "\u0000";
    if (this.seen.has(key)) return;
    this.seen.add(key);
    // Trust is added after the key: the first (topmost) copy of a repeated result decides it.
    const trusted = this.trust && "authservId" in item ? this.trust(this.position, (item as { authservId: string | null }).authservId) : null;
    if (trusted !== null) {
      // The entry is this list's own (every caller builds it fresh): the fields go on at the end,
      // where a spread copy put them, without the copy.
      const entry = item as T & ResultTrust;
      entry.trusted = trusted;
      entry.source = trusted ? "recipient" : "upstream";
    }
    this.items.push(item);
  }
}

/**
 * Reads every authentication header in `fields` (header order) and computes relaxed alignment
 * with `fromDomain` (the From address's domain, see addressDomain()). Each header is read under
 * `guard` (build.ts): one that fails is reported, the others still count.
 */
export function parseAuthentication(fields: readonly RawField[], fromDomain: string | null, guard: Guard = createGuard([]), trust: ResultTrustFn | null = null): Authentication {
  const spf = new EntryList<SpfResult>();
  const dkim = new EntryList<DkimResult>();
  const dmarc = new EntryList<DmarcResult>();
  const arc = new EntryList<ArcResult>();
  spf.trust = dkim.trust = dmarc.trust = trust;

  for (let position = 0; position < fields.length; position++) {
    const field = fields[position];
    spf.position = dkim.position = dmarc.position = position;
    switch (field.key) {
      case "authentication-results":
      case "arc-authentication-results":
        guard(field.name, () => addResults(authResultsOf(field), spf, dkim, dmarc, arc), undefined);
        break;
      case "arc-seal": {
        const seal = guard(field.name, () => parseArcSeal(field.value), null);
        if (seal) arc.add(seal);
        break;
      }
      case "received-spf": {
        const r = guard(field.name, () => parseReceivedSpf(field.value), null);
        if (r) spf.add(r);
        break;
      }
    }
  }

  return {
    spf: spf.items,
    dkim: dkim.items,
    dmarc: dmarc.items,
    arc: arc.items,
    alignment: withDmarcEvidence(computeAlignment(spf.items, dkim.items, fromDomain), dmarc.items, fromDomain, () => signedDomains(fields)),
  };
}

/** The signing domain (d=) of one DKIM-Signature value, or null. */
export function dkimDomain(value: string): string | null {
  return parseTagList(value).get("d") || null;
}

/** The d= of every DKIM-Signature (alignment.ts's withDmarcEvidence reads them). */
export function signedDomains(fields: readonly RawField[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    if (f.key !== "dkim-signature") continue;
    const d = dkimDomain(f.value);
    if (d) out.push(d);
  }
  return out;
}

function addResults(
  header: AuthResultsHeader,
  spf: EntryList<SpfResult>,
  dkim: EntryList<DkimResult>,
  dmarc: EntryList<DmarcResult>,
  arc: EntryList<ArcResult>,
): void {
  const authservId = header.authservId;
  for (const r of header.results) {
    switch (r.method) {
      case "spf":
        spf.add({
          result: r.result,
          domain: domainOf(r.props.get("smtp.mailfrom") ?? r.props.get("smtp.mail")) ?? domainOf(r.props.get("smtp.helo")),
          authservId,
        });
        break;
      case "dkim":
        dkim.add({
          result: r.result,
          domain: domainOf(r.props.get("header.d")) ?? domainOf(r.props.get("header.i")),
          selector: selectorOf(r.props.get("header.s")),
          authservId,
        });
        break;
      case "dmarc":
        dmarc.add({ result: r.result, domain: domainOf(r.props.get("header.from")), policy: dmarcPolicy(r), authservId });
        break;
      case "arc":
        arc.add({ result: r.result, instance: arcInstanceFromComments(r) });
        break;
    }
  }
}

function selectorOf(s: string | undefined): string | null {
  const v = s?.trim();
  if (!v || v.length > MAX_SELECTOR_CHARS) return null;
  return v;
}

/**
 * ARC-Seal is a DKIM-style tag list (RFC 6376 §3.2): "i=1; a=rsa-sha256; cv=none; d=…; s=…; b=…".
 * Returns the chain validation status cv= (lower-case) with the instance i=, or null without cv=.
 */
export function parseArcSeal(value: string): ArcResult | null {
  const tags = parseTagList(value);
  const cv = tags.get("cv")?.toLowerCase() ?? null;
  const i = tags.get("i");
  const instance = i === undefined ? null : parseInstance(i);
  if (!cv || cv.length > 16 || !/^[a-z]+$/.test(cv)) return null;
  return { result: cv, instance };
}
