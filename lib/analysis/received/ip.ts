import ipaddr from "ipaddr.js";

/**
 * Reading the IP addresses MTAs write into Received headers, in all their spellings:
 *   Postfix     "[192.0.2.1]", "[IPv6:2001:db8::1]"
 *   Exim        "[192.0.2.1]:port", "[2001:db8::1]:port"
 *   Exchange    "(2603:10a6:208:1::12)", "([fe80::1%9])"  (un-bracketed, %zone suffix)
 *   ecelerity   "[192.0.2.1:port]"
 *   old Exim    "[192.0.2.1.13219]" (port as a fifth component)
 *   qmail       "user@192.0.2.1", "user@[192.0.2.1]"
 *   XMail       "192.0.2.1:23198"
 * Output: IPv4 dotted; IPv6 compressed lower-case (RFC 5952), IPv4-mapped kept as "::ffff:a.b.c.d".
 */

/** Longest text worth handing to ipaddr.js; longer is never an address (keeps its regexes cheap). */
const MAX_IP_TEXT = 80;

/** Normalised IP from one token's text, or null. Accepts the decorations listed above. */
export function parseIp(raw: string): string | null {
  if (raw.length === 0 || raw.length > MAX_IP_TEXT + 10) return null;
  let s = raw.trim();
  // "user@ip" (qmail, Sendmail ident) — the address is after the last "@".
  const at = s.lastIndexOf("@");
  if (at >= 0) s = s.slice(at + 1);
  s = stripTrailing(s, ",;.");
  // "[ip]:port" (Exim) — drop the port outside the brackets.
  if (s.startsWith("[")) {
    const close = s.indexOf("]");
    if (close < 0) return null;
    s = s.slice(1, close);
  }
  if (s.toLowerCase().startsWith("ipv6:")) s = s.slice(5);
  const pct = s.indexOf("%"); // Exchange zone id "fe80::1%9"
  if (pct >= 0) s = s.slice(0, pct);
  if (s.length === 0 || s.length > MAX_IP_TEXT) return null;
  return parseIpv4WithPort(s) ?? parseIpv6(s);
}

/** True when the text is an IP address in any accepted spelling. */
export function looksLikeIp(raw: string): boolean {
  return parseIp(raw) !== null;
}

function parseIpv4WithPort(s: string): string | null {
  let host = s;
  const colon = s.indexOf(":");
  if (colon >= 0) {
    // "a.b.c.d:port" only; anything else with a colon is IPv6 or junk.
    if (s.indexOf(":", colon + 1) >= 0 || !isDigits(s.slice(colon + 1))) return null;
    host = s.slice(0, colon);
  }
  const parts = host.split(".");
  // "a.b.c.d.port": old Exim/ident logging glued the port on with a dot.
  if (parts.length === 5 && isDigits(parts[4] ?? "")) parts.length = 4;
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const p of parts) {
    if (!isDigits(p) || p.length > 3) return null;
    const v = Number(p);
    if (v > 255) return null;
    octets.push(v);
  }
  return octets.join(".");
}

function parseIpv6(s: string): string | null {
  if (s.indexOf(":") < 0) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 46;
    if (!ok) return null;
  }
  if (!ipaddr.IPv6.isValid(s)) return null;
  const addr = ipaddr.IPv6.parse(s);
  if (addr.isIPv4MappedAddress()) return `::ffff:${addr.toIPv4Address().toString()}`;
  return addr.toRFC5952String();
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function stripTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1] ?? "")) end--;
  return s.slice(0, end);
}

/** True when `s` is a plausible host name: letters/digits/"-"/"_" labels joined by dots (trailing dot allowed). */
export function isHostName(s: string): boolean {
  if (s.length === 0 || s.length > 255) return false;
  let prevDot = true;
  let dots = 0;
  let letters = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (prevDot) return false;
      prevDot = true;
      dots++;
      continue;
    }
    const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const ok = alpha || (c >= 48 && c <= 57) || c === 45 || c === 95;
    if (!ok) return false;
    if (alpha) letters = true;
    prevDot = false;
  }
  return (dots > 0 || s.toLowerCase() === "localhost") && letters;
}

/** Lower-case, without a trailing dot or stray punctuation: the form the contract wants for host names. */
export function normaliseHost(s: string): string {
  // Not ":" — Gmail's "by 2002:a17:902:aa49::" ends in one.
  return stripTrailing(s.trim(), ".,;").toLowerCase();
}
