/**
 * What a fixture's expected JSON pins down: the fields a reader checks against the raw headers.
 * `raw` and finding messages are left out (they are text, checked by their own tests).
 */
import type { Analysis, Authentication } from "@/lib/analysis/types";

/**
 * Issue 12's additions are tested in their own files (tests/unit/antispam-*.test.ts,
 * genuine-*.test.ts), not pinned here: its finding codes, the results' trusted/source fields
 * and authentication.recipientAlignment are left out so the fixtures' expected JSON keeps to the route.
 */
const GENUINE_CODES = new Set(["spam-verdict", "compauth-fail", "dmarc-fail", "dmarc-missing", "from-not-aligned", "display-name-address", "display-name-brand", "reply-to-other-org"]);

function withoutTrust(auth: Authentication): Authentication {
  const strip = <T extends { trusted?: boolean; source?: string }>(list: T[]): T[] =>
    list.map((r) => {
      const rest = { ...r };
      delete rest.trusted;
      delete rest.source;
      return rest;
    });
  const rest = { ...auth };
  delete rest.recipientAlignment;
  return { ...rest, spf: strip(auth.spf), dkim: strip(auth.dkim), dmarc: strip(auth.dmarc) };
}

export function project(a: Analysis) {
  return {
    summary: {
      hopCount: a.summary.hopCount,
      date: a.summary.date,
      totalDelaySeconds: a.summary.totalDelaySeconds,
      tls: a.summary.tls,
      sender: a.summary.sender,
      border: a.summary.border.hop,
      trails: a.summary.trails,
    },
    hops: a.hops.map((h) => ({
      index: h.index,
      from: h.from,
      by: h.by,
      with: h.with,
      id: h.id,
      for: h.for,
      timestamp: h.timestamp,
      delaySeconds: h.delaySeconds,
      tls: h.tls,
      authenticated: h.authenticated,
      relayType: h.relayType,
      trust: h.trust,
      trail: h.trail,
      operator: h.operator,
      findings: h.findings.map((f) => f.code),
    })),
    authentication: withoutTrust(a.authentication),
    warnings: a.warnings.filter((f) => !GENUINE_CODES.has(f.code)).map((f) => (f.hop ? `${f.code}@${f.hop}` : f.code)),
  };
}
