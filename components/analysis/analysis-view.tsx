"use client";

/**
 * The whole result for one Analysis: summary, share and export, route (timeline or table), delay
 * chart, findings, authentication, every header. Presentational: it takes a stored or fresh
 * Analysis and fetches nothing, so the home page and the permalink page (/a/[id]) render the same
 * thing. Share and Export sit right under the summary (issue 14: not after 7,000 px).
 */
import dynamic from "next/dynamic";
import { useMemo, useState, type ReactNode } from "react";
import type { Analysis } from "@/lib/analysis/types";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { Antispam } from "./antispam";
import { AuthResults } from "./auth-results";
import { FindingList } from "./findings";
import { allFindings } from "./findings-model";
import { gapTouchesForged } from "./forged";
import { HeadersTable } from "./headers-table";
import { routeFacts } from "./hop-context";
import { HopTable } from "./hop-table";
import { JsonExport } from "./json-export";
import { RelayLegend } from "./relay-legend";
import { Summary } from "./summary";
import { Timeline } from "./timeline";
import { VerdictLine } from "./verdict-line";

const DelayChart = dynamic(() => import("./delay-chart"), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-700 dark:text-slate-300">Loading chart…</p>,
});

type RouteView = "timeline" | "table";

export function AnalysisView({
  analysis,
  share,
}: {
  analysis: Analysis;
  /** The share action (home page only); shown with Export right under the summary. */
  share?: ReactNode;
}) {
  const [view, setView] = useState<RouteView>("timeline");
  const facts = useMemo(() => routeFacts(analysis), [analysis]);
  const findings = allFindings(analysis);
  const hops = analysis.hops.length;

  return (
    <div className="min-w-0 space-y-8">
      <VerdictLine verdict={analysis.summary.verdict} />
      <Summary analysis={analysis} />

      <section aria-label="Share and export" className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
        {share ? <div className="min-w-0 flex-1">{share}</div> : null}
        <div className="rounded-lg border border-slate-300 p-4 dark:border-slate-600">
          <h2 className="mb-2 text-lg font-semibold">Export</h2>
          <JsonExport analysis={analysis} />
        </div>
      </section>

      <Section
        id="route"
        title={`Route: ${hops} hop${hops === 1 ? "" : "s"}, earliest first`}
        actions={
          hops > 0 ? (
            <div role="group" aria-label="Route view" className="flex gap-1">
              {(["timeline", "table"] as const).map((v) => (
                <Button key={v} aria-pressed={view === v} onClick={() => setView(v)} variant={view === v ? "primary" : "secondary"}>
                  {v === "timeline" ? "Timeline" : "Table"}
                </Button>
              ))}
            </div>
          ) : null
        }
      >
        {view === "timeline" || hops === 0 ? (
          <Timeline hops={analysis.hops} facts={facts} emptyNote={analysis.warnings.find((w) => w.code === "no-received")?.message} />
        ) : (
          <HopTable hops={analysis.hops} facts={facts} />
        )}
        <RelayLegend />
      </Section>

      {hops > 1 ? (
        <Section id="delays" title="Delay per hop">
          <DelayChart hops={analysis.hops} slowest={facts.slowest} forged={(h) => gapTouchesForged(h, facts.forged)} />
        </Section>
      ) : null}

      <Section id="findings" title={`Findings (${findings.length})`}>
        <FindingList findings={findings} />
      </Section>

      <Section id="auth" title="Authentication">
        <AuthResults auth={analysis.authentication} />
      </Section>

      <Section id="antispam" title="Spam filters">
        <Antispam reports={analysis.antispam} />
      </Section>

      <Section id="headers" title="All headers">
        <HeadersTable headers={analysis.headers} />
      </Section>
    </div>
  );
}
