/** Gathering and ordering findings for display: message-level plus every hop's, most severe first. */
import type { Analysis, Finding, Severity } from "@/lib/analysis/types";

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

function rank(s: string): number {
  return (SEVERITY_RANK as Record<string, number | undefined>)[s] ?? 3;
}

/** Stable sort by severity; message-level findings before hop findings of equal severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i)
    .map(({ f }) => f);
}

/** Every finding of the analysis once: warnings, then hop findings not already among them. */
export function allFindings(analysis: Analysis): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  const add = (f: Finding, hop?: number) => {
    const withHop = f.hop === undefined && hop !== undefined ? { ...f, hop } : f;
    const key = `${withHop.code}|${withHop.hop ?? ""}|${withHop.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(withHop);
  };
  analysis.warnings.forEach((f) => add(f));
  analysis.hops.forEach((h) => h.findings.forEach((f) => add(f, h.index)));
  return sortFindings(out);
}
