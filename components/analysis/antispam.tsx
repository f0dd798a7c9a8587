/**
 * The spam-filter section (issue 12): each filter's verdict, score and every field with its
 * documented meaning ("not documented" when the tables do not know the code). Whose record it
 * is comes first: the recipient's own filter, or an upstream server's claim. analysis.antispam
 * is absent in shares stored before issue 12: the section then says nothing was read.
 */
import type { AntispamReport } from "@/lib/analysis/types";
import { Badge, type Tone } from "@/components/ui/badge";

const CELL = "border-b border-slate-200 px-1.5 py-1.5 align-top [overflow-wrap:anywhere] dark:border-slate-700";

const VERDICT: Record<string, { text: string; tone: Tone; icon: string }> = {
  spam: { text: "spam", tone: "bad", icon: "✗" },
  phish: { text: "phishing", tone: "bad", icon: "✗" },
  malware: { text: "malware", tone: "bad", icon: "✗" },
  bulk: { text: "bulk", tone: "warn", icon: "!" },
  clean: { text: "not spam", tone: "good", icon: "✓" },
  skipped: { text: "filtering skipped", tone: "neutral", icon: "–" },
  unknown: { text: "no verdict", tone: "neutral", icon: "–" },
};

function whose(trusted: boolean | null | undefined): { text: string; tone: Tone } {
  if (trusted === true) return { text: "recipient's filter", tone: "info" };
  if (trusted === false) return { text: "upstream claim", tone: "neutral" };
  return { text: "whose filter unknown", tone: "neutral" };
}

export function Antispam({ reports }: { reports?: AntispamReport[] | null }) {
  const list = Array.isArray(reports) ? reports : [];
  if (list.length === 0) return <p className="text-sm">No spam-filter headers were found (or this result was stored before they were read).</p>;
  return (
    <div className="space-y-4" data-testid="antispam">
      {list.map((r, i) => {
        const v = VERDICT[r.verdict] ?? VERDICT.unknown;
        const w = whose(r.trusted);
        const fields = Array.isArray(r.fields) ? r.fields : [];
        return (
          <article key={i} aria-label={`${r.vendor} spam filter`} className="space-y-2">
            <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold">
              {r.vendor}
              <Badge tone={v.tone} icon={v.icon}>
                {v.text}
              </Badge>
              {r.score !== null && r.score !== undefined ? (
                <Badge>
                  score {r.score}
                  {r.threshold !== null && r.threshold !== undefined ? ` / ${r.threshold}` : ""}
                </Badge>
              ) : null}
              <Badge tone={w.tone}>{w.text}</Badge>
            </h3>
            <p className="text-xs text-slate-700 dark:text-slate-300">
              From {r.header}
              {Array.isArray(r.reason) && r.reason.length > 0 ? `; decided by ${r.reason.join(", ")}` : ""}
            </p>
            {fields.length > 0 ? (
              <table className="w-full table-fixed text-left text-sm">
                <caption className="sr-only">{r.vendor} fields and their meanings</caption>
                <thead className="bg-slate-100 dark:bg-slate-800">
                  <tr>
                    <th scope="col" className={`${CELL} w-1/4`}>
                      Field
                    </th>
                    <th scope="col" className={`${CELL} w-1/4`}>
                      Value
                    </th>
                    <th scope="col" className={CELL}>
                      Meaning
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((f, j) => (
                    <tr key={j}>
                      <th scope="row" className={`${CELL} font-mono text-xs`}>
                        {f.name}
                      </th>
                      <td className={`${CELL} break-all font-mono text-xs`}>{f.value === "" ? "—" : f.value}</td>
                      <td className={CELL}>{f.meaning ?? <span className="text-slate-600 italic dark:text-slate-400">not documented by the vendor</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </article>
        );
      })}
    </div>
  );
}
