/**
 * The sending service of a message (summary.sender.operator): from the hops first, then from
 * fingerprint headers, which a sender can forge ("a Mailjet header on a non-Mailjet IP is a
 * finding, not proof", shared/operators.md).
 */
import { dkimDomain } from "../auth/authentication";
import { addressDomain } from "../message/addresses";
import type { RawField } from "../message/headers";
import { ipValue, isPrivateOrLoopback } from "../net/ip";
import { isLocalhostName } from "../net/host";
import type { Finding } from "../types";
import { parseTagList } from "../text/tag-list";
import { OPERATORS, type OperatorRule } from "./data";
import { hostRole, operatorForHost, type OperatorInfo } from "./match";

/**
 * What the sending-service walk reads of one hop (a ParsedReceived fits): the client as the
 * receiver recorded it, the by server, and whether the hop records a submission (SMTP AUTH,
 * webmail/API "with HTTP", MAPI: the client is the provider's own user). Hops are passed in
 * chronological order (index 0 = hop 1 = the earliest, bottom-most Received header).
 */
export interface SenderHop {
  from: { helo: string | null; rdns: string | null; ip: string | null } | null;
  by: { host: string | null; ip: string | null } | null;
  submission: string | null;
  /**
   * The by server's operator as the chain attributed it (route/chain.ts: its host, a software
   * marker such as "(SG)", or, for a server recorded without a public name, the hops around it:
   * "by 10.231.195.131 with HTTP" inside Gmail). Absent: looked up from the by host alone.
   */
  byOperator?: OperatorInfo | null;
}

const SENDING_KINDS = new Set<OperatorInfo["kind"]>(["esp", "mailbox-provider"]);

/**
 * Sending service from hop evidence and fingerprint headers.
 *
 * Hops, earliest first: the first hop whose client, or whose by server, is a sending service
 * (ESP or mailbox provider) names the sender; the client side first, as it is the earlier
 * server. A by server of a sending service counts when the client is local or absent (the hop is
 * the message's start), when the hop records a submission (SMTP AUTH, webmail), when the table marks the host as a
 * submission host (smtp.gmail.com, smtp-relay.gmail.com, *.outbound.protection.outlook.com),
 * or when it is an ESP relaying for a customer's server. Otherwise a mailbox provider's server
 * receiving from an outside client, or any inbound MX, is the recipient's side and ends the walk.
 *
 * Headers (X-SES-Outgoing, X-Mailgun-*, Feedback-ID, DKIM d=, Return-Path, Message-ID …) are
 * used when the hops name no sender. When headers name an ESP that no hop confirms while hops
 * are recorded, the finding "esp-headers-unconfirmed" says so, and the headers name no sender:
 * a header the finding calls possibly forged is no attribution (the hops' own answer stands).
 */
export function senderOperator(
  fields: readonly RawField[],
  hops: readonly SenderHop[],
): { operator: string | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const fromHops = operatorFromHops(hops);
  const fromHeaders = operatorFromHeaders(fields);
  const hinted = fromHeaders?.op ?? null;
  const unconfirmed = hinted !== null && !fromHeaders?.weak && hinted.name !== fromHops?.name && hasHopEvidence(hops) && !confirmedByHops(hinted.name, hops);
  if (unconfirmed) {
    findings.push({
      code: "esp-headers-unconfirmed",
      severity: "warning",
      message: `${hinted.name} headers are present but no hop came from ${hinted.name}'s servers; they may be forged.`,
    });
  }
  // Headers of a service that the hops show only receiving the message (Mailgun's inbound
  // routes add X-Mailgun-Incoming at mxa.mailgun.org) describe the recipient's side, not the sender.
  const inboundOnly = hinted !== null && !fromHops && onlyInbound(hinted.name, hops);
  const operator = fromHops?.name ?? (inboundOnly || unconfirmed ? null : hinted?.name) ?? null;
  // A DKIM selector is only a hint: it names nobody, and is mentioned when nothing else names a sender.
  if (operator === null) {
    const hint = selectorHint(fields);
    if (hint) {
      findings.push({
        code: "sender-hint",
        severity: "info",
        message: `The DKIM selector "${hint.selector}" is of the form ${hint.name} uses, but neither the hops nor ${hint.name}'s own headers show it: possibly sent through ${hint.name}, not confirmed.`,
      });
    }
  }
  return { operator, findings };
}

const SELECTOR_RULES = OPERATORS.filter((r) => (r.dkimSelectors ?? []).length > 0);

/** The first DKIM-Signature whose selector is one an operator's platform uses by default. */
function selectorHint(fields: readonly RawField[]): { name: string; selector: string } | null {
  for (const f of fields) {
    if (f.key !== "dkim-signature") continue;
    const selector = (parseTagList(f.value).get("s") ?? "").toLowerCase();
    if (selector.length === 0 || selector.length > 63) continue;
    const rule = SELECTOR_RULES.find((r) => r.dkimSelectors?.some((p) => p.test(selector)));
    if (rule) return { name: rule.name, selector };
  }
  return null;
}

interface HopSide {
  op: OperatorInfo | null;
  /** The client is outside: a public address or a name that is not local. */
  external: boolean;
}

function fromSide(hop: SenderHop): HopSide {
  const rdns = hop.from?.rdns ?? null;
  const ip = hop.from?.ip ?? null;
  const helo = hop.from?.helo ?? null;
  const addr = ipValue(ip);
  const local = addr !== null && isPrivateOrLoopback(ip);
  const localName = isLocalhostName(rdns);
  const external = !local && !localName && (addr !== null || (rdns !== null && rdns.includes(".")) || (helo !== null && helo.includes(".")));
  if (local || localName) return { op: null, external: false };
  let op = operatorForHost(rdns, ip);
  if (!op && rdns === null && helo) {
    const byName = operatorForHost(helo, null);
    // Trust a HELO name only when the address does not contradict it.
    const rule = byName ? OPERATORS.find((r) => r.name === byName.name) : undefined;
    if (byName && (!rule?.ipRanges || !addr || operatorForHost(null, ip)?.name === byName.name)) op = byName;
  }
  return { op, external };
}

function byOperator(hop: SenderHop): OperatorInfo | null {
  if (hop.byOperator !== undefined) return hop.byOperator;
  return operatorForHost(hop.by?.host ?? null, hop.by?.ip ?? null);
}

function operatorFromHops(hops: readonly SenderHop[]): OperatorInfo | null {
  for (let i = 0; i < hops.length; i++) {
    const from = fromSide(hops[i]);
    if (from.op && SENDING_KINDS.has(from.op.kind)) return from.op;
    const byHost = hops[i].by?.host ?? null;
    const by = byOperator(hops[i]);
    if (!by || !SENDING_KINDS.has(by.kind)) continue;
    const sending = !from.external || hops[i].submission !== null || hostRole(by.name, byHost) === "submission";
    if (sending) return by.kind === "mailbox-provider" ? espBehind(hops, i, by) : by;
    if (hostRole(by.name, byHost) === "inbound") return null;
    if (by.kind === "esp") return by; // an ESP relaying for a customer's server (smart host)
    return null; // a mailbox provider receiving from outside: the recipient's side
  }
  return null;
}

/**
 * A mailbox provider that hands its user's mail straight on to an ESP (a Microsoft 365 or Google
 * Workspace outbound connector to SendGrid; Zoho's own notices leaving through ZeptoMail) sent
 * it through that ESP: the ESP is the sending service. Only a contiguous hand-off counts (the
 * next hops stay within the provider until the ESP); anything else keeps the provider, so a
 * recipient-side forwarder that relays through an ESP is not mistaken for the sender's.
 */
function espBehind(hops: readonly SenderHop[], start: number, provider: OperatorInfo): OperatorInfo {
  for (let j = start + 1; j < hops.length; j++) {
    const from = fromSide(hops[j]);
    if (from.op?.kind === "esp") return from.op;
    const by = byOperator(hops[j]);
    const fromProvider = from.op?.name === provider.name || (!from.external && from.op === null);
    if (!fromProvider) return provider;
    if (by?.kind === "esp" && hostRole(by.name, hops[j].by?.host ?? null) !== "inbound") return by;
    if (by?.name !== provider.name) return provider;
  }
  return provider;
}

/** The operator appears in the hops, and only as a by server the table marks as its inbound MX. */
function onlyInbound(name: string, hops: readonly SenderHop[]): boolean {
  let inbound = false;
  for (const hop of hops) {
    if (byOperator(hop)?.name === name) {
      if (hostRole(name, hop.by?.host ?? null) !== "inbound") return false;
      inbound = true;
    }
    if (fromSide(hop).op?.name === name) return false;
  }
  return inbound;
}

function hasHopEvidence(hops: readonly SenderHop[]): boolean {
  return hops.some((h) => Boolean(h.from?.rdns || h.by?.host || h.from?.ip));
}

function confirmedByHops(name: string, hops: readonly SenderHop[]): boolean {
  return hops.some((h) => byOperator(h)?.name === name || fromSide(h).op?.name === name);
}

const BY_HEADER = new Map<string, OperatorRule>();
const BY_WEAK_HEADER = new Map<string, OperatorRule>();
const BY_FEEDBACK_ID = new Map<string, OperatorRule>();
const PREFIXES: { prefix: string; rule: OperatorRule }[] = [];
for (const rule of OPERATORS) {
  for (const h of rule.headerNames ?? []) BY_HEADER.set(h, rule);
  for (const h of rule.weakHeaderNames ?? []) BY_WEAK_HEADER.set(h, rule);
  for (const f of rule.feedbackIds ?? []) BY_FEEDBACK_ID.set(f, rule);
  for (const prefix of rule.headerPrefixes ?? []) PREFIXES.push({ prefix, rule });
}

/**
 * The ESP the headers point to: each kind of clue (platform header, Feedback-ID, DKIM d=,
 * Return-Path, Message-ID) votes once per operator; most votes wins, ties go to the first seen.
 * Mailbox providers are not inferred from headers (a d=gmail.com signature is not a sending service).
 */
function operatorFromHeaders(fields: readonly RawField[]): { op: OperatorInfo; weak: boolean } | null {
  const votes = new Map<string, { rule: OperatorInfo; clues: Set<string> }>();
  let weak: OperatorInfo | null = null;
  const vote = (op: OperatorInfo | null, clue: string) => {
    if (!op || op.kind !== "esp") return;
    const v = votes.get(op.name) ?? { rule: op, clues: new Set<string>() };
    v.clues.add(clue);
    votes.set(op.name, v);
  };
  const asInfo = (r: OperatorRule | undefined): OperatorInfo | null => (r ? { name: r.name, kind: r.kind } : null);

  for (const f of fields) {
    const key = f.key;
    vote(asInfo(BY_HEADER.get(key)), "header");
    // Every platform prefix starts "x-" (x-mailgun-, x-mj-, …): other names skip the loop.
    if (key.startsWith("x-")) for (const { prefix, rule } of PREFIXES) if (key.startsWith(prefix)) vote(asInfo(rule), "header");
    weak ??= asInfo(BY_WEAK_HEADER.get(key));
    switch (key) {
      case "feedback-id": {
        const last = f.value.slice(f.value.lastIndexOf(":") + 1).trim().toLowerCase();
        vote(asInfo(BY_FEEDBACK_ID.get(last)), "feedback-id");
        break;
      }
      case "dkim-signature":
        vote(operatorForHost(dkimDomain(f.value), null), "dkim");
        break;
      case "return-path":
        vote(operatorForHost(addressDomain(f.value), null), "return-path");
        break;
      case "message-id":
        vote(operatorForHost(addressDomain(f.value), null), "message-id");
        break;
    }
  }
  let best: { rule: OperatorInfo; clues: Set<string> } | null = null;
  for (const v of votes.values()) if (!best || v.clues.size > best.clues.size) best = v;
  if (best) return { op: best.rule, weak: false };
  return weak ? { op: weak, weak: true } : null;
}

/** The d= tag of a DKIM-Signature (RFC 6376 §3.5 tag-list), or null. */
