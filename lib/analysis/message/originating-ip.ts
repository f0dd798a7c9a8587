/**
 * The address the message was submitted from, as the sender's own mail service recorded it:
 * X-Originating-IP ("[105.112.100.197]"), written by Exchange Online, Outlook.com, Yahoo and many
 * webmail systems for the computer or phone that sent the message. The recipient's trace shows
 * only the sender's servers; this header names the device behind them (a Nigerian mobile network
 * behind a hospital's account is the classic sign of a taken-over mailbox). It is the sender's
 * side's claim, and the finding says so. Redaction masks it with the other identity headers.
 * When it names the client of the recipient's border hop it is the receiving provider's record of
 * that connection (Yahoo writes X-Originating-Ip on inbound mail), and the finding says that.
 */
import { firstField, type RawField } from "./headers";
import { isPrivateOrLoopback, parseIp } from "../net/ip";
import { safeLookup } from "../route/ownership";
import type { Finding, IpInfoLookup, OriginatingIp } from "../types";

const HEADER = "X-Originating-IP";

/** The client of the recipient's border hop: its index (1-based) and address. */
export interface BorderClient {
  hop: number;
  ip: string | null;
}

export function originatingIp(fields: readonly RawField[], lookup?: IpInfoLookup, border: BorderClient | null = null): { value: OriginatingIp | null; findings: Finding[] } {
  const f = firstField(fields, HEADER);
  if (!f) return { value: null, findings: [] };
  const ip = parseIp(f.value.trim());
  if (ip === null) return { value: null, findings: [] };
  const isPublic = !isPrivateOrLoopback(ip);
  const value: OriginatingIp = { ip, header: HEADER, private: !isPublic };
  let owner = "";
  if (lookup && isPublic) {
    const info = safeLookup(lookup, ip);
    value.asn = info.asn;
    value.country = info.country;
    const parts = [info.asn ? `AS${info.asn.number} ${info.asn.name}` : null, info.country].filter(Boolean);
    if (parts.length > 0) owner = ` (${parts.join(", ")})`;
  }
  const where = isPublic ? `${ip}${owner}` : `${ip}, a private address of the sender's own network`;
  // The address of the server that handed the message to the recipient's border is no device's:
  // the receiving provider wrote the header about its own connection (Yahoo does on inbound mail).
  if (isPublic && border && border.ip === ip) {
    return {
      value,
      findings: [
        {
          code: "originating-ip",
          severity: "info",
          message: `${HEADER} names ${where}, the address of the server that handed the message to the recipient's border at hop ${border.hop}: a server, not the device the message was sent from (receiving providers such as Yahoo write the header about their inbound connection).`,
        },
      ],
    };
  }
  return {
    value,
    findings: [
      {
        code: "originating-ip",
        severity: "info",
        message: `The sender's mail service recorded in ${HEADER} the address the message was submitted from: ${where}. The sender's side wrote it; the recipient cannot verify it.`,
      },
    ],
  };
}
