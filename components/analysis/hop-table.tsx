"use client";

import { useState } from "react";
import type { Hop } from "@/lib/analysis/types";
import { formatDelaySigned } from "@/lib/format/duration";
import { formatUtc } from "@/lib/format/dates";
import { FOCUS_RING } from "@/components/ui/button";
import { relayTypeInfo } from "./relay-types";
import { tlsText } from "./hop-badges";
import { describeBy, describeFrom } from "./hop-model";
import { protocolAsWritten } from "./display-names";
import { SeverityBadge } from "./findings";
import { sortFindings } from "./findings-model";
import type { RouteFacts } from "./hop-context";
import { LockIcon, UnlockIcon } from "@/components/ui/icons";
import { HopClockCell, HopNetwork } from "./hop-clock";
import { betweenDeliveries } from "./forged";

// Tokens (host names, protocol names, times) never break inside: the table scrolls in its box instead.
const CELL = "border-b border-slate-200 px-2 py-1.5 align-top dark:border-slate-700";
const TOKEN = "whitespace-nowrap";

type Sort = "route" | "delay";

/** Linear bar widths (percent) over real delays; forged gaps, skew and unknown get no bar. */
export function delayBars(hops: Hop[], facts: Pick<RouteFacts, "context">): Map<number, number> {
  const real = hops.filter((h) => h.index > 1 && h.delaySeconds !== null && h.delaySeconds > 0 && !facts.context(h).forgedGap && !betweenDeliveries(h));
  const max = Math.max(0, ...real.map((h) => h.delaySeconds ?? 0));
  const out = new Map<number, number>();
  for (const h of real) out.set(h.index, max > 0 ? Math.max(1, Math.round(((h.delaySeconds ?? 0) / max) * 100)) : 0);
  return out;
}

/** Route order, or longest real delay first (forged, skewed and unknown delays last). */
export function sortHops(hops: Hop[], sort: Sort, facts: Pick<RouteFacts, "context">): Hop[] {
  if (sort === "route") return hops;
  const key = (h: Hop) => (h.index === 1 || h.delaySeconds === null || facts.context(h).forgedGap || betweenDeliveries(h) ? -Infinity : h.delaySeconds);
  return hops
    .map((h, i) => ({ h, i }))
    .sort((a, b) => key(b.h) - key(a.h) || a.i - b.i)
    .map(({ h }) => h);
}

function DelayCell({ hop, width, facts }: { hop: Hop; width: number | undefined; facts: RouteFacts }) {
  if (hop.index === 1) return <span className="text-slate-600 dark:text-slate-400">start</span>;
  const c = facts.context(hop);
  const d = hop.delaySeconds;
  const label = d === null ? "unknown" : formatDelaySigned(d);
  return (
    <div className="min-w-[7rem]">
      <span className={TOKEN}>{label}</span>
      {c.forgedGap && d !== null ? <div className="font-semibold text-red-800 dark:text-red-200">forged date, not a delay</div> : null}
      {c.slowest ? <div className="font-semibold whitespace-nowrap">slowest hop</div> : null}
      {width !== undefined ? (
        <div aria-hidden="true" className="mt-1 h-2 w-full rounded bg-slate-100 dark:bg-slate-800">
          <div className={`h-2 rounded ${c.slowest ? "bg-orange-600" : "bg-blue-600 dark:bg-blue-400"}`} style={{ width: `${width}%` }} />
        </div>
      ) : d !== null && (d < 0 || c.forgedGap) ? (
        <div aria-hidden="true" className="mt-1 h-2 w-full rounded border border-dashed border-slate-400 dark:border-slate-500" />
      ) : null}
    </div>
  );
}

/**
 * All hops as rows: the delay as a linear bar, the operator and the hop's findings beside it;
 * sortable by delay. Scrolls inside its own box on phones (tokens do not break mid-word).
 */
export function HopTable({ hops, facts }: { hops: Hop[]; facts: RouteFacts }) {
  const [sort, setSort] = useState<Sort>("route");
  const bars = delayBars(hops, facts);
  // Most phishing chains name no known operator: the column appears only when one does.
  const showOperator = hops.some((h) => h.operator);
  const rows = sortHops(hops, sort, facts);
  return (
    <div className="space-y-2">
      <div
        role="region"
        aria-label="Hops table"
        tabIndex={0}
        className={`relative max-w-full overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700 ${FOCUS_RING}`}
      >
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">
            Hops, {sort === "route" ? "earliest first" : "longest delay first"}; delay bars are linear, relative to the longest real delay
          </caption>
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className={CELL} aria-sort={sort === "route" ? "ascending" : "none"}>
                #
              </th>
              {["Type", "From → by", ...(showOperator ? ["Operator"] : []), "Protocol, TLS", "Time (UTC)"].map((h) => (
                <th key={h} scope="col" className={`${CELL} ${TOKEN}`}>
                  {h}
                </th>
              ))}
              <th scope="col" className={CELL} aria-sort={sort === "delay" ? "descending" : "none"}>
                <button
                  type="button"
                  onClick={() => setSort(sort === "delay" ? "route" : "delay")}
                  className={`inline-flex items-center gap-1 font-semibold whitespace-nowrap text-blue-800 underline underline-offset-2 dark:text-blue-300 ${FOCUS_RING}`}
                >
                  Delay {sort === "delay" ? "▼" : "↕"}
                  <span className="sr-only">{sort === "delay" ? ", sorted longest first; press for route order" : ", press to sort longest first"}</span>
                </button>
              </th>
              <th scope="col" className={CELL}>
                Findings
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((hop) => {
              const c = facts.context(hop);
              const from = describeFrom(hop);
              const info = relayTypeInfo(hop.relayType);
              const findings = sortFindings(hop.findings);
              return (
                <tr
                  key={hop.index}
                  className={c.forged ? "bg-red-50 dark:bg-red-950" : c.slowest ? "bg-orange-50 dark:bg-orange-950" : undefined}
                >
                  <th scope="row" className={CELL}>
                    {hop.index}
                  </th>
                  <td className={CELL}>
                    <span className={TOKEN}>
                      <span aria-hidden="true">{info.icon} </span>
                      {info.label}
                    </span>
                    {c.border ? <div className="text-xs font-semibold">recipient&apos;s border</div> : null}
                    {c.forged ? <div className="text-xs font-semibold text-red-800 dark:text-red-200">forged</div> : null}
                    {hop.trust === "sender" ? <div className="text-xs text-slate-700 dark:text-slate-300">sender&apos;s claim</div> : null}
                  </td>
                  <td className={`${CELL} font-mono text-xs`}>
                    <div className={TOKEN}>
                      <span className="font-sans text-slate-600 dark:text-slate-400">from </span>
                      {from.name}
                    </div>
                    {from.details.map((d) => (
                      <div key={d} className={`${TOKEN} pl-3 text-slate-600 dark:text-slate-400`}>
                        {d}
                      </div>
                    ))}
                    <HopNetwork hop={hop} />
                    <div className={TOKEN}>
                      <span className="font-sans text-slate-600 dark:text-slate-400">by </span>
                      {describeBy(hop)}
                    </div>
                  </td>
                  {showOperator ? <td className={`${CELL} text-xs`}>{hop.operator ?? "—"}</td> : null}
                  <td className={`${CELL} text-xs`}>
                    <span className={TOKEN} data-testid="protocol">
                      {protocolAsWritten(hop) ?? "—"}
                    </span>
                    {hop.authenticated ? <div>authenticated</div> : null}
                    <div className="mt-0.5">
                      {hop.tls.encrypted === true ? <LockIcon /> : hop.tls.encrypted === false ? <UnlockIcon /> : null} {tlsText(hop.tls)}
                      {hop.tls.encrypted === false && !c.tlsMatters ? " (local)" : ""}
                    </div>
                  </td>
                  <td className={`${CELL} font-mono text-xs`}>{formatUtc(hop.timestamp) ?? "unknown"}</td>
                  <td className={`${CELL} text-xs`}>
                    <DelayCell hop={hop} width={bars.get(hop.index)} facts={facts} />
                    <HopClockCell hop={hop} />
                  </td>
                  <td className={`${CELL} text-xs`}>
                    {findings.length === 0 ? (
                      <span className="text-slate-600 dark:text-slate-400">—</span>
                    ) : (
                      // min-width on a table cell is ignored by browsers: it goes on the list.
                      <ul className="min-w-[13rem] space-y-1">
                        {findings.map((f, i) => (
                          <li key={`${f.code}-${i}`}>
                            <SeverityBadge severity={f.severity} /> {f.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        Delay bars are linear: a bar twice as long is twice the time. Forged dates, clock skew and unknown delays get no bar.
      </p>
    </div>
  );
}
