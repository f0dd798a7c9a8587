/**
 * IP addresses: the one home for reading, normalising and classifying them.
 *
 * Hand-written on char codes, with no library in the hot path: ipaddr.js validates by throwing and
 * catching, which cost ~10% of the engine on ordinary mail and seconds on hostile input (1 MB of
 * "(0:0:0) "). Every function here is a single pass over at most MAX_IP_TEXT characters.
 *
 * Spellings MTAs write into Received headers, all accepted by parseIp():
 *   Postfix     "[192.0.2.1]", "[IPv6:2001:db8::1]"
 *   Exim        "[192.0.2.1]:port", "[2001:db8::1]:port"
 *   Exchange    "(2603:10a6:208:1::12)", "([fe80::1%9])"  (un-bracketed, %zone suffix)
 *   ecelerity   "[192.0.2.1:port]"
 *   old Exim    "[192.0.2.1.13219]" (port as a fifth component)
 *   qmail       "user@192.0.2.1", "user@[192.0.2.1]"
 *   XMail       "192.0.2.1:23198"
 * Output: IPv4 dotted decimal; IPv6 compressed lower-case (RFC 5952), IPv4-mapped as "::ffff:a.b.c.d".
 * Only strict dotted quads are IPv4: "127.1", "0x7f.0.0.1" and "2130706433" are not addresses in mail.
 */

import { memoByKey } from "../memo";

/** Longest text that can be an address (a full IPv6 with an IPv4 tail is 45 characters). */
const MAX_IP_TEXT = 64;

/** An address as numbers: IPv4 as one uint32, IPv6 as eight 16-bit groups. */
export type IpValue = { version: 4; n: number } | { version: 6; groups: readonly number[] };

/** A strict dotted quad as a uint32 (a.b.c.d, 1-3 digits each, 0-255), or null. */
export function ipv4Number(s: string, from = 0, to = s.length): number | null {
  if (to - from < 7 || to - from > 15) return null;
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return null;
      part = part * 10 + (c - 48);
    } else if (c === 46) {
      if (digits === 0 || part > 255 || ++dots > 3) return null;
      n = n * 256 + part;
      part = 0;
      digits = 0;
    } else return null;
  }
  if (dots !== 3 || digits === 0 || part > 255) return null;
  return n * 256 + part;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * An IPv6 address (RFC 4291 §2.2: hex groups, at most one "::", an optional dotted IPv4 tail) as
 * eight groups, or null. No zone id, no brackets: callers strip those first.
 */
export function ipv6Groups(s: string): number[] | null {
  const n = s.length;
  if (n < 2 || n > 45) return null;
  const head: number[] = [];
  const tail: number[] = [];
  let out = head;
  let i = 0;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return null;
    out = tail;
    i = 2;
    if (i === n) return [0, 0, 0, 0, 0, 0, 0, 0];
  }
  for (;;) {
    // One group, or an IPv4 tail.
    let v = 0;
    let digits = 0;
    const start = i;
    while (i < n) {
      const h = hexValue(s.charCodeAt(i));
      if (h < 0) break;
      v = v * 16 + h;
      digits++;
      i++;
    }
    if (i < n && s.charCodeAt(i) === 46) {
      const v4 = ipv4Number(s, start, n);
      if (v4 === null || head.length + tail.length > 6) return null;
      out.push(Math.floor(v4 / 65536), v4 % 65536);
      break;
    }
    if (digits === 0 || digits > 4) return null;
    out.push(v);
    if (i === n) break;
    if (s.charCodeAt(i) !== 58) return null;
    i++;
    if (i < n && s.charCodeAt(i) === 58) {
      if (out === tail) return null; // a second "::"
      out = tail;
      i++;
      if (i === n) break;
    } else if (i === n) return null; // a trailing single ":"
  }
  const total = head.length + tail.length;
  if (out === tail) {
    if (total > 7) return null;
    for (let k = total; k < 8; k++) head.push(0);
    for (let k = 0; k < tail.length; k++) head[8 - tail.length + k] = tail[k];
    return head;
  }
  return total === 8 ? head : null;
}

function isIpv4Mapped(g: readonly number[]): boolean {
  return g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff;
}

function formatIpv4(n: number): string {
  return `${Math.floor(n / 16777216)}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/** RFC 5952 text: lower-case, no leading zeros, the longest run (>= 2) of zero groups as "::". */
export function formatIpv6(g: readonly number[]): string {
  if (isIpv4Mapped(g)) return `::ffff:${formatIpv4(g[6] * 65536 + g[7])}`;
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestAt < 0) return hexGroups(g, 0, 8);
  return `${hexGroups(g, 0, bestAt)}::${hexGroups(g, bestAt + bestLen, 8)}`;
}

/** Groups [from, to) in hex, joined by ":". */
function hexGroups(g: readonly number[], from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) out += (i > from ? ":" : "") + g[i].toString(16);
  return out;
}

/**
 * Where the address sits inside the decorations MTAs add (see the file comment): [from, to) of
 * `raw`, or null when no address can be there. Index arithmetic only; nothing is allocated for the
 * host names that make up most of what is handed in.
 */
function addressBounds(raw: string): [number, number] | null {
  let from = raw.lastIndexOf("@") + 1; // "user@ip" (qmail, Sendmail ident)
  let to = raw.length;
  while (from < to && raw.charCodeAt(from) <= 32) from++;
  while (to > from && raw.charCodeAt(to - 1) <= 32) to--;
  while (to > from) {
    const c = raw.charCodeAt(to - 1);
    if (c !== 44 && c !== 59 && c !== 46) break; // , ; .
    to--;
  }
  if (raw.charCodeAt(from) === 91) {
    // "[ip]:port" (Exim): drop the port outside the brackets.
    const close = raw.indexOf("]", from);
    if (close < 0 || close >= to) return null;
    from++;
    to = close;
  }
  if (to - from > 5 && (raw.charCodeAt(from) | 32) === 105 && raw.slice(from, from + 5).toLowerCase() === "ipv6:") from += 5;
  const pct = raw.indexOf("%", from); // Exchange zone id "fe80::1%9"
  if (pct >= 0 && pct < to) to = pct;
  if (to - from < 2 || to - from > MAX_IP_TEXT) return null;
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 58) || c === 46 || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return null;
  }
  return [from, to];
}

/** A dotted quad, optionally with ":port" or ".port" (old Exim), as a normalised string; or null. */
function ipv4WithPort(s: string): string | null {
  let to = s.length;
  const colon = s.indexOf(":");
  if (colon >= 0) {
    for (let i = colon + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return null;
    }
    if (colon + 1 === s.length) return null;
    to = colon;
  }
  let v = ipv4Number(s, 0, to);
  if (v === null && colon < 0) {
    // "a.b.c.d.port": a fifth all-digit component.
    const last = s.lastIndexOf(".");
    if (last > 0 && last < s.length - 1) {
      let digits = true;
      for (let i = last + 1; i < s.length && digits; i++) digits = s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
      if (digits) v = ipv4Number(s, 0, last);
    }
  }
  return v === null ? null : formatIpv4(v);
}

/** Normalised IP from one token's text in any spelling listed in the file comment, or null. */
export function parseIp(raw: string | null | undefined): string | null {
  if (!raw || raw.length > MAX_IP_TEXT + 32) return null;
  const bounds = addressBounds(raw);
  if (!bounds) return null;
  const s = bounds[0] === 0 && bounds[1] === raw.length ? raw : raw.slice(bounds[0], bounds[1]);
  const firstColon = s.indexOf(":");
  if (firstColon < 0 || firstColon === s.lastIndexOf(":")) {
    const v4 = ipv4WithPort(s);
    if (v4 !== null || firstColon < 0) return v4;
  }
  const g = ipv6Groups(s);
  return g === null ? null : formatIpv6(g);
}

/**
 * The numeric value of an address written plainly or with brackets, "IPv6:" or a %zone (not the
 * MTA decorations with ports: use parseIp for header text). IPv4-mapped IPv6 is unwrapped to IPv4.
 */
export function ipValue(ip: string | null | undefined): IpValue | null {
  if (!ip || ip.length > MAX_IP_TEXT + 8) return null;
  let s = ip.trim();
  if (s.startsWith("[") && s.endsWith("]")) s = s.slice(1, -1);
  if (s.length > 5 && s.slice(0, 5).toLowerCase() === "ipv6:") s = s.slice(5);
  const pct = s.indexOf("%");
  if (pct >= 0) s = s.slice(0, pct);
  if (s.indexOf(":") < 0) {
    const n = ipv4Number(s);
    return n === null ? null : { version: 4, n };
  }
  const g = ipv6Groups(s);
  if (g === null) return null;
  if (isIpv4Mapped(g)) return { version: 4, n: g[6] * 65536 + g[7] };
  return { version: 6, groups: g };
}

/** True when the text is an address (see ipValue for what is accepted). */
export function isIp(text: string | null | undefined): boolean {
  return ipValue(text) !== null;
}

/** A CIDR block such as "40.92.0.0/15" or "2a01:111:f400::/48", parsed once. */
export interface Cidr {
  version: 4 | 6;
  /** IPv4: the network as uint32; IPv6: the eight groups of the network. */
  base: IpValue;
  bits: number;
}

/** Parses "address/bits"; throws on a malformed block (tables are code, a typo must fail loudly). */
export function parseCidr(text: string): Cidr {
  const slash = text.indexOf("/");
  const base = ipValue(slash < 0 ? text : text.slice(0, slash));
  const bits = slash < 0 ? (base?.version === 4 ? 32 : 128) : Number(text.slice(slash + 1));
  if (!base || !Number.isInteger(bits) || bits < 0 || bits > (base.version === 4 ? 32 : 128)) {
    throw new Error(`not a CIDR block: ${text}`);
  }
  return { version: base.version, base, bits };
}

/** True when the address lies inside the block (same family only). */
export function inCidr(ip: IpValue, cidr: Cidr): boolean {
  if (ip.version !== cidr.version) return false;
  if (ip.version === 4 && cidr.base.version === 4) {
    if (cidr.bits === 0) return true;
    const shift = 32 - cidr.bits;
    return Math.floor(ip.n / 2 ** shift) === Math.floor(cidr.base.n / 2 ** shift);
  }
  if (ip.version !== 6 || cidr.base.version !== 6) return false;
  let left = cidr.bits;
  for (let i = 0; i < 8 && left > 0; i++) {
    const take = Math.min(16, left);
    const shift = 16 - take;
    if (ip.groups[i] >> shift !== cidr.base.groups[i] >> shift) return false;
    left -= take;
  }
  return true;
}

const PRIVATE_BLOCKS = [
  "127.0.0.0/8", // loopback
  "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", // RFC 1918
  "100.64.0.0/10", // carrier-grade NAT (RFC 6598)
  "169.254.0.0/16", // link-local
  "::1/128", "fc00::/7", "fe80::/10", // loopback, unique local, link-local
].map(parseCidr);

/**
 * True for loopback, private and other non-public addresses: 127/8, ::1, 10/8, 172.16/12,
 * 192.168/16, 100.64/10 (CGNAT), 169.254/16, fc00::/7, fe80::/10; IPv4-mapped IPv6
 * ("::ffff:10.0.0.1") is judged as the IPv4 address. Brackets, "IPv6:" and %zone are accepted.
 * false for public addresses and for anything that is not an address.
 */
export function isPrivateOrLoopback(ip: string | null | undefined): boolean {
  return ip ? privateMemo(ip) : false;
}

/** Each chain asks about the same few addresses many times (client checks, HELO checks, findings). */
const privateMemo = memoByKey((ip: string): boolean => {
  const v = ipValue(ip);
  return v !== null && PRIVATE_BLOCKS.some((b) => inCidr(v, b));
}, 1024);

/** True for an address that is public (not private, loopback or link-local). */
export function isPublicIp(ip: string | null | undefined): boolean {
  const v = ipValue(ip);
  return v !== null && !PRIVATE_BLOCKS.some((b) => inCidr(v, b));
}
