/**
 * The Received chain in chronological order, with what relay-type and findings need per hop:
 * the parsed header, the organisation on each side and the operator of the by server.
 */
import type { RawField } from "../message/headers";
import { organizationalDomain } from "../net/domain";
import { isLocalhostName } from "../net/host";
import { isIp, isPrivateOrLoopback } from "../net/ip";
import { operatorForHop, type OperatorInfo } from "../operators/match";
import { protocolInfo } from "../received/protocols";
import type { ParsedReceived } from "../received/types";
import { organizationOf } from "./organization";

export interface ChainHop {
  /** 1-based chronological index. */
  index: number;
  field: RawField;
  parsed: ParsedReceived;
  /** Operator of the by server (table in operators-data.ts), or null. */
  byOperator: OperatorInfo | null;
  /** Organisation of the by server: operator name or registrable domain; null when unknown. */
  byOrg: string | null;
  /** Organisation of the client, from its rDNS name, else its HELO name; null when unknown. */
  fromOrg: string | null;
  /**
   * fromOrg rests only on a HELO that is a bare registrable domain ("from hotmail.com (ip)"):
   * anyone can say that, so it is not enough to call a hop internal.
   */
  fromOrgWeak: boolean;
  /** The client address is loopback or private (a local content filter, a NAT-ed client, …). */
  fromPrivate: boolean;
  /** parsed.timestamp in epoch milliseconds, read once for every stage that compares dates; null when undated. */
  time: number | null;
}

export interface Chain {
  hops: ChainHop[];
  /** Received headers beyond MAX_HOPS that were not analysed (the oldest ones). */
  truncated: number;
}

/** One Received header of the message, parsed (message/read.ts). */
export interface ReceivedHeader {
  field: RawField;
  parsed: ParsedReceived;
}

/**
 * Builds the chain from the parsed Received headers in header order (topmost = latest). Header
 * order is kept; hops are never sorted by time, so a forged bottom header cannot reorder the
 * trail. `truncated` counts the older headers beyond MAX_HOPS that were not parsed.
 */
export function buildChain(received: readonly ReceivedHeader[], truncated: number): Chain {
  const hops = received
    .slice()
    .reverse()
    .map(({ field, parsed }, i): ChainHop => {
      const byOperator = operatorForHop({
        byHost: parsed.by?.host ?? null,
        byIp: parsed.by?.ip ?? null,
        comments: parsed.comments,
        software: parsed.software,
      });
      const from = fromOrganization(parsed);
      return {
        index: i + 1,
        field,
        parsed,
        byOperator,
        byOrg: byOperator?.name ?? organizationOf(parsed.by?.host ?? null, null),
        fromOrg: from.org,
        fromOrgWeak: from.weak,
        fromPrivate: isLocalClient(parsed),
        time: parsed.timestamp ? Date.parse(parsed.timestamp) : null,
      };
    });
  inferUnnamedServers(hops);
  return { hops, truncated };
}

/**
 * A by server recorded without a public name ("by 27533be87c53 with HTTP" at Mailgun, "by
 * localhost with LMTP" for amavis, "by 10.224.35.102" inside Gmail, "by imsva", "by vm4")
 * belongs to, in this order:
 *  1. the organisation another hop gives the same host name;
 *  2. the organisation the next hop's receiver looked it up as (it is that hop's client);
 *  3. the organisation of its own client when that client is a named host on a private network
 *     (an appliance behind a site's gateway); for a server named by its private address, the next
 *     server's when that one took the message over a private network;
 *  4. the organisation of the previous hop's server, when its own client says nothing against it
 *     (no client, a local or private one, or one recorded without an address: the same site).
 * A bare public address ("by 121.14.68.74") stays unknown: it names no organisation. A header
 * with neither by nor from ("(qmail 1234 invoked from network)") falls under 4.
 */
function inferUnnamedServers(hops: ChainHop[]): void {
  // A few passes: a host may only get its organisation once a later one has. Bounded, and each
  // pass is linear, so hostile chains stay linear.
  for (let pass = 0; pass < 4; pass++) {
    const byHostOrg = new Map<string, ChainHop>();
    for (const h of hops) if (h.byOrg !== null && h.parsed.by?.host) byHostOrg.set(h.parsed.by.host, h);
    let changed = false;
    for (let i = 0; i < hops.length; i++) changed = inferOne(hops, i, byHostOrg) || changed;
    if (!changed) break;
  }
}

/** Tries to give hop i's by server an organisation; true when it did. */
function inferOne(hops: ChainHop[], i: number, byHostOrg: ReadonlyMap<string, ChainHop>): boolean {
  const hop = hops[i];
  if (hop.byOrg !== null) return false;
  const by = hop.parsed.by;
  const host = by?.host ?? null;
  if (host && isPublicAddress(host)) return false;
  if (!by && hop.parsed.from) return false;
  const next = hops[i + 1];
  const prev = hops[i - 1];
  const from = hop.parsed.from;
  const nextClientNames = [next?.parsed.from?.rdns, next?.parsed.from?.helo?.toLowerCase()];
  const adopt = (org: string | null, op: OperatorInfo | null) => {
    hop.byOrg = org;
    hop.byOperator ??= op;
  };
  const same = host ? byHostOrg.get(host) : undefined;
  if (same) adopt(same.byOrg, same.byOperator);
  // (fetchmail's client is the POP/IMAP server it polled, not this host)
  else if (by && next?.parsed.from && !next.fromPrivate && next.fromOrg !== null && !next.fromOrgWeak && !isFetched(next))
    adopt(next.fromOrg, fromOperator(next.parsed));
  // The next hop is this host handing on over a private network: same site as the next server.
  else if (by && host && next?.fromPrivate && next.byOrg !== null && nextClientNames.includes(host)) adopt(next.byOrg, next.byOperator);
  else if (by && hop.fromPrivate && hop.fromOrg !== null) adopt(hop.fromOrg, fromOperator(hop.parsed));
  // A server named by its private address whose next server took the message over a private or
  // loopback network: the same site as that server (Yahoo's "by 10.253.227.194", then "from
  // 127.0.0.1 by atlas-production.v2.mail.ir2.yahoo.com").
  else if (by && host && isPrivateOrLoopback(host) && next?.fromPrivate && next.byOrg !== null && !isFetched(next)) adopt(next.byOrg, next.byOperator);
  // An internal address handing straight on to a server that records no client (Gmail's old
  // "by 10.x.x.x with HTTP" then "by 10.y.y.y with SMTP"): the same site.
  else if (by && host && isPrivateOrLoopback(host) && next && !next.parsed.from && next.byOrg !== null) adopt(next.byOrg, next.byOperator);
  // A client that is the previous hop's server says only who handed the message over: over a
  // public address that is as often another organisation's edge ("from 209.85.208.47 (EHLO
  // mail-lj1-f175.google.com) by 10.253.227.194": Yahoo's inbound server named by its private
  // address), so only a client without one, or a private one, says "same site".
  else if (prev && (!from || hop.fromPrivate || !from.ip)) adopt(prev.byOrg, prev.byOperator);
  return hop.byOrg !== null;
}

/**
 * fetchmail writes "with POP3/IMAP" when it re-injects what it fetched into the local MTA: the
 * recorded client is the mailbox server it polled, not the previous hop's server.
 */
export function isFetched(hop: ChainHop): boolean {
  return protocolInfo(hop.parsed.with)?.fetched === true;
}

/** Content filters that run on the receiving host and record the MTA's original client (amavisd-new, via XFORWARD). */
const CONTENT_FILTER = /amavis/i;
/** Protocol words of content filters that re-inject on the same host (qmail-scanner). */
const LOCAL_FILTER = /^QMAIL-SCANNER/;

/** The hop is a content filter's on the receiving host: its client is the MTA's original client, not the previous server. */
export function isContentFilter(hop: ChainHop): boolean {
  return hop.parsed.software !== null && CONTENT_FILTER.test(hop.parsed.software);
}

/** The hop is a local filter's re-injection (qmail-scanner's protocol word). */
export function isLocalFilter(hop: ChainHop): boolean {
  return LOCAL_FILTER.test(hop.parsed.with ?? "");
}

function isPublicAddress(host: string): boolean {
  return isIp(host) && !isPrivateOrLoopback(host);
}

function fromOperator(p: ParsedReceived): OperatorInfo | null {
  for (const name of [p.from?.rdns ?? null, stripLiteral(p.from?.helo ?? null)]) {
    if (!name) continue;
    const op = operatorForHop({ byHost: name, byIp: null, comments: [], software: null });
    if (op) return op;
  }
  return null;
}

function fromOrganization(p: ParsedReceived): { org: string | null; weak: boolean } {
  if (!p.from) return { org: null, weak: false };
  const rdns = p.from.rdns;
  const helo = stripLiteral(p.from.helo);
  for (const name of [rdns, helo]) {
    if (!name) continue;
    const op = operatorForHop({ byHost: name, byIp: null, comments: [], software: null });
    const org = op?.name ?? organizationOf(name, null);
    if (!org) continue;
    // A HELO that is a bare domain ("hotmail.com"), with no rDNS to back it, is a claim, not evidence.
    return { org, weak: name === helo && !rdns && organizationalDomain(name) === name };
  }
  return { org: null, weak: false };
}

/**
 * The client is on the server's own site: a loopback or private address, or a localhost name that
 * the receiver's own look-up gave (rdns), or that it wrote with no address at all. A HELO of
 * "localhost" from a public address is a claim, not a local client (phishing_pot sample-2417).
 * UUCP arrives through the local uucp daemon ("(uucp@localhost)"): not a local client either.
 */
function isLocalClient(p: ParsedReceived): boolean {
  if (p.with === "UUCP" || !p.from) return false;
  if (isPrivateOrLoopback(p.from.ip)) return true;
  if (isLocalhostName(p.from.rdns)) return true;
  return !p.from.ip && isLocalhostName(p.from.helo);
}

/** "[192.0.2.1]" is an address literal, not a name: it says nothing about the organisation. */
function stripLiteral(helo: string | null): string | null {
  if (!helo || helo.startsWith("[")) return null;
  return helo.replace(/\.$/, "").toLowerCase();
}
