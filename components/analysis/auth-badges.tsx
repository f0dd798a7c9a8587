import type { Authentication } from "@/lib/analysis/types";
import { Badge } from "@/components/ui/badge";
import { alignmentText, resultTone, verdicts } from "./auth-model";

/**
 * SPF / DKIM / DMARC verdicts with alignment, as one row of labelled badges: the recipient's own
 * results and their alignment when the analysis says whose they are (issue 12), else all.
 */
export function AuthBadges({ auth }: { auth: Authentication }) {
  const shown = auth.recipientAlignment ?? auth.alignment;
  const align = { SPF: shown.spf, DKIM: shown.dkim, DMARC: null } as const;
  return (
    <ul aria-label="Authentication verdicts" className="flex flex-wrap gap-2">
      {verdicts(auth).map((v) => {
        const t = v.result ? resultTone(v.result) : { tone: "neutral" as const, icon: "–" };
        const a = v.mechanism === "DMARC" ? null : alignmentText(align[v.mechanism]);
        return (
          <li key={v.mechanism} className="flex flex-wrap items-center gap-1">
            <Badge tone={t.tone} icon={t.icon} title={v.domain ? `domain ${v.domain}` : undefined}>
              {v.mechanism} {v.result ?? "no result"}
            </Badge>
            {a && v.result ? (
              <Badge tone={a.tone} icon={a.icon}>
                <span className="sr-only">{v.mechanism} </span>
                {a.text}
              </Badge>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
