/**
 * Issue 13 in one step for build.ts: skew-corrected clocks (clock/), the cause of each long gap
 * (delay/), the delivery time and slowest hop without forged hops, and the network owner of each
 * client address (route/ownership.ts, with the injected offline lookup).
 */
import { CLOCK_TOLERANCE_S, estimateClocks, type ClockHopInput } from "./clock/estimate";
import { clockObservations } from "./clock/observations";
import { delayCauses, type CauseHop, type OriginTime } from "./delay/causes";
import { MAX_QUEUE_SECONDS } from "./delay/queue-lifetime";
import type { RawField } from "./message/headers";
import { hopOwnership } from "./route/ownership";
import type { HopFacts } from "./route/findings";
import type { RelayDecision } from "./route/relay-type";
import type { AnalyzeOptions, DelayCause, Finding, HopClock, HopFrom, IpInfo } from "./types";

/** A sender-side hop dated this long after the recipient's border contradicts it (it cannot be later). */
const AFTER_BORDER_SECONDS = 3600;
/** The slowest hop is named only when it holds at least this long and this share of the delivery time. */
export const SLOWEST_MIN_SECONDS = 10;
export const SLOWEST_MIN_SHARE = 0.3;

export interface HopInsight {
  clock: HopClock;
  delayCause: DelayCause | null;
  ip: IpInfo | null;
  forged: boolean;
}

export interface Insights {
  hops: HopInsight[];
  summary: { deliverySeconds: number | null; slowestHop: number | null };
}

function roundMs(s: number): number {
  return Math.round(s * 1000) / 1000;
}

export function hopInsights(
  facts: readonly HopFacts[],
  relays: readonly RelayDecision[],
  hopFindings: Finding[][],
  fields: readonly RawField[],
  border: number | null,
  options: AnalyzeOptions,
  restarts: readonly number[] = [],
): Insights {
  const implausible = facts.map((_, i) => hopFindings[i].some((x) => x.code === "implausible-date"));
  const observations = clockObservations(fields);
  // One clock per by server; a known operator's fleet is one clock (its servers keep one time,
  // and its host names differ per hop). A hop whose server has no name is on the clock of the hop
  // before it when it is internal (a local filter handing back to the same machine).
  const groups: (string | null)[] = [];
  facts.forEach((f, i) => {
    const own = f.hop.byOperator?.name ?? f.hop.parsed.by?.host ?? f.hop.parsed.by?.ip ?? null;
    groups.push(own ?? (i > 0 && f.relayType === "internal" ? groups[i - 1] : null));
  });
  const clockInput = (forged: readonly boolean[]): ClockHopInput[] =>
    facts.map((f, i) => ({
      index: f.hop.index,
      group: groups[i],
      label: f.hop.parsed.by?.host ?? f.hop.parsed.by?.ip ?? "an unnamed server",
      time: f.time,
      forged: forged[i],
    }));
  // A sender-side hop dated more than an hour after the recipient's border contradicts it; judged
  // on skew-corrected times (a recipient's clock hours behind makes every sender hop look later),
  // then the clocks are estimated again without those hops.
  let forged = implausible;
  let est = estimateClocks(clockInput(forged), observations, border);
  const borderIdx = border !== null ? facts.findIndex((f) => f.hop.index === border) : -1;
  const fixed = (i: number) => (facts[i].time === null ? null : (facts[i].time as number) - (est.hops[i].offsetSeconds ?? 0) * 1000);
  const borderTime = borderIdx >= 0 ? fixed(borderIdx) : null;
  const afterBorder = facts.map((_, i) => {
    const t = fixed(i);
    return !implausible[i] && relays[i].trust === "sender" && t !== null && borderTime !== null && t - borderTime > AFTER_BORDER_SECONDS * 1000;
  });
  if (afterBorder.some(Boolean)) {
    forged = implausible.map((x, i) => x || afterBorder[i]);
    est = estimateClocks(clockInput(forged), observations, border);
  }
  const offsetMs = (i: number) => (est.hops[i].offsetSeconds ?? 0) * 1000;
  const corrected = facts.map((f, i) => (f.time === null || forged[i] ? null : f.time - offsetMs(i)));
  const clocks: HopClock[] = facts.map((f, i) => {
    const prevOff = i > 0 ? (est.hops[i - 1].offsetSeconds ?? 0) : 0;
    const off = est.hops[i].offsetSeconds ?? 0;
    return {
      offsetSeconds: est.hops[i].offsetSeconds,
      correctedDelaySeconds: f.delaySeconds === null ? null : roundMs(f.delaySeconds - off + prevOff),
      basis: est.hops[i].basis,
    };
  });

  // Delays between consecutive hops that are not forged (a forged hop is skipped, not bridged to 0),
  // over this delivery only: from the last restart (an earlier trail is an earlier delivery), and
  // after the last gap longer than any MTA keeps a message queued (MAX_QUEUE_SECONDS: the hops
  // before it are an earlier delivery or a wrong clock, not part of this one's time).
  let from = restarts.length > 0 ? Math.max(...restarts) : 0;
  let prevKept = -1;
  for (let i = 0; i < facts.length; i++) {
    if (corrected[i] === null) continue;
    if (prevKept >= 0 && ((corrected[i] as number) - (corrected[prevKept] as number)) / 1000 > MAX_QUEUE_SECONDS) from = Math.max(from, i);
    prevKept = i;
  }
  const kept = facts.map((_, i) => i).filter((i) => i >= from && corrected[i] !== null);
  const gaps = new Map<number, number>();
  for (let k = 1; k < kept.length; k++) gaps.set(kept[k], ((corrected[kept[k]] as number) - (corrected[kept[k - 1]] as number)) / 1000);
  let deliverySeconds = kept.length >= 2 ? roundMs(((corrected[kept[kept.length - 1]] as number) - (corrected[kept[0]] as number)) / 1000) : null;
  // Within the clocks' tolerance a negative time is 0 (one-second resolution), not a contradiction.
  if (deliverySeconds !== null && deliverySeconds < 0 && deliverySeconds >= -CLOCK_TOLERANCE_S) deliverySeconds = 0;
  // Clocks corrected with no clock but the hops' own (no Date, DKIM/ARC t=, X-Received …): the
  // correction only says the negative gap was at least 0, so the total is a lower bound, not a
  // time. The delivery time is then unknown (clock skew); offsets and raw values stay as they are.
  if (est.distrusted.size > 0 && observations.length === 0) deliverySeconds = null;

  const origins: OriginTime[] = observations.filter((o) => o.group === "header:date" || o.group.startsWith("dkim:")).map((o) => ({ time: o.time, label: o.label }));
  const causeInput: CauseHop[] = facts.map((f, i) => ({
    hop: f.hop,
    relayType: f.relayType,
    trust: relays[i].trust,
    rawDelay: f.delaySeconds,
    correctedDelay: gaps.has(i) ? roundMs(gaps.get(i) as number) : clocks[i].correctedDelaySeconds,
    forged: forged[i],
    time: corrected[i],
    distrustedClock: est.hops[i].offsetSeconds ? groups[i] : i > 0 && est.hops[i - 1].offsetSeconds ? groups[i - 1] : null,
  }));
  const causes = delayCauses(causeInput, fields, origins);

  const owners = options.ipInfo ? hopOwnership(facts.map((f) => f.hop), options.ipInfo) : facts.map(() => null);
  owners.forEach((o, i) => o && hopFindings[i].push(...o.findings));

  return {
    hops: facts.map((_, i) => ({ clock: clocks[i], delayCause: causes[i], ip: owners[i]?.info ?? null, forged: forged[i] })),
    summary: { deliverySeconds, slowestHop: slowestHop(facts, gaps, deliverySeconds) },
  };
}

function slowestHop(facts: readonly HopFacts[], gaps: ReadonlyMap<number, number>, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  let best: { i: number; s: number } | null = null;
  let second = -Infinity;
  for (const [i, s] of gaps) {
    if (!best || s > best.s) {
      if (best) second = Math.max(second, best.s);
      best = { i, s };
    } else second = Math.max(second, s);
  }
  if (!best || best.s < SLOWEST_MIN_SECONDS || best.s < SLOWEST_MIN_SHARE * total) return null;
  // A tie (within a second, the resolution of Received dates) names no hop.
  if (best.s - second < 1) return null;
  return facts[best.i].hop.index;
}

/** A hop's `from` with from.asn / from.country, only when a lookup was given (a copy: `from` is the parsed header's). */
export function withOwner(from: HopFrom | null, x: HopInsight, looked: boolean): HopFrom | null {
  if (!from || !looked) return from;
  return { ...from, asn: x.ip?.asn ?? null, country: x.ip?.country ?? null };
}
