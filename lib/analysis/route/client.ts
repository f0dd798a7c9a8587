/**
 * Who the client of a hop is, and how we know: claims versus evidence.
 *
 * The receiver looked up the reverse-DNS name itself and recorded the address it saw: those are
 * evidence. The HELO/EHLO name is whatever the client said. A HELO alone therefore decides the
 * client's organisation only where something backs it:
 *   - the address is private or loopback (inside one site nothing else names the machine), or no
 *     address was recorded at all;
 *   - the address lies in the networks of the operator the HELO names (operators/data.ts);
 *   - the HELO names the machine that recorded the previous hop (the chain itself vouches for it;
 *     Exchange Online names one machine "DB8EUR06FT022.eop-eur06.prod.protection.outlook.com" as a
 *     client and "db8eur06ft022.mail.protection.outlook.com" as a server: same first label, same
 *     operator).
 * Otherwise the HELO is a claim: kept for the reader, never enough to call the hop internal or the
 * client local ("from localhost.localdomain (151.115.107.88)", "from wolmwo.msn.com (4.216.148.221)").
 */
import { isHostName, isLocalhostName, normaliseHost } from "../net/host";
import { isIp, isPrivateOrLoopback } from "../net/ip";
import { inOperatorNetworks, operatorForHost } from "../operators/match";
import type { Finding } from "../types";
import type { ChainHop } from "./chain";
import { organizationOf } from "./organization";

export type ClientBasis =
  | "rdns" //    the receiver's reverse-DNS look-up
  | "ip" //      the address is in a known operator's published ranges
  | "helo" //    a HELO backed by the address or the chain (see the file comment)
  | "private" // a private or loopback address: the same site as the server
  | "chain" //   no client recorded: the server that recorded the previous hop handed it on
  | "claim" //   a HELO nothing backs
  | "none"; //   nothing names the client

export interface ClientIdentity {
  /** The client's organisation as far as evidence shows; null for claims and unknowns. */
  org: string | null;
  /** The organisation the HELO claims, when it is only a claim. */
  claimed: string | null;
  basis: ClientBasis;
}

function orgOfName(name: string): string | null {
  return operatorForHost(name)?.name ?? organizationOf(name, null);
}

function firstLabel(host: string): string {
  const dot = host.indexOf(".");
  return dot < 0 ? host : host.slice(0, dot);
}

/** The identity of hop i's client (see the file comment). */
export function clientIdentity(hops: readonly ChainHop[], i: number): ClientIdentity {
  const hop = hops[i];
  const prev = i > 0 ? hops[i - 1] : null;
  // The machine that recorded the hop before: comment-only headers ("(qmail 1 invoked from
  // network)") between them name no machine.
  let recorder: ChainHop | null = null;
  for (let j = i - 1; j >= 0 && !recorder; j--) if (hops[j].parsed.by?.host) recorder = hops[j];
  const from = hop.parsed.from;
  if (!from) return { org: prev?.byOrg ?? null, claimed: null, basis: prev ? "chain" : "none" };
  if (hop.fromPrivate) return { org: hop.byOrg, claimed: null, basis: "private" };
  const rdns = from.rdns && !isLocalhostName(from.rdns) ? from.rdns : null;
  if (rdns) {
    const org = orgOfName(rdns);
    if (org) return { org, claimed: null, basis: "rdns" };
  }
  const ipOp = from.ip ? operatorForHost(null, from.ip) : null;
  if (ipOp) return { org: ipOp.name, claimed: null, basis: "ip" };
  const helo = heloName(from.helo);
  if (!helo) return { org: null, claimed: null, basis: "none" };
  const org = orgOfName(helo);
  if (!org) return { org: null, claimed: null, basis: "none" };
  if (!from.ip || heloBacked(helo, org, from.ip, recorder)) return { org, claimed: null, basis: "helo" };
  return { org: null, claimed: org, basis: "claim" };
}

/** The HELO as a host name: address literals, "localhost" and non-names give null. */
function heloName(helo: string | null): string | null {
  if (!helo || helo.startsWith("[")) return null;
  const h = normaliseHost(helo);
  if (!h || isLocalhostName(h) || isIp(h) || !isHostName(h)) return null;
  return h;
}

function heloBacked(helo: string, org: string, ip: string, prev: ChainHop | null): boolean {
  const op = operatorForHost(helo);
  if (op && inOperatorNetworks(op.name, ip) === true) return true;
  const prevHost = prev?.parsed.by?.host ?? null;
  if (!prevHost) return false;
  if (prevHost === helo) return true;
  return firstLabel(prevHost) === firstLabel(helo) && firstLabel(helo).length >= 6 && prev?.byOrg === org;
}

/**
 * A HELO that contradicts the evidence, on the hops whose client matters (the border and the
 * sender's side): "localhost" from a public address; a known operator's name from an address
 * outside its networks; a name of another organisation than the receiver's reverse-DNS look-up.
 */
export function heloMismatch(hop: ChainHop, id: ClientIdentity): Finding | null {
  const from = hop.parsed.from;
  if (!from?.helo || !from.ip || hop.fromPrivate || isPrivateOrLoopback(from.ip)) return null;
  // A client that logs in names itself as it likes (a laptop, behind the provider's load balancer).
  if (hop.parsed.submission !== null) return null;
  const n = hop.index;
  if (isLocalhostName(from.helo)) {
    // An application handing its mail to its sending service (a web app on a cloud VM into
    // Mailgun's API relay) often greets as "localhost": no server, and not the mark it is at a border.
    if (hop.byOperator?.kind === "esp") {
      return {
        code: "helo-mismatch",
        severity: "info",
        hop: n,
        message: `At hop ${n} the client called itself "${from.helo}" from the public address ${from.ip}, as applications handing mail to their sending service (${hop.byOperator.name}) often do; the name is not evidence of anything.`,
      };
    }
    return {
      code: "helo-mismatch",
      severity: "warning",
      hop: n,
      message: `At hop ${n} the client called itself "${from.helo}" from the public address ${from.ip}: a real server does not; the name is not evidence of anything.`,
    };
  }
  const helo = heloName(from.helo);
  if (!helo) return null;
  const op = operatorForHost(helo);
  if (op && id.basis !== "rdns" && inOperatorNetworks(op.name, from.ip) === false) {
    return {
      code: "helo-mismatch",
      severity: "warning",
      hop: n,
      message: `At hop ${n} the client called itself ${from.helo}, a ${op.name} name, but its address ${from.ip} is not in ${op.name}'s networks: the name is a claim the address contradicts.`,
    };
  }
  if (id.basis === "rdns" && from.rdns) {
    const heloOrg = orgOfName(helo);
    if (heloOrg && id.org && heloOrg !== id.org && (op || operatorForHost(from.rdns))) {
      return {
        code: "helo-mismatch",
        severity: "info",
        hop: n,
        message: `At hop ${n} the client called itself ${from.helo} (${heloOrg}), but the receiver's reverse-DNS look-up of ${from.ip} gave ${from.rdns} (${id.org}).`,
      };
    }
  }
  return null;
}
