/**
 * Who owns each hop's client address (issue 13): the autonomous system and country from the
 * injected offline lookup (AnalyzeOptions.ipInfo, lib/ipinfo on the server), and the
 * network-mismatch finding when the client's HELO or reverse-DNS name claims a known operator
 * whose networks (operators/network-owners.ts) the address's AS is not one of.
 *
 * Only when the AS is known and the claim is specific: a name under the operator's own domains
 * (operators/data.ts), from a public address outside its published ranges, on a hop whose client
 * did not log in (a logged-in client names itself as it likes).
 */
import { isHostName, isLocalhostName, normaliseHost } from "../net/host";
import { isIp } from "../net/ip";
import { inOperatorNetworks, operatorForHost } from "../operators/match";
import { networkOwner, ownsAs } from "../operators/network-owners";
import type { ChainHop } from "./chain";
import type { Finding, IpInfo, IpInfoLookup } from "../types";

export interface HopOwnership {
  info: IpInfo;
  findings: Finding[];
}

/** One entry per hop; null for hops without a client address. Never throws on a failing lookup. */
export function hopOwnership(hops: readonly ChainHop[], lookup: IpInfoLookup): (HopOwnership | null)[] {
  const cache = new Map<string, IpInfo>();
  return hops.map((hop) => {
    const ip = hop.parsed.from?.ip ?? null;
    if (!ip) return null;
    let info = cache.get(ip);
    if (!info) {
      info = safeLookup(lookup, ip);
      cache.set(ip, info);
    }
    const f = mismatch(hop, info);
    return { info, findings: f ? [f] : [] };
  });
}

/** The injected lookup, guarded: a throwing or malformed answer is "unknown", never a crash. */
export function safeLookup(lookup: IpInfoLookup, ip: string): IpInfo {
  try {
    const r = lookup(ip);
    const asn = r?.asn && Number.isInteger(r.asn.number) && typeof r.asn.name === "string" ? { number: r.asn.number, name: r.asn.name } : null;
    const country = typeof r?.country === "string" && /^[A-Z]{2}$/.test(r.country) ? r.country : null;
    return { asn, country };
  } catch {
    return { asn: null, country: null };
  }
}

function claimName(text: string | null | undefined): string | null {
  const h = normaliseHost(text);
  if (!h || isIp(h) || isLocalhostName(h) || !isHostName(h) || !h.includes(".")) return null;
  return h;
}

function mismatch(hop: ChainHop, info: IpInfo): Finding | null {
  const from = hop.parsed.from;
  if (!from?.ip || !info.asn || hop.fromPrivate) return null;
  if (hop.parsed.submission !== null) return null;
  const claims: { name: string; how: string }[] = [];
  const helo = claimName(from.helo);
  if (helo) claims.push({ name: helo, how: "called itself" });
  const rdns = claimName(from.rdns);
  if (rdns && rdns !== helo) claims.push({ name: rdns, how: "has the reverse-DNS name" });
  for (const c of claims) {
    const op = operatorForHost(c.name);
    if (!op) continue;
    const owner = networkOwner(op.name);
    if (!owner || ownsAs(owner, info.asn)) continue;
    if (inOperatorNetworks(op.name, from.ip) === true) continue;
    const n = hop.index;
    return {
      code: "network-mismatch",
      severity: "warning",
      hop: n,
      message: `At hop ${n} the client ${c.how} ${c.name}, a ${op.name} name, but its address ${from.ip} belongs to AS${info.asn.number} (${info.asn.name}), not to ${op.name}'s networks: the name is probably forged.`,
    };
  }
  return null;
}
