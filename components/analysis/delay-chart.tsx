"use client";

/**
 * Per-hop delay as horizontal bars on a log scale, so a 2-hour queue and a 50 ms hand-off are
 * both visible. Every bar carries its value as text; skew, unknown and forged delays are a short
 * grey stub with a label saying what they are, never a bar of time, and never set the scale (a
 * forged "+5 y" would squash every real bar: issue 14). The caption lists the ticks it draws. Loaded with next/dynamic (client only) from AnalysisView: recharts stays out of
 * the initial page.
 */
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from "recharts";
import type { Hop } from "@/lib/analysis/types";
import { formatDelay, formatSeconds } from "@/lib/format/duration";
import { betweenDeliveries } from "./forged";

/** Tick candidates: powers of ten below a minute, then the time units people read. */
const TICKS = [0.001, 0.01, 0.1, 1, 10, 60, 600, 3600, 21600, 86400, 604800, 2592000, 31536000, 315360000];

interface Datum {
  name: string;
  value: number;
  text: string;
  kind: "time" | "slowest" | "skew" | "unknown" | "forged" | "apart";
}


const TEXT: Record<Datum["kind"], (d: number | null) => string> = {
  time: (d) => formatDelay(d),
  slowest: (d) => `${formatDelay(d)} (slowest)`,
  skew: (d) => `${formatDelay(d)}, not time`,
  unknown: () => "unknown",
  forged: () => "forged date, not time",
  apart: (d) => `${formatDelay(d)} between deliveries, not time`,
};

/** `forged`: hops whose delay involves a forged date (forged.ts gapTouchesForged). */
export function toChartData(hops: Hop[], slowest: number | null, forged: (hop: Hop) => boolean = () => false): Datum[] {
  return hops
    .filter((h) => h.index > 1)
    .map((h) => {
      const d = h.delaySeconds;
      const apart = betweenDeliveries(h);
      const kind: Datum["kind"] = forged(h) ? "forged" : d === null ? "unknown" : apart ? "apart" : d < 0 ? "skew" : h.index === slowest ? "slowest" : "time";
      const drawn = kind === "time" || kind === "slowest";
      return {
        name: `Hop ${h.index}`,
        value: drawn && d !== null && d > 0 ? d : 0,
        text: TEXT[kind](d),
        kind,
      };
    });
}

export interface ChartScale {
  /** Every tick drawn (and listed in the caption), smallest first. */
  ticks: number[];
  /** The axis start: half the first tick, so a bar at the first tick still shows. */
  start: number;
  /** Where zero, skew, unknown and forged stubs end: just past the axis start. */
  stub: number;
}

/** Ticks from the largest candidate at or below the shortest real bar to the first at or above the longest. */
export function chartScale(data: Datum[]): ChartScale {
  const real = data.filter((d) => (d.kind === "time" || d.kind === "slowest") && d.value > 0).map((d) => d.value);
  const min = real.length ? Math.min(...real) : 1;
  const max = real.length ? Math.max(...real) : 1;
  let lo = TICKS.findLastIndex((t) => t <= min);
  if (lo < 0) lo = 0;
  let hi = TICKS.findIndex((t) => t >= max);
  if (hi < 0) hi = TICKS.length - 1;
  if (hi <= lo) hi = Math.min(lo + 1, TICKS.length - 1);
  const ticks = TICKS.slice(lo, hi + 1);
  const start = ticks[0] / 2;
  return { ticks, start, stub: start * 1.35 };
}

const FILL: Record<Datum["kind"], string> = {
  time: "#3b82f6",
  slowest: "#ea580c",
  skew: "#94a3b8",
  unknown: "#94a3b8",
  forged: "#94a3b8",
  apart: "#94a3b8",
};

export default function DelayChart({
  hops,
  slowest,
  forged,
}: {
  hops: Hop[];
  slowest: number | null;
  forged?: (hop: Hop) => boolean;
}) {
  const data = toChartData(hops, slowest, forged);
  if (data.length === 0) return <p className="text-sm">There is only one hop, so there is no delay to chart.</p>;
  const { ticks, start, stub } = chartScale(data);
  const top = ticks[ticks.length - 1];
  const tickText = ticks.map((t) => formatSeconds(t, 1));
  const drawn = data.map((d) => ({ ...d, value: d.value > 0 ? Math.max(d.value, stub) : stub }));
  return (
    <figure className="min-w-0">
      <div aria-hidden="true" className="text-slate-800 dark:text-slate-200">
        <BarChart
          responsive
          accessibilityLayer={false}
          layout="vertical"
          data={drawn}
          style={{ width: "100%", height: 36 * data.length + 40 }}
          margin={{ top: 4, right: 150, bottom: 4, left: 0 }}
        >
          <XAxis
            type="number"
            scale="log"
            domain={[start, top]}
            ticks={ticks}
            allowDataOverflow
            tickFormatter={(v: number) => formatSeconds(v, 1)}
            tick={{ fill: "currentColor", fontSize: 10 }}
            stroke="currentColor"
            interval={0}
          />
          <YAxis type="category" dataKey="name" width={60} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" />
          <Bar dataKey="value" isAnimationActive={false} barSize={18}>
            {data.map((d) => (
              <Cell key={d.name} fill={FILL[d.kind]} />
            ))}
            <LabelList dataKey="text" position="right" fill="currentColor" fontSize={12} />
          </Bar>
        </BarChart>
      </div>
      <figcaption className="mt-1 text-xs text-slate-700 dark:text-slate-300">
        Delay before each hop, on a log scale with ticks at {tickText.join(", ")}: equal distances are equal ratios, so a
        bar twice as long is far more than twice the time. Clock skew, unknown and forged delays are grey stubs with a label,
        not time. The hop table shows the same delays as linear bars.
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
