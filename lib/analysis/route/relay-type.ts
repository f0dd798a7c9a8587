/**
 * The relay type of each hop: the role of its `by` server (design.md, "Relay types").
 * Decided from evidence, in this order:
 *  1. delivery   – the last hop hands the message to the mailbox store (LMTP, local, Cyrus,
 *                  Dovecot; Microsoft 365's final HTTPS hop into the mailbox server).
 *  2. esp        – by is a sending service and the client is not the same service.
 *  3. submission – a client or application hands the message in at the start of the trail
 *                  (SMTP AUTH, HTTP/MAPI/local, Postfix userid, qmail uid, Sendmail /Submit), or the
 *                  first hop takes it from an address-only client for relaying elsewhere.
 *  4. internal   – both sides belong to the same organisation (or the client is loopback/private).
 *  5. backup-mx  – a cross-organisation hop into a host named as a secondary MX, after which another
 *                  host of the recipient organisation receives it.
 *  6. mx         – a cross-organisation hop into the recipient organisation (the organisation that
 *                  holds the message at the end of the trail, or of a `for` recipient domain).
 *  7. smart-host – a cross-organisation hop into a relay that then hands the message to a third one.
 * "unknown" when the organisation of the by server cannot be told.
 */
import { isFetched, type ChainHop } from "./chain";
import { parseMailboxes } from "../message/addresses";
import { hostRole } from "../operators/match";
import { protocolInfo } from "../received/protocols";
import type { MxRecordSet, RelayType } from "../types";

const MAILBOX_SOFTWARE = /cyrus|dovecot/i;
const MAILBOX_OVER_HTTPS = new Set(["Microsoft 365", "Yahoo"]);
// Names that say "secondary MX" outright, and numbered MX names that only suggest it (mx2.hotmail.com
// was one of several equal MX hosts): the latter count only when the message then sat in a queue.
const BACKUP_MX_NAME = /(?:^|[.-])(?:backup|backupmx|mx-?backup|bkmx|secondary|fallback)\d*(?:[.-]|$)/;
const NUMBERED_MX_NAME = /(?:^|[.-])(?:mx[2-9]|mxb)(?:[.-]|$)/;
/** A hand-on from a numbered MX this much later suggests it queued for a primary that was down. */
const BACKUP_QUEUE_SECONDS = 60;
// Gateways used outbound by the sender's side are named so; inbound ones are the recipient's MX.
// Inbound MX names: a relay so named that hands the message on is a forwarding MX (ImprovMX, a
// university's mail router), not a smart host of the sender.
const INBOUND_NAME = /^(?:mx|mxa|mxb|mx\d+|mx-\w+|inbound|inbound\d+|mailin|mail-in|mailin\d+|smtpin|in\d*)[.-]/;
// Cisco's hosted gateways name their outbound hosts "ob1.hcNNN-NN.iphmx.com".
const OUTBOUND_NAME = /(?:^|[.-])(?:outbound|smtpout|smtp-out|mailout|out|ob)\d*(?:[.-]|$)/;

export interface RelayContext {
  /** Organisations of the recipient domains (for clauses, Delivered-To, X-Original-To, To, Cc, list ids). */
  recipientOrgs: ReadonlySet<string>;
  /** MX records looked up by the caller (options.mx); empty when DNS was not used. */
  mx: readonly MxRecordSet[];
}

/** What the MX records say about a host: listed for a domain, and whether at the best priority. */
export interface MxRole {
  domain: string;
  priority: number;
  primary: { host: string; priority: number };
}

export function mxRoleOf(host: string | null, mx: readonly MxRecordSet[]): MxRole | null {
  if (!host) return null;
  for (const set of mx) {
    const entry = set.hosts.find((h) => h.host === host);
    if (!entry) continue;
    let primary = entry;
    for (const h of set.hosts) if (h.priority < primary.priority) primary = h;
    return { domain: set.domain, priority: entry.priority, primary };
  }
  return null;
}

/** Submission evidence that names a program on the by host itself, not a remote client. */
const LOCAL_SUBMISSION = new Set(["local", "uid", "userid", "submit"]);
/** Content filters that record the original client though they run on the receiving host. */
const CONTENT_FILTER = /amavis/i;
/** Relay services by name: Google Workspace's SMTP relay, hosts named smarthost. */
const SMART_HOST_NAME = /^(?:smtp-relay\.gmail\.com|smarthost\d*\.|smart-host\d*\.)/;
/** Protocol words of content filters that re-inject on the same host (qmail-scanner). */
const LOCAL_FILTER = /^QMAIL-SCANNER/;

export function classifyRelays(hops: readonly ChainHop[], ctx: RelayContext): RelayType[] {
  const n = hops.length;
  // The organisation that holds the message at the end: the last hop's server, when it can be told.
  const finalOrg: string | null = n > 0 ? hops[n - 1].byOrg : null;
  const isRecipientOrg = (org: string | null) => org !== null && (org === finalOrg || ctx.recipientOrgs.has(org));

  const types: RelayType[] = [];
  let crossedOrgs = false; // a cross-organisation transfer has been seen (the trail has left the sender)
  let submissionOrg: string | null | undefined; // by organisation of the first submission hop
  for (let i = 0; i < n; i++) {
    const hop = hops[i];
    const prev = i > 0 ? hops[i - 1] : null;
    const p = hop.parsed;
    // The client side: its own name, else (no from part) the server that recorded the previous hop.
    const clientOrg = p.from ? hop.fromOrg : (prev?.byOrg ?? null);
    const sameOrg = hop.byOrg !== null && clientOrg !== null && clientOrg === hop.byOrg && !(p.from && hop.fromOrgWeak);
    // Sendmail "(from user@localhost)": a from part that names no host, address or HELO.
    const localFrom = p.from !== null && !p.from.helo && !p.from.rdns && !p.from.ip;
    // The table marks this host as the operator's MX (mx.google.com, *.mail.protection.outlook.com).
    const inboundHost = hop.byOperator !== null && hostRole(hop.byOperator.name, p.by?.host ?? null) === "inbound";
    // Organisations the message reaches later. A fetchmail hop is the recipient pulling its own
    // mail from its mailbox host: nothing from there on makes this server a relay.
    const laterOrgs = new Set<string>();
    for (let j = i + 1; j < n && !isFetched(hops[j]); j++) {
      if (hops[j].byOrg && hops[j].byOrg !== hop.byOrg) laterOrgs.add(hops[j].byOrg!);
    }
    // Live MX records, when the caller looked them up: a listed host is that domain's MX.
    const mxRole = hop.byOrg !== null && !sameOrg ? mxRoleOf(p.by?.host ?? null, ctx.mx) : null;
    const submissionHere =
      !crossedOrgs && p.submission !== null && (submissionOrg === undefined || hop.byOrg === null || submissionOrg === hop.byOrg);

    let type: RelayType;
    if (i === n - 1 && n > 1 && (isDelivery(hop) || isGmailStore(hop, prev))) type = "delivery";
    else if (!p.by && !p.from) {
      // A comment-only header ("(qmail 1 invoked from network)") was written by the host of the
      // hop before it; a second hand-in on the same site (Haraka queueing into qmail) is internal;
      // junk that says nothing is no evidence of anything.
      if (p.problems.includes("unreadable-header")) type = "unknown";
      else if (p.submission !== null && submissionOrg === undefined && !crossedOrgs) type = "submission";
      else type = i > 0 ? "internal" : "unknown";
    }
    // A content filter (amavis) records the original client but runs on the receiving site.
    else if (p.software !== null && CONTENT_FILTER.test(p.software)) type = "internal";
    else if (hop.byOperator?.kind === "esp" && !inboundHost && clientOrg !== hop.byOrg && !(hop.fromPrivate && prev?.byOrg === hop.byOrg)) type = "esp";
    // A loopback or private client after the first hop is a content filter or relay on the same site.
    else if (i > 0 && hop.fromPrivate) type = "internal";
    // A relay service by name (design.md: "smtp-relay.gmail.com") that the sender's server hands to.
    else if (!crossedOrgs && SMART_HOST_NAME.test(p.by?.host ?? "") && p.from !== null && laterOrgs.size > 0) type = "smart-host";
    // The message starts here: no client at all, a local program, or a client on a private network.
    else if (i === 0 && (!p.from || hop.fromPrivate || localFrom)) type = "submission";
    else if (submissionHere) type = "submission";
    // A local program on the by host handing the message back in (list software, fetchmail, filters).
    else if (i > 0 && (localFrom || LOCAL_FILTER.test(p.with ?? "") || isFetched(hop) || (p.submission !== null && LOCAL_SUBMISSION.has(p.submission)))) type = "internal";
    // The trail starts at a host of the sending organisation itself (an application server, a PC).
    else if (i === 0 && sameOrg && !inboundHost && laterOrgs.size > 0) type = "submission";
    else if (sameOrg) type = "internal";
    // A submission host of a mailbox provider (smtp.gmail.com, bizesmtp.qq.com) at the trail's start.
    else if (!crossedOrgs && hop.byOperator !== null && hostRole(hop.byOperator.name, p.by?.host ?? null) === "submission") type = "submission";
    else if (i === 0 && n > 1 && Boolean(p.by?.host) && hop.fromOrg === null && !isRecipientOrg(hop.byOrg) && !inboundHost) type = "submission";
    // The message ended at a server with no public name: it is the recipient's.
    else if (hop.byOrg === null) type = i === n - 1 && n > 1 && p.by !== null && p.from !== null && !hop.fromPrivate ? "mx" : "unknown";
    else if (mxRole !== null && mxRole.priority > mxRole.primary.priority) type = "backup-mx";
    else if (mxRole !== null) type = "mx";
    else if (isBackupMx(hop, hops.slice(i + 1), isRecipientOrg)) type = "backup-mx";
    else if (isRecipientOrg(hop.byOrg) || inboundHost) type = "mx";
    // A relay that makes its clients log in is the sender's smart host, not anyone's MX.
    else if (p.authenticated === true && laterOrgs.size > 0) type = "smart-host";
    else if (hop.byOperator?.kind === "gateway") type = OUTBOUND_NAME.test(p.by?.host ?? "") ? "smart-host" : "mx";
    else if (INBOUND_NAME.test(p.by?.host ?? "")) type = "mx";
    // The envelope recipient changed after this server: it expanded a list or forwarded for its
    // own users, as a domain's MX does; a smart host passes the same recipient on.
    else if (laterOrgs.size > 0 && recipientChangedAfter(hops, i)) type = "mx";
    else if (laterOrgs.size > 0) type = "smart-host";
    else type = "mx";

    if (type === "submission" && submissionOrg === undefined) submissionOrg = hop.byOrg;
    if (type === "esp" || type === "smart-host" || type === "backup-mx" || type === "mx") crossedOrgs = true;
    types.push(type);
  }
  return types;
}

/** The next recorded envelope recipient after hop i shares no address with hop i's. */
function recipientChangedAfter(hops: readonly ChainHop[], i: number): boolean {
  const here = recipients(hops[i].parsed.for);
  if (here.size === 0) return false;
  for (let j = i + 1; j < hops.length; j++) {
    const later = recipients(hops[j].parsed.for);
    if (later.size === 0) continue;
    for (const r of later) if (here.has(r)) return false;
    return true;
  }
  return false;
}

function recipients(forValue: string | null): Set<string> {
  return new Set(parseMailboxes(forValue).map((m) => m.address.toLowerCase()));
}

/**
 * Gmail's topmost "Received: by 10.36.81.3 / 2002:a05:… with SMTP id …" has no from part: it is
 * the mailbox side taking the message from Gmail's own MX (Google's help calls these the headers
 * added "when the message transfers to Mr. Smith's Gmail address").
 */
function isGmailStore(hop: ChainHop, prev: ChainHop | null): boolean {
  return !hop.parsed.from && hop.byOperator?.name === "Google" && prev?.byOrg === "Google";
}

function isDelivery(hop: ChainHop): boolean {
  const p = hop.parsed;
  // LMTP and local delivery; fetchmail's re-injection (isFetched) counts too when it is the last step.
  if (protocolInfo(p.with)?.delivery === true || isFetched(hop)) return true;
  if (p.software && MAILBOX_SOFTWARE.test(p.software)) return true;
  // Microsoft 365 and Yahoo hand the message to the mailbox server over HTTPS as the very last
  // step ("by MN0PR19MB6312.namprd19.prod.outlook.com with HTTPS", "by atlas114…yahoo.com with HTTPS").
  return p.with === "HTTPS" && MAILBOX_OVER_HTTPS.has(hop.byOperator?.name ?? "");
}

function isBackupMx(hop: ChainHop, later: readonly ChainHop[], isRecipientOrg: (org: string | null) => boolean): boolean {
  const host = hop.parsed.by?.host ?? "";
  const named = BACKUP_MX_NAME.test(host);
  if (!named && !NUMBERED_MX_NAME.test(host)) return false;
  // The message must then reach another host of the recipient organisation (the primary MX).
  const next = later.find((h) => h.parsed.by?.host && h.parsed.by.host !== host && isRecipientOrg(h.byOrg));
  if (!next) return false;
  if (named) return true;
  const t0 = hop.parsed.timestamp ? Date.parse(hop.parsed.timestamp) : NaN;
  const t1 = next.parsed.timestamp ? Date.parse(next.parsed.timestamp) : NaN;
  return t1 - t0 >= BACKUP_QUEUE_SECONDS * 1000;
}
