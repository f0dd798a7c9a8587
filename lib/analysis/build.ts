/**
 * Assembles the contract's Analysis from a read message: chain → relay types → delays →
 * findings → sending service → authentication → summary. Each step lives in its own module;
 * this file only wires them, and runs each step that reads headers under the one guard
 * (guard.ts), so a reader that fails costs its own header, not the analysis.
 */
import { parseAuthentication } from "./auth/authentication";
import { messageDateFindings } from "./clock/message-date";
import { createGuard } from "./guard";
import { hopInsights, withOwner, type HopInsight } from "./insights";
import { MAX_HOPS } from "./limits";
import { addressDomain } from "./message/addresses";
import { parseMailDate } from "./message/dates";
import { firstField, type RawField } from "./message/headers";
import type { MessageInput } from "./message/read";
import { noReceivedFinding } from "./message/no-received";
import { originatingIp } from "./message/originating-ip";
import { senderOperator, type SenderHop } from "./operators/sender";
import { buildChain, type ChainHop } from "./route/chain";
import { dropSkewedSlowHops, findingsForHops, flagLateSenderHops, sortFindings, type HopFacts } from "./route/findings";
import { listDomains, personalRecipientDomains, recipientOrganizations } from "./route/recipients";
import { mxListing } from "./route/border";
import { classifyRelays, type RelayDecision } from "./route/relay-type";
import { assessGenuine, trustAt, trustLine, withRecipientAlignment } from "./verdict";
import type { Analysis, AnalyzeOptions, Finding, Hop, MxRecordSet, Summary } from "./types";

export function buildAnalysis(message: MessageInput, options: AnalyzeOptions): Analysis {
  const { fields } = message.block;
  const messageFindings: Finding[] = [...message.block.findings, ...message.findings];
  const guard = createGuard(messageFindings);
  const chain = buildChain(message.received, message.truncated);
  const parsedHops = chain.hops.map((h) => h.parsed);
  const mx = options.mx ?? [];
  const recipientOrgs = guard("To", () => recipientOrganizations(personalRecipientDomains(fields, parsedHops)), new Set<string>());
  const listOrgs = guard("List-Id", () => recipientOrganizations(listDomains(fields)), new Set<string>());
  const relays = classifyRelays(chain.hops, { fields, recipientOrgs, listOrgs, mx });

  const facts: HopFacts[] = chain.hops.map((hop, i) => {
    return { hop, relayType: relays.decisions[i].type, delaySeconds: null, time: hop.time };
  });
  facts.forEach((f, i) => {
    const prev = i > 0 ? facts[i - 1] : null;
    f.delaySeconds = f.time !== null && prev?.time != null ? delayBetween(prev, f) : null;
  });
  const hopFindings = findingsForHops(facts, relays.restarts);
  relays.findings.forEach((list, i) => hopFindings[i].push(...list));
  if (mx.length > 0) addMxEvidence(facts, hopFindings, mx);
  const insights = hopInsights(facts, relays.decisions, hopFindings, fields, relays.border.hop, options, relays.restarts.map((r) => r.at));
  dropSkewedSlowHops(hopFindings, insights.hops.map((h) => h.delayCause));
  flagLateSenderHops(facts, hopFindings, insights.hops.map((h) => h.forged), relays.border.hop);

  messageFindings.push(...guard("Date", () => dateFindings(fields, facts, insights.hops, relays.border.hop, relays.restarts.length > 0), []));

  const hops: Hop[] = facts.map((f, i) => toHop(f, relays.decisions[i], hopFindings[i], insights.hops[i], options.ipInfo !== undefined));
  const fromValue = firstField(fields, "from")?.value ?? null;
  const sender = guard("Received", () => senderOperator(fields, chain.hops.map(senderHop)), { operator: null, findings: [] });
  messageFindings.push(...sender.findings);
  const borderHop = relays.border.hop === null ? null : chain.hops[relays.border.hop - 1];
  const borderClient = borderHop ? { hop: borderHop.index, ip: borderHop.parsed.from?.ip ?? null } : null;
  const origin = guard("X-Originating-IP", () => originatingIp(fields, options.ipInfo, borderClient), { value: null, findings: [] });
  messageFindings.push(...origin.findings);
  if (chain.truncated > 0) {
    messageFindings.push({
      code: "hops-truncated",
      severity: "warning",
      message: `Only the latest ${MAX_HOPS} Received headers were analysed; ${chain.truncated} older ones were not.`,
    });
  }
  if (chain.hops.length === 0) {
    messageFindings.push(noReceivedFinding());
  }
  const fromDomain = guard("From", () => addressDomain(fromValue), null);
  // Issue 12: whose record each result is (the border's), then spam verdicts, findings, verdict line.
  const line = trustLine(fields, chain.hops, relays.border.hop);
  const authentication = withRecipientAlignment(parseAuthentication(fields, fromDomain, guard, (position, writer) => trustAt(line, position, writer)), fromDomain, fields);
  const genuine = assessGenuine(fields, authentication, line, guard);
  messageFindings.push(...genuine.findings);

  return {
    schemaVersion: 1,
    // Object.assign, not spreads: spreading the summary's fifteen properties into a literal cost
    // a sixth of an analysis of a small message.
    summary: Object.assign(summarize(fields, hops, sender.operator), {
      deliverySeconds: insights.summary.deliverySeconds,
      slowestHop: insights.summary.slowestHop,
      border: relays.border,
      trails: Math.max(1, relays.borders.length),
      borders: relays.borders,
      verdict: genuine.verdict,
      originatingIp: origin.value,
    }),
    hops,
    authentication,
    warnings: sortFindings(allFindings(messageFindings, hopFindings)),
    headers: fields.map((f) => ({ name: f.name, value: f.decoded })),
    antispam: genuine.antispam,
  };
}

/** What the sending-service walk reads of a hop, with the by server's operator as the chain attributed it. */
function senderHop(h: ChainHop): SenderHop {
  return { from: h.parsed.from, by: h.parsed.by, submission: h.parsed.submission, byOperator: h.byOperator };
}

function toHop(f: HopFacts, relay: RelayDecision, findings: Finding[], x: HopInsight, looked: boolean): Hop {
  const p = f.hop.parsed;
  return {
    index: f.hop.index,
    from: withOwner(p.from, x, looked),
    by: p.by,
    with: p.with,
    id: p.id,
    for: p.for,
    timestamp: p.timestamp,
    delaySeconds: f.delaySeconds,
    tls: p.tls,
    authenticated: p.authenticated,
    relayType: f.relayType,
    relayReason: relay.reason,
    trust: relay.trust,
    trail: relay.trail,
    operator: f.hop.byOperator?.name ?? null,
    raw: f.hop.field.value,
    findings: sortFindings(findings),
    clock: x.clock,
    delayCause: x.delayCause,
  };
}

function summarize(fields: readonly RawField[], hops: readonly Hop[], senderOp: string | null): Omit<Summary, "border" | "trails" | "borders"> {
  const get = (name: string) => {
    const v = firstField(fields, name)?.decoded;
    return v === undefined ? null : v;
  };
  const dateText = get("date");
  const first = hops[0]?.timestamp ?? null;
  const last = hops[hops.length - 1]?.timestamp ?? null;
  const known = hops.map((h) => h.tls.encrypted).filter((e): e is boolean => e !== null);
  return {
    subject: get("subject"),
    from: get("from"),
    to: get("to"),
    date: dateText ? parseMailDate(dateText) : null,
    messageId: get("message-id"),
    hopCount: hops.length,
    totalDelaySeconds: first && last ? roundMs((Date.parse(last) - Date.parse(first)) / 1000) : null,
    tls: known.length === 0 ? "unknown" : known.every(Boolean) ? "all" : known.some(Boolean) ? "partial" : "none",
    sender: { operator: senderOp },
  };
}

/** The message's findings, then each hop's, in one new list. */
function allFindings(message: readonly Finding[], hops: readonly (readonly Finding[])[]): Finding[] {
  const out = message.slice();
  for (const list of hops) for (const f of list) out.push(f);
  return out;
}

/** The Date header against the skew-corrected reception times (clock/message-date.ts). */
function dateFindings(fields: readonly RawField[], facts: readonly HopFacts[], insights: readonly HopInsight[], border: number | null, restarted: boolean): Finding[] {
  const dateText = firstField(fields, "date")?.decoded ?? null;
  const iso = dateText ? parseMailDate(dateText) : null;
  return messageDateFindings({
    dateText,
    date: iso === null ? null : Date.parse(iso),
    hops: facts.map((f, i) => ({
      index: f.hop.index,
      time: f.time === null || insights[i].forged ? null : f.time - (insights[i].clock.offsetSeconds ?? 0) * 1000,
    })),
    border,
    resent: restarted || fields.some((f) => f.key.startsWith("resent-")),
  });
}

/**
 * Seconds from one hop's timestamp to the next. When either date is written in whole seconds,
 * both are compared in whole seconds (a server writes the second it is in): SendGrid's
 * "20:23:43.0979541" then Microsoft's "20:23:43" is no 98 ms clock skew, but the same second.
 */
function delayBetween(prev: HopFacts, cur: HopFacts): number {
  const a = prev.time as number;
  const b = cur.time as number;
  if (hasFraction(prev.hop.parsed.dateText) && hasFraction(cur.hop.parsed.dateText)) return roundMs((b - a) / 1000);
  return Math.floor(b / 1000) - Math.floor(a / 1000);
}

/** A date written with a fraction of a second ("20:23:43.0979541", "10:00:00,5"). */
function hasFraction(dateText: string | null): boolean {
  return dateText !== null && /:\d\d[.,]\d/.test(dateText);
}

function roundMs(s: number): number {
  return Math.round(s * 1000) / 1000;
}

/** Says, on each hop whose server is a listed MX, what the live records showed (evidence). */
function addMxEvidence(facts: readonly HopFacts[], hopFindings: Finding[][], mx: readonly MxRecordSet[]): void {
  facts.forEach((f, i) => {
    if (f.relayType !== "mx" && f.relayType !== "backup-mx") return;
    const role = mxListing(f.hop.parsed.by?.host ?? null, mx);
    if (!role) return;
    const primary = role.best.host === f.hop.parsed.by?.host ? "it is the preferred MX" : `the preferred MX is ${role.best.host} (priority ${role.best.priority})`;
    hopFindings[i].push({
      code: "mx-record",
      severity: "info",
      hop: f.hop.index,
      message: `${f.hop.parsed.by?.host} is listed as a priority ${role.priority} MX of ${role.domain}; ${primary}.`,
    });
  });
}
