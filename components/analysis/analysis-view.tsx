"use client";

/**
 * The whole result for one Analysis: summary, route (timeline or table), delay chart, findings,
 * authentication, every header, JSON export. Presentational: it takes a stored or fresh Analysis
 * and fetches nothing, so the home page and the permalink page (/a/[id]) render the same thing.
 */
import dynamic from "next/dynamic";
import { useState } from "react";
import type { Analysis } from "@/lib/analysis/types";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { AuthResults } from "./auth-results";
import { FindingList } from "./findings";
import { allFindings } from "./findings-model";
import { HeadersTable } from "./headers-table";
import { slowestOf } from "./timing-model";
import { HopTable } from "./hop-table";
import { JsonExport } from "./json-export";
import { RelayLegend } from "./relay-legend";
import { Summary } from "./summary";
import { Timeline } from "./timeline";

const DelayChart = dynamic(() => import("./delay-chart"), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-700 dark:text-slate-300">Loading chart…</p>,
});

type RouteView = "timeline" | "table";

export function AnalysisView({ analysis }: { analysis: Analysis }) {
  const [view, setView] = useState<RouteView>("timeline");
  const slowest = slowestOf(analysis);
  const findings = allFindings(analysis);
  const hops = analysis.hops.length;

  return (
    <div className="min-w-0 space-y-8">
      <Summary analysis={analysis} />

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
          <Timeline hops={analysis.hops} slowest={slowest} />
        ) : (
          <HopTable hops={analysis.hops} slowest={slowest} />
        )}
        <RelayLegend />
      </Section>

      {hops > 1 ? (
        <Section id="delays" title="Delay per hop">
          <DelayChart hops={analysis.hops} slowest={slowest} />
        </Section>
      ) : null}

      <Section id="findings" title={`Findings (${findings.length})`}>
        <FindingList findings={findings} />
      </Section>

      <Section id="auth" title="Authentication">
        <AuthResults auth={analysis.authentication} />
      </Section>

      <Section id="headers" title="All headers">
        <HeadersTable headers={analysis.headers} />
      </Section>

      <Section id="export" title="Export">
        <JsonExport analysis={analysis} />
      </Section>
    </div>
  );
}
