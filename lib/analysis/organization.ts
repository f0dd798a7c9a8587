/**
 * The organisation a host belongs to (design.md, "Relay types"): a known operator's name, else
 * the registrable domain. Used to tell internal hops (same organisation) from hand-offs.
 */
import ipaddr from "ipaddr.js";
import { parse } from "tldts";
import { memoByKey } from "./memo";
import { normaliseHost, operatorForHost, parseIp } from "./operator-match";

/**
 * The operator name when the host (or, failing that, the address) belongs to a known operator
 * ("Google", "Microsoft 365"); else the registrable domain, public-suffix aware with the PSL's
 * private section (two customers' "x.github.io" / "y.github.io" are different organisations),
 * lower-case. A name that is itself under a wildcard public suffix (an EC2
 * "ec2-198-51-100-1.compute-1.amazonaws.com") is its own organisation.
 * null for bare addresses, address literals, unqualified names ("localhost", "mx"), names under
 * suffixes on neither list of the PSL ("localhost.localdomain", "mailmx.nyi.internal") and junk.
 */
export function organizationOf(host: string | null, ip?: string | null): string | null {
  if (!host && !ip) return null;
  return organizationMemo(`${host ?? ""}\u0000${ip ?? ""}`);
}

const organizationMemo = memoByKey((key: string): string | null => {
  const sep = key.indexOf("\u0000");
  return organizationUncached(key.slice(0, sep) || null, key.slice(sep + 1) || null);
});

function organizationUncached(host: string | null, ip: string | null): string | null {
  const op = operatorForHost(host, ip ?? null);
  if (op) return op.name;
  const h = normaliseHost(host);
  if (!h || h === "unknown" || parseIp(h) !== null || !h.includes(".")) return null;
  const p = parse(h, { allowPrivateDomains: true });
  // A suffix on neither list ("localdomain", "internal", "local", "lan") is a site-local name:
  // it says nothing about who runs the host.
  if (!p.isIcann && !p.isPrivate) return null;
  if (p.domain) return p.domain;
  // No domain when the whole name is a public suffix; under a wildcard private rule (an EC2
  // "ec2-….compute-1.amazonaws.com") the name is its own organisation.
  return p.isPrivate && p.publicSuffix === h ? h : null;
}

/**
 * True for loopback, private and other non-public addresses: 127/8, ::1, 10/8, 172.16/12,
 * 192.168/16, 100.64/10 (CGNAT), 169.254/16, fc00::/7, fe80::/10; IPv4-mapped IPv6
 * ("::ffff:10.0.0.1") is judged as the IPv4 address. Brackets, "IPv6:" and %zone are accepted.
 * false for public addresses and for anything that is not an address.
 */
export function isPrivateOrLoopback(ip: string | null): boolean {
  return ip ? privateMemo(ip) : false;
}

const privateMemo = memoByKey((ip: string): boolean => isPrivateUncached(ip));

function isPrivateUncached(ip: string | null): boolean {
  const addr = parseIp(ip);
  if (!addr) return false;
  const range = addr.range();
  if (addr instanceof ipaddr.IPv4) {
    return range === "loopback" || range === "private" || range === "carrierGradeNat" || range === "linkLocal";
  }
  return range === "loopback" || range === "uniqueLocal" || range === "linkLocal";
}
