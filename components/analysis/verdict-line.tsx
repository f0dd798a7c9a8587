/**
 * The verdict line (issue 12): the first thing the result says, "Marked as spam by Microsoft 365
 * (SCL 7 …)" or "Authenticated: DKIM aligned with example.com", with its evidence folded below.
 * summary.verdict is absent in shares stored before issue 12: then nothing is shown.
 */
import type { MessageVerdict } from "@/lib/analysis/types";

const TONE: Record<MessageVerdict["tone"], { box: string; icon: string; label: string }> = {
  bad: { box: "border-red-300 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50", icon: "✗", label: "Warning" },
  warn: { box: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50", icon: "!", label: "Caution" },
  good: { box: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50", icon: "✓", label: "Authenticated" },
  neutral: { box: "border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100", icon: "–", label: "Undecided" },
};

export function VerdictLine({ verdict }: { verdict?: MessageVerdict | null }) {
  if (!verdict || typeof verdict.text !== "string") return null;
  const t = TONE[verdict.tone] ?? TONE.neutral;
  const basis = Array.isArray(verdict.basis) ? verdict.basis : [];
  return (
    <div role="status" aria-label="Verdict" data-testid="verdict-line" data-tone={verdict.tone} className={`rounded-lg border px-3 py-2 ${t.box}`}>
      <p className="flex items-start gap-2 text-base font-semibold [overflow-wrap:anywhere]">
        <span aria-hidden="true">{t.icon}</span>
        <span>
          <span className="sr-only">{t.label}: </span>
          {verdict.text}
        </span>
      </p>
      {basis.length > 0 ? (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer">Why ({basis.length})</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 [overflow-wrap:anywhere]">
            {basis.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
