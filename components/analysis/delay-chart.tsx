"use client";

/**
 * Per-hop delay as horizontal bars on a log scale, so a 2-hour queue and a 50 ms hand-off are
 * both visible. Every bar carries its value as text; skew and unknown delays are labelled, not
 * drawn as time. Loaded with next/dynamic (client only) from AnalysisView: recharts stays out of
 * the initial page.
 */
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from "recharts";
import type { Hop } from "@/lib/analysis/types";
import { formatDelay, formatSeconds } from "@/lib/format/duration";

/** Zero, negative and unknown delays are drawn as a stub at FLOOR, just past the axis start, with a text label. */
const FLOOR = 0.001;
const AXIS_START = 0.0005;
const TICKS = [0.001, 0.01, 0.1, 1, 10, 60, 600, 3600, 21600, 86400, 604800, 2592000, 31536000, 315360000];

interface Datum {
  name: string;
  value: number;
  text: string;
  kind: "time" | "slowest" | "skew" | "unknown";
}

export function toChartData(hops: Hop[], slowest: number | null): Datum[] {
  return hops
    .filter((h) => h.index > 1)
    .map((h) => {
      const d = h.delaySeconds;
      const kind: Datum["kind"] = d === null ? "unknown" : d < 0 ? "skew" : h.index === slowest ? "slowest" : "time";
      return {
        name: `Hop ${h.index}`,
        value: d !== null && d > FLOOR ? d : FLOOR,
        text: kind === "slowest" ? `${formatDelay(d)} (slowest)` : formatDelay(d),
        kind,
      };
    });
}

const FILL: Record<Datum["kind"], string> = {
  time: "#3b82f6",
  slowest: "#ea580c",
  skew: "#94a3b8",
  unknown: "#94a3b8",
};

export default function DelayChart({ hops, slowest }: { hops: Hop[]; slowest: number | null }) {
  const data = toChartData(hops, slowest);
  if (data.length === 0) return <p className="text-sm">There is only one hop, so there is no delay to chart.</p>;
  const max = Math.max(...data.map((d) => d.value), 1);
  const ticks = TICKS.filter((t) => t <= max * 10);
  const top = ticks[ticks.length - 1] ?? 1;
  return (
    <figure className="min-w-0">
      <div aria-hidden="true" className="text-slate-800 dark:text-slate-200">
        <BarChart
          responsive
          accessibilityLayer={false}
          layout="vertical"
          data={data}
          style={{ width: "100%", height: 36 * data.length + 40 }}
          margin={{ top: 4, right: 132, bottom: 4, left: 0 }}
        >
          <XAxis
            type="number"
            scale="log"
            domain={[AXIS_START, top]}
            ticks={ticks}
            allowDataOverflow
            tickFormatter={(v: number) => formatSeconds(v, 1)}
            tick={{ fill: "currentColor", fontSize: 11 }}
            stroke="currentColor"
            interval="preserveStartEnd"
            minTickGap={8}
          />
          <YAxis type="category" dataKey="name" width={56} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" />
          <Bar dataKey="value" isAnimationActive={false} barSize={18}>
            {data.map((d) => (
              <Cell key={d.name} fill={FILL[d.kind]} />
            ))}
            <LabelList dataKey="text" position="right" fill="currentColor" fontSize={12} />
          </Bar>
        </BarChart>
      </div>
      <figcaption className="mt-1 text-xs text-slate-700 dark:text-slate-300">
        Delay before each hop, log scale (each step is ten times the previous). Clock skew and unknown delays are
        labelled, not drawn.
      </figcaption>
      <ul className="sr-only">
        {data.map((d) => (
          <li key={d.name}>
            {d.name}: {d.text}
          </li>
        ))}
      </ul>
    </figure>
  );
}
