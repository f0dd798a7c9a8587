/**
 * Received-SPF (RFC 7208 §9.1):
 *
 *   Received-SPF: result [CFWS] [comment CFWS] [key-value-list]
 *   e.g. Pass (protection.outlook.com: domain of example.com designates 192.0.2.1 as permitted sender)
 *        receiver=protection.outlook.com; client-ip=192.0.2.1; helo=mail.example.com;
 *   Google: pass (google.com: domain of a@example.com designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1;
 *   pyspf/Haraka: Pass (mx.example.net: domain of example.com designates …) receiver=mx.example.net;
 *        identity=mailfrom; client-ip=…; helo=…; envelope-from=<a@example.com>
 */
import { readPairs, tokenizeAuth } from "./tokens";
import { domainOf } from "../net/domain";
import { parseIp } from "../net/ip";
import type { SpfResult } from "../types";

const MAX_RESULT_CHARS = 32;

/** A Received-SPF header as read: the SPF result, and the client address the receiver checked. */
export interface ReceivedSpf extends SpfResult {
  /** client-ip= (RFC 7208 §9.1), else the address of "designates 192.0.2.1 as permitted sender"; normalised. */
  clientIp: string | null;
}

/** Parses one Received-SPF value into an SPF result, or null when it has no readable result. Never throws. */
export function parseReceivedSpf(value: string): SpfResult | null {
  const r = readReceivedSpf(value);
  return r ? { result: r.result, domain: r.domain, authservId: r.authservId } : null;
}

/** Parses one Received-SPF value with the client address. Never throws. */
export function readReceivedSpf(value: string): ReceivedSpf | null {
  const tokens = tokenizeAuth(value);
  let i = 0;
  while (i < tokens.length && tokens[i].type === "comment") i++;
  const head = tokens[i];
  if (!head || head.type !== "word") return null;
  // "result" is a bare word; a header that starts with "key=" has no result.
  const next = tokens[i + 1];
  if (next && next.type === "eq") return null;
  const result = head.text.toLowerCase();
  if (result.length > MAX_RESULT_CHARS || !isAlpha(result)) return null;

  const rest = tokens.slice(i + 1);
  const firstComment = rest.length > 0 && rest[0].type === "comment" ? rest[0].text : null;
  const kv = new Map<string, string>();
  for (const p of readPairs(rest).pairs) if (!kv.has(p.key)) kv.set(p.key, p.value);

  return {
    result,
    domain: spfDomain(kv, firstComment),
    authservId: receiverOf(kv.get("receiver")) ?? commentHost(firstComment),
    clientIp: parseIp(kv.get("client-ip")) ?? designatedIp(firstComment),
  };
}

/**
 * The address in "… designates 192.0.2.1 as permitted sender" / "… does not designate 192.0.2.1 as
 * permitted sender" (Google, Microsoft, pyspf comments; Authentication-Results comments too).
 */
export function designatedIp(comment: string | null | undefined): string | null {
  if (!comment) return null;
  const lower = comment.toLowerCase();
  for (const marker of ["designates ", "designate ", "sender ip is ", "sender ip "]) {
    const at = lower.indexOf(marker);
    if (at < 0) continue;
    const rest = comment.slice(at + marker.length).trimStart();
    const end = rest.search(/[\s)]/);
    const ip = parseIp(end < 0 ? rest : rest.slice(0, end));
    if (ip) return ip;
  }
  return null;
}

/**
 * The domain SPF checked. identity=helo → the HELO name. Otherwise the envelope-from domain;
 * failing that the domain the comment names ("domain of X designates", "domain of transitioning
 * X discourages", "X does not designate permitted sender hosts": Microsoft and Google write no
 * envelope-from); failing that the HELO name (RFC 7208 §2.4: a null reverse-path is checked as
 * postmaster@HELO).
 */
function spfDomain(kv: Map<string, string>, comment: string | null): string | null {
  const helo = domainOf(kv.get("helo"));
  if (kv.get("identity")?.toLowerCase() === "helo" && helo) return helo;
  return domainOf(kv.get("envelope-from")) ?? commentDomain(comment) ?? helo;
}

/** "<UNKNOWN>" (pypolicyd-spf without a hostname) and the like are no receiver. */
function receiverOf(v: string | undefined): string | null {
  return domainOf(v);
}

/** The leading "host:" of the comment, e.g. "google.com: domain of …" → "google.com". */
function commentHost(comment: string | null): string | null {
  if (!comment) return null;
  const colon = comment.indexOf(":");
  if (colon <= 0 || colon > 255) return null;
  const host = comment.slice(0, colon).trim().toLowerCase();
  // A name with a dot and only name characters; "2001:db8::1 is neither…" is an address, not a host.
  if (!host.includes(".")) return null;
  for (const c of host) {
    const ok = (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c === "." || c === "-" || c === "_";
    if (!ok) return null;
  }
  if (!/[a-z]/.test(host)) return null;
  return host;
}

function commentDomain(comment: string | null): string | null {
  if (!comment) return null;
  const lower = comment.toLowerCase();
  const of = lower.indexOf("domain of ");
  if (of >= 0) {
    let rest = lower.slice(of + "domain of ".length).trimStart();
    if (rest.startsWith("transitioning ")) rest = rest.slice("transitioning ".length).trimStart();
    const end = rest.search(/\s/);
    return domainOf(end < 0 ? rest : rest.slice(0, end));
  }
  const not = lower.indexOf(" does not designate");
  if (not > 0) {
    const before = lower.slice(0, not);
    const start = Math.max(before.lastIndexOf(" "), before.lastIndexOf(":")) + 1;
    return domainOf(before.slice(start));
  }
  return null;
}

function isAlpha(s: string): boolean {
  if (s.length === 0) return false;
  for (const c of s) if (c < "a" || c > "z") return false;
  return true;
}
