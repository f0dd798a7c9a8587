/**
 * The recipient's border: the hop where a receiving organisation's inbound server accepted the
 * message from outside. Found per leg of the journey, from ranked evidence:
 *
 *   1. the receiving side's own checks (auth/receiver-checks.ts: Received-SPF client-ip,
 *      Authentication-Results smtp.remote-ip / "sender IP is …", X-Forefront-Antispam-Report CIP,
 *      SpamAssassin's first untrusted relay) naming the client of a hop below them;
 *   2. live MX records of a recipient domain (options.dns);
 *   3. the operator table's inbound hosts (mx.google.com, *.mail.protection.outlook.com, …);
 *   4. the recipient domains' organisations (envelope and visible recipients);
 *   5. host names last (mx*, inbound*, mailin*).
 *
 * The recipient's side of a leg is found walking back from where the leg ends: hops received by
 * the side's servers from the side's own machines (private addresses, the chain itself, a client
 * name the evidence backs) stay inside; the first hop whose client is outside is the entry. Two
 * hosts of one multi-tenant operator are not one organisation: a hop into the operator's inbound
 * host from anything but another inbound host crosses the border (tenant to tenant, Gmail to
 * Gmail). A security gateway or the recipient domain's own MX just before the entry is the
 * recipient's gateway, and the border moves to it ("filters in front of the mailbox").
 *
 * Legs: a message delivered to one organisation and sent on to another (auto-forwarding, a
 * forwarding service, a mailing list, a resent message) crosses two borders. Below the last leg's
 * border, an earlier border is accepted only on evidence that a receiver took the message in there
 * (a receiver check, an inbound host, an MX record, a recipient organisation, a changed envelope
 * recipient, an inbound name), and only when the later leg's entry came from it: the sender's own
 * relays and outbound gateways are never taken for a border. Those earlier legs lie on the sending
 * side of the final recipient, where a client's own name counts (both sides are claims there).
 */
import { receiverChecks, type ReceiverCheck } from "../auth/receiver-checks";
import type { RawField } from "../message/headers";
import { parseMailboxes } from "../message/addresses";
import { parseTagList } from "../text/tag-list";
import { normaliseHost } from "../net/host";
import { isIp } from "../net/ip";
import { hostRole, operatorForHost } from "../operators/match";
import type { MxRecordSet } from "../types";
import { isContentFilter, isFetched, isLocalFilter, type ChainHop } from "./chain";
import { clientIdentity, type ClientIdentity } from "./client";
import { organizationOf } from "./organization";
import { findRestarts, type Restart } from "./restarts";
import { senderOrganization } from "./recipients";

/** Names that say "secondary MX" outright, and numbered MX names that only suggest it. */
export const BACKUP_MX_NAME = /(?:^|[.-])(?:backup|backupmx|mx-?backup|bkmx|secondary|fallback)\d*(?:[.-]|$)/;
export const NUMBERED_MX_NAME = /(?:^|[.-])(?:mx[2-9]|mxb)(?:[.-]|$)/;
/** Inbound MX names: mx., mx1., inbound., mailin., smtp-in. … */
export const INBOUND_NAME = /^(?:mx|mxa|mxb|mx\d+|mx-\w+|inbound|inbound\d+|mailin|mail-in|mailin\d+|smtpin|smtp-in|in\d*)[.-]/;
/** Outbound names of gateways and relays: Cisco "ob1.hcNNN-NN.iphmx.com", "esa1.x-out.iphmx.com", "smtp-out". */
export const OUTBOUND_NAME = /(?:^|[.-])(?:outbound|smtpout|smtp-out|mailout|out|ob|obe)\d*(?:[.-]|$)|-out\./;

export interface BorderContext {
  fields: readonly RawField[];
  /** Organisations of the recipients' own domains (route/recipients.ts: envelope, To, Cc). */
  recipientOrgs: ReadonlySet<string>;
  /** Organisations of mailing lists the message names (List-Id, List-Post). */
  listOrgs: ReadonlySet<string>;
  /** Live MX records (options.mx). */
  mx: readonly MxRecordSet[];
}

/** One leg of the journey: hops [start, end] (0-based), entering the recipient's side at `border`. */
export interface Leg {
  start: number;
  end: number;
  /** 0-based index of the border hop, or null when the leg shows no entry from outside. */
  border: number | null;
  /** 0-based index of a backup MX that took the message first (the border), when there was one. */
  backup: boolean;
  /** The hop after the border that the recipient's gateway handed the message to, if any. */
  gatewayHandoff: number | null;
  /** Why this hop is the border, strongest first, one phrase each. */
  evidence: string[];
  /** Organisations of the recipient's side (the by servers from the border to the leg's end). */
  side: Set<string>;
}

export interface BorderView {
  legs: Leg[];
  /** Where a new journey starts (a resent or re-sent message, restarts.ts), oldest first. */
  restarts: Restart[];
  /** Client identity per hop (route/client.ts). */
  clients: ClientIdentity[];
  /** The receiver checks matched to each hop (0-based), strongest evidence of an entry there. */
  checksAt: ReceiverCheck[][];
}

/** The MX record set listing a host, with its priority and whether it is the best one. */
export function mxListing(host: string | null, mx: readonly MxRecordSet[]): { domain: string; priority: number; best: { host: string; priority: number } } | null {
  if (!host) return null;
  for (const set of mx) {
    const entry = set.hosts.find((h) => h.host === host);
    if (!entry) continue;
    let best = entry;
    for (const h of set.hosts) if (h.priority < best.priority) best = h;
    return { domain: set.domain, priority: entry.priority, best };
  }
  return null;
}

/** What the walk reads, computed once per message. */
interface Walk {
  hops: readonly ChainHop[];
  clients: readonly ClientIdentity[];
  checksAt: readonly ReceiverCheck[][];
  /** Header-block position of each hop's Received header (0 = topmost). */
  positions: readonly number[];
  marks: ForwardMarks;
  ctx: BorderContext;
}

export function findBorders(hops: readonly ChainHop[], ctx: BorderContext): BorderView {
  const n = hops.length;
  const clients = hops.map((_, i) => clientIdentity(hops, i));
  const position = new Map<RawField, number>();
  ctx.fields.forEach((f, i) => {
    if (f.key === "received") position.set(f, i);
  });
  const positions = hops.map((h) => position.get(h.field) ?? -1);
  const checksAt = matchChecks(hops, positions, ctx.fields);
  const marks = forwardMarks(ctx.fields);
  const walk: Walk = { hops, clients, checksAt, positions, marks, ctx };
  const legs: Leg[] = [];
  if (n === 0) return { legs, clients, checksAt, restarts: [] };

  // A chain that was delivered and sent again (restarts.ts) is walked one journey at a time,
  // newest first; each journey's legs end where it starts, and its last leg is its own final one.
  const restarts = findRestarts(hops, positions, ctx.fields);
  const starts = [0, ...restarts.map((r) => r.at)];
  for (let s = starts.length - 1; s >= 0; s--) {
    const floor = starts[s];
    const journey = walkJourney(walk, floor, s + 1 < starts.length ? starts[s + 1] - 1 : n - 1);
    legs.unshift(...journey);
  }
  return { legs, clients, checksAt, restarts };
}

/** The legs of one journey, hops [floor, last]: walked back from its end, as border.ts describes. */
function walkJourney(walk: Walk, floor: number, last: number): Leg[] {
  const { hops, checksAt, ctx } = walk;
  const legs: Leg[] = [];
  let end = last;
  let final = true;
  while (end >= floor) {
    const leg = walkBack(walk, end, final, floor);
    if (!final && (leg.border === null || !isMxEntry(hops, leg.border, checksAt, ctx) || !sentOnBy(hops, legs[0], leg, ctx))) break;
    legs.unshift(leg);
    final = false;
    if (leg.border === null || leg.border === floor) break;
    end = leg.border - 1;
  }
  // Leg ranges: each leg runs from the hop after the previous leg's border side to its own end;
  // the first leg starts at the journey's first hop (its sender's side lies below its border).
  for (let k = 0; k < legs.length; k++) {
    legs[k].start = k === 0 ? floor : (legs[k - 1].end + 1);
    if (k + 1 < legs.length) legs[k].end = (legs[k + 1].border ?? legs[k].end) - 1;
  }
  if (legs.length > 0) legs[legs.length - 1].end = last;
  return legs;
}

/**
 * The receiver checks, each matched to the hop whose client it names: nearest below the check, or
 * the hop right above it when that hop's server is the check's writer.
 */
function matchChecks(hops: readonly ChainHop[], positions: readonly number[], fields: readonly RawField[]): ReceiverCheck[][] {
  const at: ReceiverCheck[][] = hops.map(() => []);
  for (const check of receiverChecks(fields)) {
    // Hops are chronological; header positions grow downwards. A check written by a receiver sits
    // above that receiver's own Received header: the nearest hop below it with that client.
    let best = -1;
    let above = -1;
    for (let i = hops.length - 1; i >= 0; i--) {
      if (positions[i] <= check.position) {
        if (positions[i] >= 0) above = i;
        continue;
      }
      if (hops[i].parsed.from?.ip === check.ip) {
        best = i;
        break;
      }
    }
    // Gmail writes Received-SPF and Authentication-Results just below its own Received header
    // (mx.google.com's, about its client): the hop right above the check, when its server is the
    // check's writer and its client the address checked. The same address lower down is then a
    // coincidence (a list server's content filter recording its own public address).
    const a = above >= 0 ? hops[above] : null;
    if (a && check.writer && a.byOrg !== null && a.parsed.from?.ip === check.ip && organizationOf(check.writer, null) === a.byOrg) best = above;
    if (best >= 0) at[best].push(check);
  }
  return at;
}

interface ForwardMarks {
  /** X-Forwarded-To / X-Forwarded-For / Resent-* / X-Forwarded-Message-Id are present. */
  forwarded: boolean;
  /** Organisations that added an ARC set (ARC-Seal d=): intermediaries that sent the message on. */
  arcSealers: Set<string>;
}

function forwardMarks(fields: readonly RawField[]): ForwardMarks {
  let forwarded = false;
  const arcSealers = new Set<string>();
  for (const f of fields) {
    if (f.key === "x-forwarded-to" || f.key === "x-forwarded-for" || f.key === "x-forwarded-message-id" || f.key.startsWith("resent-")) forwarded = true;
    if (f.key === "arc-seal") {
      const d = parseTagList(f.value).get("d") ?? null;
      const org = d ? organizationOf(d, null) : null;
      if (org) arcSealers.add(org);
    }
  }
  return { forwarded, arcSealers };
}

/** The client of hop i is outside `side`: hop i is where the message came in from elsewhere. */
function isEntry(hops: readonly ChainHop[], i: number, clients: readonly ClientIdentity[], side: ReadonlySet<string>, trustClaims: boolean): boolean {
  const hop = hops[i];
  // A client that logs in or hands the message in (SMTP AUTH, webmail, MAPI) is the server's own
  // user: its hop is a submission, never an entry from outside.
  if (hop.parsed.submission !== null) return false;
  // A content filter (amavis) re-injecting on the receiving host records the original client:
  // the hop into the site was the one before it.
  if (isContentFilter(hop)) return false;
  if (crossesIntoInbound(hop, i > 0 ? hops[i - 1] : null)) return true;
  const id = clients[i];
  if (id.basis === "chain" || id.basis === "private") return false;
  if (id.org !== null && side.has(id.org)) return false;
  if (trustClaims && id.claimed !== null && side.has(id.claimed)) return false;
  // fetchmail: the recipient pulled its own mail from its mailbox host.
  if (isFetched(hop)) return false;
  // A from part that names no host, address or HELO ("from user@localhost", qmail-scanner's
  // envelope sender): a program on the server itself.
  const from = hop.parsed.from;
  if (!from || (!from.helo && !from.rdns && !from.ip)) return false;
  return !isLocalFilter(hop);
}

/**
 * A hop into a multi-tenant operator's inbound host from anything but another of its inbound
 * hosts: the operator's outbound side handing to its inbound side, which are different
 * organisations' servers (Microsoft 365 tenant to tenant, Gmail to Gmail, Yahoo to Yahoo).
 */
export function crossesIntoInbound(hop: ChainHop, prev: ChainHop | null): boolean {
  const op = hop.byOperator;
  if (!op || op.kind === "esp" || hostRole(op.name, hop.parsed.by?.host ?? null) !== "inbound") return false;
  const from = hop.parsed.from;
  if (!from || hop.fromPrivate) return false;
  const names = [from.rdns, normaliseHost(from.helo)].filter((x): x is string => Boolean(x) && !isIp(x as string));
  const roles = names.map((name) => hostRole(op.name, name));
  // A client that is itself an inbound host of the operator is a relay inside its inbound pool.
  if (roles.includes("inbound")) return false;
  // The operator's sending edge handing to its receiving edge: two customers, two organisations.
  if (roles.includes("submission") || roles.includes("outbound")) return true;
  // Any other host of the operator (a mailbox server handing its tenant's mail to the operator's
  // outbound filters, which share the inbound names) is the operator's inside.
  if (names.some((name) => operatorForHost(name)?.name === op.name)) return false;
  if (!from.ip) return !(prev && names.includes(prev.parsed.by?.host ?? ""));
  return operatorForHost(null, from.ip)?.name !== op.name;
}

function walkBack(walk: Walk, end: number, final: boolean, floor: number): Leg {
  const { hops, clients, checksAt, ctx } = walk;
  const side = new Set<string>();
  // The organisation holding the message at the end of the leg: the last server with a known one.
  for (let i = end; i >= floor && side.size === 0; i--) if (hops[i].byOrg) side.add(hops[i].byOrg!);
  const leg: Leg = { start: floor, end, border: null, backup: false, gatewayHandoff: null, evidence: [], side };
  for (let i = end; i >= floor; i--) {
    const hop = hops[i];
    // fetchmail pulled the message from the recipient's own mailbox host (its client, or through a
    // tunnel on localhost the server of the hop before): that host is the side's too.
    if (isFetched(hop)) {
      if (hop.fromOrg) side.add(hop.fromOrg);
      if (i > 0 && hops[i - 1].byOrg) side.add(hops[i - 1].byOrg!);
    }
    if (hop.byOrg !== null && !side.has(hop.byOrg)) {
      // fetchmail above this hop pulled the message out of this server's mailbox: the mailbox
      // host is the recipient's own provider, not the far side of a border.
      if (i + 1 <= end && isFetched(hops[i + 1])) {
        side.add(hop.byOrg);
        continue;
      }
      // This server is outside the side, so the hop above it was the entry.
      leg.border = i + 1 <= end ? i + 1 : null;
      break;
    }
    // A receiver check on a hop that the side took in is decisive, whatever the names say.
    if ((checksAt[i].length > 0 && hop.parsed.submission === null) || isEntry(hops, i, clients, side, !final)) {
      if (i > floor && recipientGateway(walk, i, side)) {
        if (hops[i - 1].byOrg) side.add(hops[i - 1].byOrg!);
        leg.gatewayHandoff = i;
        continue;
      }
      leg.border = i;
      break;
    }
  }
  if (leg.border !== null) {
    leg.evidence = borderEvidence(hops, leg, checksAt, ctx);
    leg.backup = isBackupEntry(hops, leg, ctx);
  }
  return leg;
}

/**
 * The server that handed hop i to the recipient's side is the recipient's own gateway (so the
 * border is the hop into it): the receiver checked the gateway's client rather than the gateway
 * (Google with an inbound gateway), it is listed as the recipient domain's MX, it belongs to a
 * recipient organisation, or it is a security gateway's inbound host by the operator table, and it
 * is not a server of the side already. Not a gateway: a forwarder that sealed the message
 * with its own ARC set or handed it on for another envelope recipient, or a list or program that
 * re-injected it (a new leg starts there).
 */
function recipientGateway(walk: Walk, i: number, side: ReadonlySet<string>): boolean {
  const { hops, checksAt, marks, ctx } = walk;
  const gw = hops[i - 1];
  const host = gw.parsed.by?.host ?? null;
  if (!host || gw.byOrg === null || side.has(gw.byOrg) || isReinjection(gw)) return false;
  // A server that took the message from its own user (SMTP AUTH, webmail, MAPI) is the sending
  // side's submission server, even in a recipient's organisation (a resent message: the first
  // delivery's recipient sends it on, issue 10).
  if (gw.parsed.submission === "auth" || gw.parsed.submission === "http" || gw.parsed.submission === "mapi") return false;
  // The side's receiver checked a client further down (its check sits above hop i's Received, so
  // it was written after hop i): it knows the gateway as its own (Google with an inbound gateway).
  if (checksAt[i].length === 0 && lookedPast(walk, i)) return true;
  // Received for one address, handed on for another: forwarding to a new mailbox, a new leg.
  if (recipientChangesAt(hops, i) || recipientChangesInside(hops, i)) return false;
  if (mxListing(host, ctx.mx)) return true;
  // A mailing list's server sends the message on as a new message to each subscriber.
  if (marks.arcSealers.has(gw.byOrg) || ctx.listOrgs.has(gw.byOrg)) return false;
  if (ctx.recipientOrgs.has(gw.byOrg) && gw.byOperator?.kind !== "esp") return true;
  // A security gateway's host that the table marks as its inbound MX (Mimecast "…-smtp-inbound-…").
  // Without that, a gateway could as well be the sender's outbound one (Proofpoint, MessageLabs and
  // Cisco use the same host names both ways), and is then the border of a leg of its own.
  return gw.byOperator?.kind === "gateway" && hostRole(gw.byOperator.name, host) === "inbound" && !isOutboundGateway(hops, i - 1);
}

function lookedPast(walk: Walk, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (walk.checksAt[j].some((c) => c.position < walk.positions[i])) return true;
  }
  return false;
}

/** A list or a local program handed the message in again: "via listexpand", "from userid", qmail uid. */
function isReinjection(h: ChainHop): boolean {
  const s = h.parsed.submission;
  return s === "userid" || s === "uid" || s === "local" || s === "submit" || /listexpand|mailman/i.test(h.parsed.via ?? "");
}

/**
 * A security gateway used by the sender's side: an outbound name ("-out.", "outbound", Cisco's
 * "ob1."), a host the table marks as the operator's submission/outbound host, or one that takes
 * mail from the servers of an organisation (not a multi-tenant provider) that submitted it below.
 */
function isOutboundGateway(hops: readonly ChainHop[], g: number): boolean {
  const h = hops[g];
  const host = h.parsed.by?.host ?? "";
  if (OUTBOUND_NAME.test(host)) return true;
  if (h.byOperator && hostRole(h.byOperator.name, host) === "submission") return true;
  const submitted = hops.slice(0, g).find((x) => x.parsed.submission !== null && x.byOrg !== null);
  if (!submitted || submitted.byOperator?.kind === "mailbox-provider") return false;
  const from = h.parsed.from;
  const names = [from?.rdns, from?.helo?.toLowerCase()].filter((x): x is string => Boolean(x));
  return names.some((name) => organizationOf(name, null) === submitted.byOrg);
}

/**
 * The envelope recipient recorded at or after hop i shares no address with the one recorded
 * last before it: the server before hop i received for one mailbox and sent on for another.
 */
function recipientChangesAt(hops: readonly ChainHop[], i: number): boolean {
  let before: Set<string> | null = null;
  for (let j = i - 1; j >= 0 && before === null; j--) {
    const r = recipients(hops[j]);
    if (r.size > 0) before = r;
  }
  if (!before) return false;
  for (let j = i; j < hops.length; j++) {
    const r = recipients(hops[j]);
    if (r.size === 0) continue;
    for (const x of r) if (before.has(x)) return false;
    return true;
  }
  return false;
}

/**
 * The servers of the organisation that handed hop i on (hops[i - 1]'s and the ones of the same
 * organisation right below it) received the message, somewhere below, for none of the addresses hop i was received
 * for: a mailing list took it in for the list's address and sent it on to each subscriber
 * (Mailman behind a content filter: "for <list@lists.example>" three hops down), or an alias
 * forwarded it. recipientChangesAt() sees only the hop next to the handoff.
 */
function recipientChangesInside(hops: readonly ChainHop[], i: number): boolean {
  let after: Set<string> | null = null;
  for (let j = i; j < hops.length && after === null; j++) {
    const r = recipients(hops[j]);
    if (r.size > 0) after = r;
  }
  if (!after) return false;
  const org = hops[i - 1].byOrg;
  for (let j = i - 1; j >= 0 && hops[j].byOrg === org; j--) {
    const r = recipients(hops[j]);
    if (r.size === 0) continue;
    let shared = false;
    for (const x of r) if (after.has(x)) shared = true;
    if (!shared) return true;
  }
  return false;
}

/**
 * The later leg's entry came from the earlier leg's side: the organisation that received the
 * message sent it on (by its own name, even a claimed one, or handing on without a client
 * record). Otherwise the "earlier leg" is only more hops into the same place (a retry, a copy).
 */
function sentOnBy(hops: readonly ChainHop[], later: Leg, earlier: Leg, ctx: BorderContext): boolean {
  const b = later.border;
  if (b === null) return false;
  const hop = hops[b];
  if (!hop.parsed.from) return b > 0 && hops[b - 1].byOrg !== null && earlier.side.has(hops[b - 1].byOrg!);
  const names = [hop.parsed.from.rdns, normaliseHost(hop.parsed.from.helo)].filter((x): x is string => Boolean(x));
  // A list's server sends under the list's own domain (List-Id jmap.ietf.org, then "from
  // mail.ietf.org" out of ietfa.amsl.com): that is the earlier side sending the message on.
  const sender = (org: string | null) => org !== null && (earlier.side.has(org) || ctx.listOrgs.has(org));
  if (names.some((n) => sender(organizationOf(n, null)))) return true;
  const prevHost = b > 0 ? hops[b - 1].parsed.by?.host : null;
  return prevHost !== null && prevHost !== undefined && names.includes(prevHost);
}

/** An earlier leg's border needs evidence that a receiver took the message in there. */
function isMxEntry(hops: readonly ChainHop[], i: number, checksAt: readonly ReceiverCheck[][], ctx: BorderContext): boolean {
  const hop = hops[i];
  const host = hop.parsed.by?.host ?? null;
  if (checksAt[i].length > 0) return true;
  if (mxListing(host, ctx.mx)) return true;
  if (crossesIntoInbound(hop, i > 0 ? hops[i - 1] : null)) return true;
  if (hop.byOperator && hostRole(hop.byOperator.name, host) === "inbound") return true;
  if (hop.byOrg && (ctx.recipientOrgs.has(hop.byOrg) || ctx.listOrgs.has(hop.byOrg))) return true;
  // It received for one address and sent the message on to another: it expanded a list or
  // forwarded for its own users, as a domain's MX does; a smart host passes the recipient on.
  if (recipients(hop).size > 0 && recipientChangesAt(hops, i + 1)) return true;
  // A name alone ("mx.example.it") is the weakest evidence, and none when the server is the
  // From domain's own: small organisations send out through the one host they call mx (phishing_pot
  // sample-670: From admin@mx.ancidigitale.it, handed by mx.ancidigitale.it to the recipient's MX).
  if (hop.byOrg !== null && hop.byOrg === senderOrganization(ctx.fields)) return false;
  return host !== null && (INBOUND_NAME.test(host) || BACKUP_MX_NAME.test(host));
}


function recipients(hop: ChainHop): Set<string> {
  return new Set(parseMailboxes(hop.parsed.for).map((m) => m.address.toLowerCase()));
}

function borderEvidence(hops: readonly ChainHop[], leg: Leg, checksAt: readonly ReceiverCheck[][], ctx: BorderContext): string[] {
  const b = leg.border as number;
  const hop = hops[b];
  const host = hop.parsed.by?.host ?? null;
  const out: string[] = [];
  const checks = checksAt[b].map((c) => ({ c, hop: hop.index }));
  if (leg.gatewayHandoff !== null) for (const c of checksAt[leg.gatewayHandoff]) checks.push({ c, hop: hops[leg.gatewayHandoff].index });
  for (const { c, hop: at } of checks.slice(0, 3)) out.push(`${c.text} names the client of hop ${at}`);
  const listed = mxListing(host, ctx.mx);
  if (listed) out.push(`${host} is a priority ${listed.priority} MX of ${listed.domain} (DNS)`);
  if (hop.byOperator && hostRole(hop.byOperator.name, host) === "inbound") out.push(`${host} is ${hop.byOperator.name}'s inbound MX`);
  if (crossesIntoInbound(hop, b > 0 ? hops[b - 1] : null) && hop.fromOrg === hop.byOrg) {
    out.push(`the client ${hop.parsed.from?.rdns ?? hop.parsed.from?.helo ?? hop.parsed.from?.ip} is ${hop.byOperator?.name}'s sending side, another tenant or account`);
  }
  if (hop.byOrg && ctx.recipientOrgs.has(hop.byOrg)) out.push(`${hop.byOrg} is the recipient's organisation`);
  else if (hop.byOrg && ctx.listOrgs.has(hop.byOrg)) out.push(`${hop.byOrg} runs the mailing list the message names`);
  if (leg.gatewayHandoff !== null) {
    const g = hops[leg.gatewayHandoff];
    out.push(`${host} is the recipient's gateway: it handed the message to ${g.parsed.by?.host ?? "the recipient's server"} at hop ${g.index}`);
  }
  if (out.length === 0 && host && INBOUND_NAME.test(host)) out.push(`${host} is named as an inbound MX`);
  if (out.length === 0) out.push(`the first server of ${leg.side.size > 0 ? [...leg.side].join(", ") : "the receiving side"} to take the message from outside`);
  return out;
}

/** Backup-MX seconds: a hand-on from a numbered MX this much later suggests it queued. */
const BACKUP_QUEUE_SECONDS = 60;

/** The border is a backup MX that then handed the message to the primary. */
function isBackupEntry(hops: readonly ChainHop[], leg: Leg, ctx: BorderContext): boolean {
  const b = leg.border as number;
  const host = hops[b].parsed.by?.host ?? "";
  const next = hops.slice(b + 1, leg.end + 1).find((h) => h.parsed.by?.host && h.parsed.by.host !== host && h.byOrg !== null && leg.side.has(h.byOrg));
  if (!next) return false;
  const listed = mxListing(host, ctx.mx);
  if (listed) return listed.priority > listed.best.priority;
  if (BACKUP_MX_NAME.test(host)) return true;
  if (!NUMBERED_MX_NAME.test(host)) return false;
  const t0 = hops[b].time;
  const t1 = next.time;
  return t0 !== null && t1 !== null && t1 - t0 >= BACKUP_QUEUE_SECONDS * 1000;
}
