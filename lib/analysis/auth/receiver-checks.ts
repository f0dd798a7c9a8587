/**
 * The receiving side's own record of the client it checked: the strongest evidence of where a
 * message crossed into a receiver's system, because the receiver wrote it about its own connection
 * (the sender writes none of these about the receiver's border).
 *
 *   Received-SPF          client-ip=… (RFC 7208 §9.1), or "designates … as permitted sender"
 *   Authentication-Results / ARC-Authentication-Results
 *                         smtp.remote-ip= / smtp.client-ip= / policy.iprev= properties (Proton,
 *                         Fastmail, Postfix+OpenDMARC), "(sender IP is …)" (Microsoft 365),
 *                         "(…: domain of … designates … as permitted sender)" (Google)
 *   X-Forefront-Antispam-Report   CIP:… (Microsoft 365's connecting IP; the "-Untrusted" copy is
 *                         the sending tenant's and is not used; 255.255.255.255 means internal)
 *   X-Spam-Relays-Untrusted       the first "[ ip=… ]" entry: SpamAssassin's first untrusted relay
 * Each check keeps its header's position, so the caller can match it to a hop whose Received
 * header lies below it (a receiver writes its checks above its own Received header).
 */
import type { RawField } from "../message/headers";
import { parseIp, isPrivateOrLoopback } from "../net/ip";
import { authResultsOf, type AuthResultsHeader } from "./auth-results";
import { designatedIp, readReceivedSpf } from "./received-spf";

export interface ReceiverCheck {
  /** The client address the receiver recorded, normalised. */
  ip: string;
  /** Index of the header in the header block (0 = topmost). */
  position: number;
  /** Who wrote it, when the header says (authserv-id, receiver=, SPF comment host), lower-case. */
  writer: string | null;
  /** The evidence in words, e.g. "Received-SPF client-ip=40.92.20.10 (protection.outlook.com)". */
  text: string;
}

const IP_PROPS = ["smtp.remote-ip", "smtp.client-ip", "policy.iprev"];
/** Most checks read from one message. */
const MAX_CHECKS = 100;

/** Every receiver check in the header block, in header order (topmost first). */
export function receiverChecks(fields: readonly RawField[]): ReceiverCheck[] {
  const out: ReceiverCheck[] = [];
  const add = (ip: string | null, position: number, writer: string | null, text: string) => {
    if (!ip || isPrivateOrLoopback(ip) || ip === "255.255.255.255" || out.length >= MAX_CHECKS) return;
    out.push({ ip, position, writer, text });
  };
  fields.forEach((f, position) => {
    switch (f.key) {
      case "received-spf": {
        const r = readReceivedSpf(f.value);
        if (r?.clientIp) add(r.clientIp, position, r.authservId, `Received-SPF: ${r.result} for client ${r.clientIp}${r.authservId ? ` (${r.authservId})` : ""}`);
        break;
      }
      case "authentication-results":
      case "arc-authentication-results": {
        const h = authResultsOf(f);
        const ip = resultsIp(h);
        if (ip) add(ip.ip, position, h.authservId, `${f.name}: ${ip.how} ${ip.ip}${h.authservId ? ` (${h.authservId})` : ""}`);
        break;
      }
      case "x-forefront-antispam-report": {
        const m = /(?:^|;)\s*CIP:([^;\s]+)/.exec(f.value);
        if (m) add(parseIp(m[1]), position, "Microsoft 365", `X-Forefront-Antispam-Report: connecting IP ${m[1]}`);
        break;
      }
      case "x-spam-relays-untrusted": {
        const m = /\[\s*ip=([^\s\]]+)/.exec(f.value);
        if (m) add(parseIp(m[1]), position, "SpamAssassin", `X-Spam-Relays-Untrusted: first untrusted relay ${m[1]}`);
        break;
      }
    }
  });
  return out;
}

/** The client address one Authentication-Results header names, and how it names it. */
function resultsIp(h: AuthResultsHeader): { ip: string; how: string } | null {
  for (const r of h.results) {
    for (const p of IP_PROPS) {
      const ip = parseIp(r.props.get(p));
      if (ip) return { ip, how: `${r.method} ${p}=` };
    }
  }
  for (const r of h.results) {
    for (const c of r.comments) {
      const ip = designatedIp(c);
      if (ip) return { ip, how: `${r.method} checked sender IP` };
    }
  }
  return null;
}
