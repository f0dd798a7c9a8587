/** Reducing Authentication-Results to the verdicts a person scans for, with tone and icon. */
import type { Authentication } from "@/lib/analysis/types";
import type { Tone } from "@/components/ui/badge";

export function resultTone(result: string): { tone: Tone; icon: string } {
  const r = result.toLowerCase();
  if (r === "pass" || r === "bestguesspass") return { tone: "good", icon: "✓" };
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

/**
 * The first result (topmost header: the receiving server nearest the mailbox, the one to trust)
 * for SPF and DMARC; for DKIM, "pass" when any signature passed, since one valid signature suffices.
 */
export function verdicts(auth: Authentication): Verdict[] {
  const dkimPass = auth.dkim.find((d) => d.result.toLowerCase() === "pass");
  const dkim = dkimPass ?? auth.dkim[0];
  return [
    { mechanism: "SPF", result: auth.spf[0]?.result ?? null, domain: auth.spf[0]?.domain ?? null, count: auth.spf.length },
    { mechanism: "DKIM", result: dkim?.result ?? null, domain: dkim?.domain ?? null, count: auth.dkim.length },
    { mechanism: "DMARC", result: auth.dmarc[0]?.result ?? null, domain: auth.dmarc[0]?.domain ?? null, count: auth.dmarc.length },
  ];
}

export function alignmentText(aligned: boolean | null): { text: string; tone: Tone; icon: string } {
  if (aligned === true) return { text: "aligned with From", tone: "good", icon: "✓" };
  if (aligned === false) return { text: "not aligned with From", tone: "bad", icon: "✗" };
  return { text: "alignment unknown", tone: "neutral", icon: "?" };
}
