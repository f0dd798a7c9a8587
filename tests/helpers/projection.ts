/**
 * What a fixture's expected JSON pins down: the fields a reader checks against the raw headers.
 * `raw` and finding messages are left out (they are text, checked by their own tests).
 */
import type { Analysis } from "@/lib/analysis/types";

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
    authentication: a.authentication,
    warnings: a.warnings.map((f) => (f.hop ? `${f.code}@${f.hop}` : f.code)),
  };
}
