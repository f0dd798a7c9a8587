/**
 * Findings about the chain: stable codes, a severity and one sentence each.
 * Hop-level findings go on their hop and are also listed in the message's warnings (with `hop`),
 * so a reader of warnings alone sees everything, most severe first.
 */
import { isContentFilter, isFetched, type ChainHop } from "./chain";
import { inOperatorNetworks, operatorForHost } from "../operators/match";
import { sameOwner } from "../operators/owners";
import { organizationOf } from "./organization";
import { MAX_RECEIVED_CHARS, MAX_RECEIVED_TOKENS } from "../limits";
import { MAX_QUEUE_SECONDS } from "../delay/queue-lifetime";
import type { Restart } from "./restarts";
import type { DelayCause, Finding, FindingCode, RelayType, Severity } from "../types";

/** Negative delays up to this size are ordinary clock drift between servers: info, not warning. */
const SMALL_SKEW_SECONDS = 120;
/** A hop holding at least this much delay, and most of the total, is called out. */
const SLOW_HOP_SECONDS = 10 * 60;
/** A hold this long is worth a finding even when other hops held the message as long (several queues). */
const LONG_HOLD_SECONDS = 60 * 60;
/** A timestamp this far from the other hops' median is implausible (possibly forged). */
const IMPLAUSIBLE_DAYS = 180;

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Most severe first; equal severities keep their order (Array#sort is stable, ES2019). */
export function sortFindings(list: Finding[]): Finding[] {
  if (list.length < 2) return list.slice();
  return list.slice().sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function describeSeconds(s: number): string {
  const a = Math.abs(s);
  if (a < 1) return `${Math.round(a * 1000)} ms`;
  if (a < 120) return `${Math.round(a)} s`;
  if (a < 7200) return `${Math.round(a / 60)} min`;
  if (a < 172800) return `${Math.round(a / 360) / 10} h`;
  return `${Math.round(a / 8640) / 10} days`;
}

function hostLabel(name: string | null | undefined, ip: string | null | undefined): string {
  return name || ip || "an unnamed server";
}

export interface HopFacts {
  hop: ChainHop;
  relayType: RelayType;
  delaySeconds: number | null;
  /** Milliseconds since the epoch, or null. */
  time: number | null;
}

/**
 * Findings per hop. Dates are compared within one journey only: a message delivered and sent
 * again (a resent message keeping its old Received chain, restarts.ts) holds an earlier journey
 * whose dates are its first delivery's. That earlier trail is reported once (earlier-trail, info)
 * at the hop that starts the new journey; its dates are never implausible-date, clock-skew or a
 * slow hop against the new ones. Trails of one journey (a forward, a list) share one timeline.
 */
export function findingsForHops(facts: readonly HopFacts[], restarts: readonly Restart[] = []): Finding[][] {
  const out: Finding[][] = facts.map(() => []);
  const journeyOf = facts.map((_, i) => restarts.filter((r) => r.at <= i).length);
  const boundary = new Set(restarts.map((r) => r.at));
  const medians = new Map<number, number | null>();
  const totals = new Map<number, number>();
  for (const j of new Set(journeyOf)) {
    const inJourney = facts.filter((_, i) => journeyOf[i] === j);
    const times = inJourney.map((f) => f.time).filter((t): t is number => t !== null);
    medians.set(j, times.length >= 3 ? times.slice().sort((a, b) => a - b)[Math.floor(times.length / 2)] : null);
    totals.set(j, totalPositiveDelay(facts.filter((_, i) => journeyOf[i] === j && !boundary.has(i))));
  }

  const implausible = facts.map((f, i) => {
    const median = medians.get(journeyOf[i]) ?? null;
    return f.time !== null && median !== null && Math.abs(f.time - median) > IMPLAUSIBLE_DAYS * 86_400_000;
  });
  for (const r of restarts) out[r.at].push(earlierTrail(facts, r, journeyOf));

  facts.forEach((f, i) => {
    const list = out[i];
    const p = f.hop.parsed;
    const n = f.hop.index;
    const median = medians.get(journeyOf[i]) ?? null;
    const total = totals.get(journeyOf[i]) ?? 0;
    // The first hop of a new journey: its delay from the earlier trail is no delay, skew or break.
    const restart = boundary.has(i);
    const add = (code: FindingCode, severity: Severity, message: string) => list.push({ code, severity, message, hop: n });

    if (p.problems.includes("unreadable-header")) {
      add("unreadable-header", "warning", `Received header ${n} could not be read; its raw text is kept.`);
    }
    if (p.problems.includes("too-many-parts")) {
      add("header-too-long", "info", `Received header ${n} is longer than any real one (over ${MAX_RECEIVED_TOKENS} parts or ${MAX_RECEIVED_CHARS / 1024} KiB); only its start and its date were read.`);
    }
    if (p.problems.includes("unreadable-date")) {
      add("unreadable-date", "warning", `Hop ${n} has a date that could not be read ("${truncate(p.dateText ?? "", 60)}").`);
    } else if (p.problems.includes("missing-date")) {
      add("missing-date", "info", `Hop ${n} records no date, so its delay is unknown.`);
    }
    if (p.problems.includes("junk-by-host")) {
      add("junk-by-host", "warning", `Received header ${n} names no receiving server after "by" (only punctuation or a comment), so the server of hop ${n} is unknown.`);
    }
    if (p.mayBeForged) {
      add("may-be-forged", "warning", `The server at hop ${n} noted that the client's name ${p.from?.helo ?? ""} may be forged.`.replace("  ", " "));
    }
    if (!restart && f.delaySeconds !== null && f.delaySeconds < 0) {
      const sev: Severity = -f.delaySeconds <= SMALL_SKEW_SECONDS ? "info" : "warning";
      add("clock-skew", sev, `Hop ${n} is dated ${describeSeconds(f.delaySeconds)} before hop ${n - 1}: the servers' clocks disagree (clock skew), this is not a delay.`);
    }
    if (implausible[i] && f.time !== null && median !== null) {
      add("implausible-date", "critical", `Hop ${n} is dated ${describeSeconds((f.time - median) / 1000)} ${f.time < median ? "before" : "after"} the other hops: the header is probably forged.`);
    }
    if (isPlaintextAcrossOrgs(f)) {
      add("plaintext-hop", "warning", `Hop ${n} went from ${hostLabel(p.from?.rdns ?? p.from?.helo, p.from?.ip)} to ${hostLabel(p.by?.host, p.by?.ip)} without TLS, across organisations over the internet.`);
    }
    if (i > 0 && !restart) {
      const br = chainBreak(facts[i - 1].hop, f.hop);
      if (br) add("chain-break", "warning", br);
    }
    // A gap next to an implausible (forged) date is not queueing: that finding says it already.
    const nearForgery = implausible[i] || (i > 0 && implausible[i - 1]);
    if (!nearForgery && !restart && f.delaySeconds !== null && f.delaySeconds > MAX_QUEUE_SECONDS) {
      // No server keeps retrying this long (delay/causes.ts): not a slow hop but two deliveries, or a clock.
      add("date-gap", "warning", `Hop ${n} is dated ${describeSeconds(f.delaySeconds)} after hop ${n - 1}, longer than the common mail servers keep retrying by default (7 days at most): the hops before it belong to an earlier delivery whose headers were kept or copied, or a server's clock is wrong. They are left out of the delivery time.`);
    } else if (!nearForgery && !restart && f.delaySeconds !== null && ((f.delaySeconds >= SLOW_HOP_SECONDS && total > 0 && f.delaySeconds >= total / 2) || f.delaySeconds >= LONG_HOLD_SECONDS)) {
      const prevType = i > 0 ? facts[i - 1].relayType : null;
      const why =
        prevType === "backup-mx"
          ? " It waited at a backup MX until the primary took it."
          : isFetched(f.hop)
            ? " It waited in the mailbox it was fetched from until the collector's next poll (POP3/IMAP), not in a queue."
            : " It was queued before this server took it (a busy or unreachable server, greylisting, or a retry).";
      const share = f.delaySeconds >= total / 2 ? "most of the total delivery time" : `one of several long holds (${describeSeconds(total)} in all)`;
      add("slow-hop", f.delaySeconds >= LONG_HOLD_SECONDS ? "warning" : "info", `Hop ${n} took ${describeSeconds(f.delaySeconds)}, ${share}.${why}`);
    }
  });
  return out;
}

/**
 * Hops the clock estimate left out as forged (insights.ts: a sender-side hop dated more than an
 * hour after the recipient's border received the message) that no implausible-date finding names
 * yet get one (a warning: it may be a wrong clock as well as a forged header), and the next hop's
 * clock-skew finding goes: its negative gap comes from that date, not from two clocks.
 */
export function flagLateSenderHops(facts: readonly HopFacts[], hopFindings: Finding[][], forged: readonly boolean[], border: number | null): void {
  const b = border === null ? -1 : facts.findIndex((f) => f.hop.index === border);
  const borderTime = b >= 0 ? facts[b].time : null;
  facts.forEach((f, i) => {
    if (!forged[i] || i >= b || borderTime === null || f.time === null || f.time <= borderTime) return;
    if (hopFindings[i].some((x) => x.code === "implausible-date")) return;
    hopFindings[i].push({
      code: "implausible-date",
      severity: "warning",
      hop: f.hop.index,
      message: `Hop ${f.hop.index} is dated ${describeSeconds((f.time - borderTime) / 1000)} after hop ${facts[b].hop.index}, where the recipient's border received the message: a server before the border cannot have handled it later, so the header is forged or its server's clock is wrong. It is left out of the delivery time.`,
    });
    const next = hopFindings[i + 1];
    if (next && (facts[i + 1].delaySeconds ?? 0) < 0) {
      for (let k = next.length - 1; k >= 0; k--) if (next[k].code === "clock-skew") next.splice(k, 1);
    }
  });
}

/**
 * slow-hop is judged on the raw dates, before the clocks are estimated; the delay's cause
 * (delay/causes.ts) settles it: a gap that a corrected clock explains (clock-skew) was no wait.
 */
export function dropSkewedSlowHops(hopFindings: Finding[][], causes: readonly (DelayCause | null)[]): void {
  hopFindings.forEach((list, i) => {
    if (causes[i]?.cause !== "clock-skew") return;
    for (let k = list.length - 1; k >= 0; k--) if (list[k].code === "slow-hop") list.splice(k, 1);
  });
}

/** The earlier trail below a restart, in one sentence: which hops, when, and why it is one. */
function earlierTrail(facts: readonly HopFacts[], r: Restart, journeyOf: readonly number[]): Finding {
  const j = journeyOf[r.at - 1];
  const older = facts.filter((_, i) => journeyOf[i] === j);
  const first = older[0].hop.index;
  const last = older[older.length - 1].hop.index;
  const lastTime = [...older].reverse().find((f) => f.time !== null)?.time ?? null;
  const newTime = facts.slice(r.at).find((f) => f.time !== null)?.time ?? null;
  const hops = first === last ? `Hop ${first} is` : `Hops ${first}-${last} are`;
  const when = lastTime === null ? "" : ` (dated ${new Date(lastTime).toISOString().slice(0, 10)}${newTime !== null && newTime > lastTime ? `, ${describeSeconds((newTime - lastTime) / 1000)} before hop ${facts[r.at].hop.index}` : ""})`;
  return {
    code: "earlier-trail",
    severity: "info",
    hop: facts[r.at].hop.index,
    message: `${hops} an earlier trail${when}: the message was delivered and then sent again from hop ${facts[r.at].hop.index} (${r.signals.join("; ")}). Their dates are compared only with each other.`,
  };
}

function totalPositiveDelay(facts: readonly HopFacts[]): number {
  let t = 0;
  for (const f of facts) if (f.delaySeconds !== null && f.delaySeconds > 0) t += f.delaySeconds;
  return t;
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) + "…" : s;
}

function isPlaintextAcrossOrgs(f: HopFacts): boolean {
  const p = f.hop.parsed;
  if (p.tls.encrypted !== false || !p.from) return false;
  if (f.relayType === "internal" || f.relayType === "delivery") return false;
  if (f.hop.fromPrivate) return false;
  // Without a client address the hop may be on a local network: say nothing.
  if (!p.from.ip) return false;
  return f.hop.fromOrg === null || f.hop.byOrg === null || f.hop.fromOrgWeak || f.hop.fromOrg !== f.hop.byOrg;
}

/**
 * A break: hop n was received by one server, yet hop n+1 says the message came from a different
 * organisation. Compared at organisation level (names of one machine differ between its own `by`
 * and the next server's rDNS view), and only when both sides are known and public.
 */
function chainBreak(prev: ChainHop, cur: ChainHop): string | null {
  const from = cur.parsed.from;
  const by = prev.parsed.by;
  if (!from || !by) return null;
  // fetchmail records the POP/IMAP server it polled as the client, not the previous hop's server;
  // a content filter on the receiving host (amavisd-new) records the MTA's original client.
  if (cur.fromPrivate || isFetched(cur) || isContentFilter(cur)) return null;
  if (by.ip && from.ip && by.ip === from.ip) return null;
  const names = [from.rdns, from.helo && !from.helo.startsWith("[") ? from.helo.toLowerCase().replace(/\.$/, "") : null];
  if (by.host && names.includes(by.host)) return null;
  if (prev.byOrg === null || cur.fromOrg === null) return null;
  // Sending services put their customers' names on their own addresses (o9.sgmail.github.com is
  // a SendGrid IP): a customer-branded client name after an ESP hop is expected, not a break,
  // unless the address is outside the networks the service publishes (a replayed ESP header).
  if (prev.byOperator?.kind === "esp" && inOperatorNetworks(prev.byOperator.name, from.ip) !== false) return null;
  if (sameFamily(prev.byOrg, cur.fromOrg)) return null;
  // The client's HELO may name the previous server's organisation when its rDNS is an ISP's.
  const heloOrg = names[1] ? (operatorForHost(names[1])?.name ?? organizationOf(names[1])) : null;
  if (heloOrg !== null && sameFamily(prev.byOrg, heloOrg)) return null;
  return `Hop ${prev.index} was received by ${by.host ?? by.ip}, but hop ${cur.index} says it came from ${from.rdns ?? from.helo ?? from.ip}: the chain is broken here, so the headers below it may be forged.`;
}

/**
 * One organisation, one operator's family ("Zoho" and "Zoho ZeptoMail"), one owner's operators
 * and domains, or a white-label platform and its partner (operators/owners.ts): a rename within
 * one organisation is no break (vger.kernel.org then out1.vger.email; oxcs.net then secureserver.net).
 */
function sameFamily(a: string, b: string): boolean {
  return a === b || a.startsWith(b + " ") || b.startsWith(a + " ") || sameOwner(a, b);
}
