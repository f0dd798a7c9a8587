/** Reducing Authentication-Results to the verdicts a person scans for, with tone and icon. */
import type { Authentication } from "@/lib/analysis/types";
import type { Tone } from "@/components/ui/badge";

/**
 * pass is good; DMARC "bestguesspass" (no DMARC record, it would have passed) and "none" (no
 * record) authenticate nothing: neutral, never green (issue 12).
 */
export function resultTone(result: string): { tone: Tone; icon: string } {
  const r = result.toLowerCase();
  if (r === "pass") return { tone: "good", icon: "✓" };
  if (r === "fail" || r === "permerror") return { tone: "bad", icon: "✗" };
  if (r === "softfail" || r === "temperror" || r === "policy") return { tone: "warn", icon: "!" };
  return { tone: "neutral", icon: "–" };
}

export interface Verdict {
  mechanism: "SPF" | "DKIM" | "DMARC";
  /** null: the headers carry no result for this mechanism. */
  result: string | null;
  domain: string | null;
  count: number;
}

/** Rank of whose record a result is: the recipient's first, then unknown, then upstream claims. */
export function trustRank(trusted: boolean | undefined): number {
  return trusted === true ? 0 : trusted === undefined ? 1 : 2;
}

/** Results ordered by whose record they are (stable: header order within each rank). */
export function byTrust<T extends { trusted?: boolean }>(list: readonly T[]): T[] {
  return list.map((r, i) => ({ r, i })).sort((a, b) => trustRank(a.r.trusted) - trustRank(b.r.trusted) || a.i - b.i).map((x) => x.r);
}

/**
 * The first result, the recipient's own first (trusted, issue 12; older shares: the topmost
 * header, the receiving server nearest the mailbox) for SPF and DMARC; for DKIM, "pass" when any
 * of those signatures passed, since one valid signature suffices.
 */
export function verdicts(auth: Authentication): Verdict[] {
  const spf = byTrust(auth.spf);
  const dmarc = byTrust(auth.dmarc);
  const dkimAll = byTrust(auth.dkim);
  const best = dkimAll.filter((d) => trustRank(d.trusted) === trustRank(dkimAll[0]?.trusted));
  const dkim = best.find((d) => d.result.toLowerCase() === "pass") ?? dkimAll[0];
  return [
    { mechanism: "SPF", result: spf[0]?.result ?? null, domain: spf[0]?.domain ?? null, count: auth.spf.length },
    { mechanism: "DKIM", result: dkim?.result ?? null, domain: dkim?.domain ?? null, count: auth.dkim.length },
    { mechanism: "DMARC", result: dmarc[0]?.result ?? null, domain: dmarc[0]?.domain ?? null, count: auth.dmarc.length },
  ];
}

export function alignmentText(aligned: boolean | null): { text: string; tone: Tone; icon: string } {
  if (aligned === true) return { text: "aligned with From", tone: "good", icon: "✓" };
  if (aligned === false) return { text: "not aligned with From", tone: "bad", icon: "✗" };
  return { text: "alignment unknown", tone: "neutral", icon: "?" };
}
