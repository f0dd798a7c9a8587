/**
 * The Received chain in chronological order, with what relay-type and findings need per hop:
 * the parsed header, the organisation on each side and the operator of the by server.
 */
import type { RawField } from "./headers";
import { getDomain } from "tldts";
import { MAX_HOPS } from "./limits";
import { parseIp } from "./operator-match";
import { operatorForHop, type OperatorInfo } from "./operators";
import { isPrivateOrLoopback, organizationOf } from "./organization";
import { parseReceived } from "./received/parse-received";
import type { ParsedReceived } from "./received/types";

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
}

export interface Chain {
  hops: ChainHop[];
  /** Received headers beyond MAX_HOPS that were not analysed (the oldest ones). */
  truncated: number;
}

/**
 * Builds the chain from the Received fields in header order (topmost = latest). Header order is
 * kept; hops are never sorted by time, so a forged bottom header cannot reorder the trail.
 * Beyond MAX_HOPS the most recent hops are kept: the oldest are the least trustworthy.
 */
export function buildChain(received: readonly RawField[]): Chain {
  const kept = received.slice(0, MAX_HOPS);
  const truncated = received.length - kept.length;
  const hops = kept
    .slice()
    .reverse()
    .map((field, i): ChainHop => {
      const parsed = parseReceived(field.value);
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
        fromPrivate: isPrivateOrLoopback(parsed.from?.ip ?? null) || isLocalName(parsed.from?.rdns ?? parsed.from?.helo ?? null),
      };
    });
  inferUnnamedServers(hops);
  return { hops, truncated };
}

/**
 * A by server recorded without a public name ("by 27533be87c53 with HTTP" at Mailgun, "by
 * localhost with LMTP" for amavis, "by 10.224.35.102" inside Gmail, "by imsva") belongs to:
 *  1. the organisation the next hop's receiver looked it up as (it is that hop's client);
 *  2. else the organisation of its own client when that client is named (an appliance behind it);
 *  3. else the organisation of the previous hop's server (the same site handing mail on).
 * A bare public address ("by 121.14.68.74") stays unknown: it names no organisation.
 * A header with neither by nor from ("(qmail 1234 invoked from network)") was written by the
 * server of the hop before it.
 */
function inferUnnamedServers(hops: ChainHop[]): void {
  for (let i = 0; i < hops.length; i++) {
    const hop = hops[i];
    if (hop.byOrg !== null) continue;
    const by = hop.parsed.by;
    const host = by?.host ?? null;
    if (host && isPublicAddress(host)) continue;
    const next = hops[i + 1];
    const prev = hops[i - 1];
    if (!by && hop.parsed.from) continue;
    if (next?.parsed.from && !next.fromPrivate && next.fromOrg !== null && !next.fromOrgWeak && by) {
      hop.byOrg = next.fromOrg;
      hop.byOperator ??= fromOperator(next.parsed);
    } else if (hop.fromOrg !== null && !hop.fromPrivate && by) {
      hop.byOrg = hop.fromOrg;
    } else if (prev) {
      hop.byOrg = prev.byOrg;
      hop.byOperator ??= prev.byOperator;
    }
  }
}

function isPublicAddress(host: string): boolean {
  return parseIp(host) !== null && !isPrivateOrLoopback(host);
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
    return { org, weak: name === helo && !rdns && getDomain(name) === name };
  }
  return { org: null, weak: false };
}

/** "[192.0.2.1]" is an address literal, not a name: it says nothing about the organisation. */
function stripLiteral(helo: string | null): string | null {
  if (!helo || helo.startsWith("[")) return null;
  return helo.replace(/\.$/, "").toLowerCase();
}

function isLocalName(name: string | null): boolean {
  return name !== null && /^(?:localhost|localhost\.localdomain)$/i.test(name);
}
