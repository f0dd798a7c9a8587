import type { Authentication } from "@/lib/analysis/types";
import { Badge } from "@/components/ui/badge";
import { AuthBadges } from "./auth-badges";
import { byTrust, resultTone } from "./auth-model";

const CELL = "border-b border-slate-200 px-1.5 py-1.5 align-top [overflow-wrap:anywhere] dark:border-slate-700";

interface Row {
  mechanism: string;
  result: string;
  domain: string | null;
  detail: string | null;
  authservId: string | null;
  /** Whose record (issue 12; absent in older shares and for ARC). */
  trusted?: boolean;
}

const WHOSE = { true: "recipient", false: "upstream claim" } as const;

/** Rows: the recipient's own results first (DMARC, DKIM, SPF within), then unknown, then upstream claims; ARC last. */
function rows(auth: Authentication): Row[] {
  const main: Row[] = [
    ...auth.dmarc.map((r) => ({
      mechanism: "DMARC",
      result: r.result,
      domain: r.domain,
      detail: r.policy ? `policy ${r.policy}` : null,
      authservId: r.authservId,
      trusted: r.trusted,
    })),
    ...auth.dkim.map((r) => ({
      mechanism: "DKIM",
      result: r.result,
      domain: r.domain,
      detail: r.selector ? `selector ${r.selector}` : null,
      authservId: r.authservId,
      trusted: r.trusted,
    })),
    ...auth.spf.map((r) => ({ mechanism: "SPF", result: r.result, domain: r.domain, detail: null, authservId: r.authservId, trusted: r.trusted })),
  ];
  return [
    ...byTrust(main),
    ...auth.arc.map((r) => ({
      mechanism: "ARC",
      result: r.result,
      domain: null,
      detail: r.instance !== null ? `instance i=${r.instance}` : null,
      authservId: null,
    })),
  ];
}

/** Every authentication result, with the server that recorded it (authserv-id). */
export function AuthResults({ auth }: { auth: Authentication }) {
  const all = rows(auth);
  return (
    <div className="space-y-3">
      <AuthBadges auth={auth} />
      {all.length === 0 ? (
        <p className="text-sm">No Authentication-Results, ARC or Received-SPF headers were found.</p>
      ) : (
        <div className="max-w-full">
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">Every authentication result</caption>
            <thead className="bg-slate-100 dark:bg-slate-800">
              <tr>
                <th scope="col" className={`${CELL} w-[4.75rem]`}>
                  Check
                </th>
                <th scope="col" className={`${CELL} w-[5.5rem]`}>
                  Result
                </th>
                <th scope="col" className={CELL}>
                  Domain / detail
                </th>
                <th scope="col" className={CELL}>
                  Recorded by
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map((r, i) => {
                const t = resultTone(r.result);
                return (
                  <tr key={i}>
                    <th scope="row" className={CELL}>
                      {r.mechanism}
                    </th>
                    <td className={CELL}>
                      <Badge tone={t.tone} icon={t.icon}>
                        {r.result}
                      </Badge>
                    </td>
                    <td className={`${CELL} break-all font-mono text-xs`}>
                      {r.domain ?? "—"}
                      {r.detail ? <div className="text-slate-600 dark:text-slate-400">{r.detail}</div> : null}
                    </td>
                    <td className={`${CELL} break-all font-mono text-xs`}>
                      {r.authservId ?? "—"}
                      {r.trusted !== undefined ? (
                        <div className="font-sans">
                          <Badge tone={r.trusted ? "info" : "neutral"}>{WHOSE[`${r.trusted}`]}</Badge>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
