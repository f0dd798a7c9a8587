/**
 * The organisation a host belongs to (design.md, "Relay types"): a known operator's name, else
 * the registrable domain. Used to tell internal hops (same organisation) from hand-offs.
 */
import { memoByPair } from "../memo";
import { suffixInfo } from "../net/domain";
import { normaliseHost } from "../net/host";
import { isIp } from "../net/ip";
import { operatorForHost } from "../operators/match";

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
  return organizationMemo(host, ip ?? null);
}

const organizationMemo = memoByPair(organizationUncached);

function organizationUncached(host: string | null, ip: string | null): string | null {
  const op = operatorForHost(host, ip ?? null);
  if (op) return op.name;
  const h = normaliseHost(host);
  if (!h || h === "unknown" || isIp(h) || !h.includes(".")) return null;
  const p = suffixInfo(h);
  // A suffix on neither list ("localdomain", "internal", "local", "lan") is a site-local name:
  // it says nothing about who runs the host.
  if (!p.listed) return null;
  if (p.domain) return p.domain;
  // No domain when the whole name is a public suffix; under a wildcard private rule (an EC2
  // "ec2-….compute-1.amazonaws.com") the name is its own organisation.
  return p.isPrivate && p.publicSuffix === h ? h : null;
}
