/**
 * Clock offsets per recording server (issue 13). Each hop's date was written by its `by`
 * server's clock; clocks of one organisation are taken as one clock (its servers share time
 * sources). Causality gives constraints: a hop cannot be received before the hop before it, and
 * a signature, seal or Date cannot be later than the steps of delivery after it. With every clock
 * right (offset 0) all constraints hold within CLOCK_TOLERANCE_S; when some do not, the engine
 * distrusts the fewest clocks that explain every time (ties: the recipient's final server is
 * trusted), and gives each distrusted clock the offset closest to 0 that does.
 *
 * Offsets are relative to the clocks that stay trusted. No offset without evidence: when every
 * constraint holds, offsets are null ("nothing contradicts it", which is not proof it is right).
 * Forged hops (implausible dates) are left out and get no offset.
 */
import { describeSeconds } from "../route/findings";
import type { ClockObservation } from "./observations";

/** Clocks agreeing within this many seconds agree (Received dates have one-second resolution). */
export const CLOCK_TOLERANCE_S = 1;
/** At most this many clocks are distrusted at once; more means the times cannot be explained. */
const MAX_DISTRUSTED = 3;
/** Only this many clocks in contradiction are searched (a hostile message may have 100). */
const MAX_CANDIDATES = 10;

export interface ClockHopInput {
  /** 1-based hop index. */
  index: number;
  /** Clock group (organisation of the by server), or null when unknown. */
  group: string | null;
  /** For a person: the by host. */
  label: string;
  /** Milliseconds, or null when undated. */
  time: number | null;
  /** Left out (forged). */
  forged: boolean;
}

export interface ClockEstimate {
  /** Per hop (same order as the input): offset seconds or null, and the evidence. */
  hops: { offsetSeconds: number | null; basis: string[] }[];
  /** Clock groups distrusted, with their offsets in seconds. */
  distrusted: Map<string, number>;
}

interface Node {
  group: string;
  label: string;
  time: number;
  hop: number | null;
}

/** x[b] - x[a] <= w (ms): "a happened no later than b" with offsets x (clock = true time + x). */
interface Constraint {
  a: Node;
  b: Node;
  w: number;
}

const TOL_MS = CLOCK_TOLERANCE_S * 1000;

export function estimateClocks(hops: readonly ClockHopInput[], observations: readonly ClockObservation[], borderHop: number | null): ClockEstimate {
  const groupOf = (h: ClockHopInput) => h.group ?? `hop:${h.index}`;
  const dated: Node[] = hops
    .filter((h) => h.time !== null && !h.forged)
    .map((h) => ({ group: groupOf(h), label: `hop ${h.index} (${h.label})`, time: h.time as number, hop: h.index }));
  const constraints: Constraint[] = [];
  for (let i = 1; i < dated.length; i++) {
    const a = dated[i - 1];
    const b = dated[i];
    if (a.group !== b.group) constraints.push({ a, b, w: b.time - a.time + TOL_MS });
  }
  if (dated.length > 0) {
    const first = dated[0];
    const last = dated[dated.length - 1];
    const border = (borderHop !== null ? dated.find((n) => n.hop === borderHop) : undefined) ?? last;
    for (const o of observations) {
      const b = o.before === "first" ? first : o.before === "border" ? border : last;
      if (o.group === b.group) continue;
      const a: Node = { group: o.group, label: o.label, time: o.time, hop: null };
      constraints.push({ a, b, w: b.time - a.time + TOL_MS });
    }
  }
  const result: ClockEstimate = {
    hops: hops.map((h) => ({
      offsetSeconds: null,
      basis: h.forged
        ? [`Hop ${h.index}'s date is implausible or contradicts the recipient's border (probably forged), so its clock is not judged.`]
        : h.time === null
          ? []
          : ["No other clock in the message contradicts this server's."],
    })),
    distrusted: new Map(),
  };
  const violated = constraints.filter((c) => c.w < 0);
  if (violated.length === 0) return result;

  const lastGroup = dated.length > 0 ? dated[dated.length - 1].group : null;
  const candidates = [...new Set(violated.flatMap((c) => [c.a.group, c.b.group]))].slice(0, MAX_CANDIDATES);
  const best: string[][] = [];
  for (let size = 1; size <= MAX_DISTRUSTED && best.length === 0; size++) {
    for (const set of subsets(candidates, size)) if (solve(constraints, set) !== null) best.push(set);
  }
  const explain = (why: string) => {
    for (const c of violated) for (const n of [c.a, c.b]) {
      if (n.hop === null) continue;
      const k = hops.findIndex((h) => h.index === n.hop);
      if (k >= 0) result.hops[k].basis = [describeViolation(c), why];
    }
  };
  if (best.length === 0) {
    explain("Too many clocks disagree to tell which are wrong; no offset is estimated.");
    return result;
  }
  // Ties: the explanation with the shortest delivery wins (a wrong clock makes a fake gap on one
  // side of its hops and a negative one on the other), then the one trusting the recipient's
  // final server; still tied means no clock can be named.
  let solved = best.map((set) => ({ set, offsets: solve(constraints, set)! })).map((x) => ({ ...x, span: span(dated, x.offsets) }));
  const shortest = Math.min(...solved.map((x) => x.span));
  solved = solved.filter((x) => x.span - shortest < TOL_MS);
  if (solved.length > 1 && lastGroup !== null) {
    const trustingRecipient = solved.filter((x) => !x.set.includes(lastGroup));
    if (trustingRecipient.length > 0) solved = trustingRecipient;
  }
  if (solved.length > 1) {
    explain("No third clock says which of them is wrong, so no offset is estimated.");
    return result;
  }
  const chosen = solved[0].set;
  const offsets = solved[0].offsets;
  const labelOf = (g: string) => dated.find((n) => n.group === g)?.label.replace(/^hop \d+ \((.*)\)$/, "$1") ?? observations.find((o) => o.group === g)?.label ?? g;
  const trustedLabels = [...new Set([...dated.map((n) => n.group), ...observations.map((o) => o.group)])].filter((g) => !chosen.includes(g));
  hops.forEach((h, k) => {
    if (h.forged || h.time === null) return;
    const g = groupOf(h);
    const off = offsets.get(g);
    if (off === undefined) {
      result.hops[k] = { offsetSeconds: 0, basis: [`Trusted: this clock agrees with the others that stay trusted (${trustedLabels.length} in all); offsets are relative to them.`] };
      return;
    }
    const s = Math.round(off) / 1000;
    result.distrusted.set(g, s);
    const mine = violated
      .filter((c) => (c.a.group === g && !chosen.includes(c.b.group)) || (c.b.group === g && !chosen.includes(c.a.group)))
      .map(describeViolation);
    result.hops[k] = {
      offsetSeconds: s,
      basis: [
        ...mine,
        `Distrusting this clock${chosen.length > 1 ? ` (and ${chosen.filter((x) => x !== g).map(labelOf).join(", ")})` : " alone"} explains every time in the message with the fewest clocks wrong: it runs about ${describeSeconds(s)} ${s >= 0 ? "ahead" : "behind"}.`,
      ],
    };
  });
  return result;
}

/** Corrected time of the last dated hop minus the first's, in ms. */
function span(dated: readonly Node[], offsets: ReadonlyMap<string, number>): number {
  if (dated.length < 2) return 0;
  const t = (n: Node) => n.time - (offsets.get(n.group) ?? 0);
  return t(dated[dated.length - 1]) - t(dated[0]);
}

function describeViolation(c: Constraint): string {
  const by = c.a.time - c.b.time;
  return `${cap(c.b.label)} is dated ${describeSeconds(by / 1000)} before ${c.a.label}, which came first: one of these clocks is wrong.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function* subsets<T>(items: readonly T[], size: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === size) {
    yield [...acc];
    return;
  }
  for (let i = start; i < items.length; i++) {
    acc.push(items[i]);
    yield* subsets(items, size, i + 1, acc);
    acc.pop();
  }
}

/**
 * Offsets (ms) for the free groups that satisfy every constraint with all other clocks at 0, each
 * as close to 0 as the constraints allow; null when none exist. Difference constraints solved by
 * Floyd-Warshall over the anchor (all trusted clocks) and the free groups (at most MAX_DISTRUSTED).
 */
function solve(constraints: readonly Constraint[], free: readonly string[]): Map<string, number> | null {
  const n = free.length + 1;
  const node = (g: string) => free.indexOf(g) + 1; // 0 = the anchor
  const d: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(i === j ? 0 : Infinity);
    d.push(row);
  }
  for (const c of constraints) {
    const a = node(c.a.group);
    const b = node(c.b.group);
    if (c.w < d[a][b]) d[a][b] = c.w;
  }
  const out = new Map<string, number>();
  for (let v = 1; v < n; v++) {
    if (!closure(d)) return null;
    const hi = d[0][v];
    const lo = -d[v][0];
    const x = Math.min(Math.max(0, lo), hi);
    d[0][v] = Math.min(d[0][v], x);
    d[v][0] = Math.min(d[v][0], -x);
    out.set(free[v - 1], x);
  }
  return closure(d) ? out : null;
}

/** All-pairs shortest paths in place; false on a negative cycle (the constraints contradict). */
function closure(d: number[][]): boolean {
  const n = d.length;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  }
  for (let i = 0; i < n; i++) if (d[i][i] < 0) return false;
  return true;
}
