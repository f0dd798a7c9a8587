/**
 * The relay type of each hop (design.md, "Relay types"), with the reason in words and whose
 * record it is. First the recipient's border is found for each leg of the journey (border.ts);
 * then each hop is decided by the first rule of RULES (relay-rules.ts) that matches its facts.
 * Hops at and above the last leg's border were recorded by the recipient's servers
 * (trust "recipient"); hops below it are what the sending side claims (trust "sender").
 */
import { isFetched, type ChainHop } from "./chain";
import { findBorders, type BorderContext, type Leg } from "./border";
import type { Restart } from "./restarts";
import { heloMismatch } from "./client";
import { RULES, type HopFacts } from "./relay-rules";
import type { Finding, RelayType } from "../types";
import { hostRole } from "../operators/match";

export interface RelayDecision {
  type: RelayType;
  /** One sentence for a person: why this hop has this type. */
  reason: string;
  trust: "recipient" | "sender";
  /** The trail (leg) the hop belongs to: 1 = the last one, which holds the topmost Received. */
  trail: number;
}

export interface RelayResult {
  decisions: RelayDecision[];
  legs: Leg[];
  /** The last leg's border: 1-based hop and its evidence. */
  border: { hop: number | null; evidence: string[] };
  /** Every trail's border, trail 1 (the last) first. */
  borders: { trail: number; hop: number | null; evidence: string[] }[];
  /** Findings about client names (helo-mismatch), per hop. */
  findings: Finding[][];
  /** Where a new journey starts (a message delivered and sent again, restarts.ts), oldest first. */
  restarts: Restart[];
}

export type RelayContext = BorderContext;

export function classifyRelays(hops: readonly ChainHop[], ctx: RelayContext): RelayResult {
  const n = hops.length;
  const view = findBorders(hops, ctx);
  const legOf = (i: number) => view.legs.findIndex((l) => i >= l.start && i <= l.end);
  const finalLeg = view.legs[view.legs.length - 1] ?? null;
  const finalBorder = finalLeg?.border ?? null;

  const decisions: RelayDecision[] = [];
  const findings: Finding[][] = hops.map(() => []);
  let crossed = false; // a cross-organisation transfer on the current leg's sending side
  let submissionOrg: string | null | undefined; // by organisation of the leg's first submission hop
  let currentLeg = -1;
  for (let i = 0; i < n; i++) {
    const k = legOf(i);
    const leg = k >= 0 ? view.legs[k] : null;
    if (k !== currentLeg) {
      currentLeg = k;
      crossed = false;
      submissionOrg = undefined;
    }
    // The last hop of an earlier journey (a message delivered, then sent again) is its delivery.
    const journeyEnd = i === n - 1 || view.restarts.some((r) => r.at === i + 1);
    const facts = hopFacts(hops, i, leg, view.clients[i], crossed, submissionOrg, journeyEnd);
    const rule = RULES.find((r) => r.when(facts));
    const type: RelayType = rule?.type ?? "unknown";
    const reason = rule ? rule.because(facts) : "Nothing in the header tells what this server did.";
    const trust = finalBorder !== null ? (i >= finalBorder ? "recipient" : "sender") : recipientWithoutBorder(hops, i, finalLeg);
    decisions.push({ type, reason, trust, trail: k >= 0 ? view.legs.length - k : 1 });
    if (facts.place !== "recipient" || i === finalBorder) {
      const m = heloMismatch(hops[i], view.clients[i]);
      if (m) findings[i].push(m);
    }
    if (type === "submission" && submissionOrg === undefined) submissionOrg = hops[i].byOrg;
    if (type === "esp" || type === "smart-host" || type === "backup-mx" || type === "mx") crossed = true;
  }
  const border = finalBorder === null ? { hop: null, evidence: [] } : { hop: hops[finalBorder].index, evidence: finalLeg?.evidence ?? [] };
  const borders = view.legs
    .map((leg, k) => ({ trail: view.legs.length - k, hop: leg.border === null ? null : hops[leg.border].index, evidence: leg.evidence }))
    .reverse();
  return { decisions, legs: view.legs, border, borders, findings, restarts: view.restarts };
}

/**
 * Without a border the chain shows no entry from outside: a message that stayed inside one
 * organisation, recorded by its servers from the first hop that organisation received.
 */
function recipientWithoutBorder(hops: readonly ChainHop[], i: number, leg: Leg | null): "recipient" | "sender" {
  if (!leg || leg.side.size === 0) return i === hops.length - 1 ? "recipient" : "sender";
  const org = hops[i].byOrg;
  return org === null || leg.side.has(org) ? "recipient" : "sender";
}

function hopFacts(
  hops: readonly ChainHop[],
  i: number,
  leg: Leg | null,
  client: HopFacts["client"],
  crossed: boolean,
  submissionOrg: string | null | undefined,
  journeyEnd: boolean,
): HopFacts {
  const hop = hops[i];
  const p = hop.parsed;
  const prev = i > 0 ? hops[i - 1] : null;
  const n = hops.length;
  const border = leg?.border ?? null;
  const place: HopFacts["place"] = border === null ? "sender" : i === border ? "border" : i > border ? "recipient" : "sender";
  // The client side for the sending side's own hops: its name (a claim counts here: both sides
  // are the sender's record), else the server that recorded the previous hop.
  const clientOrg = p.from ? hop.fromOrg : (prev?.byOrg ?? null);
  const sameOrg = hop.byOrg !== null && clientOrg !== null && clientOrg === hop.byOrg && !(p.from && hop.fromOrgWeak);
  const laterOrgs = new Set<string>();
  for (let j = i + 1; j < n && !isFetched(hops[j]); j++) {
    const org = hops[j].byOrg;
    if (org && org !== hop.byOrg) laterOrgs.add(org);
  }
  return {
    hops,
    i,
    hop,
    prev,
    leg,
    place,
    client,
    clientOrg,
    sameOrg,
    laterOrgs,
    legStart: leg ? i === leg.start : i === 0,
    inboundHost: hop.byOperator !== null && hostRole(hop.byOperator.name, p.by?.host ?? null) === "inbound",
    crossed,
    submissionHere: !crossed && p.submission !== null && (submissionOrg === undefined || hop.byOrg === null || submissionOrg === hop.byOrg),
    last: journeyEnd,
  };
}
