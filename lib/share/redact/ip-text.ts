/**
 * IP addresses in free text, by char-code scans only: no regex, no ipaddr.js, no exceptions.
 *
 * Why not ipaddr.js: `IPv6.isValid` throws and catches internally on every invalid string, so
 * handing it each colon run of 1 MiB of "a:b " took ~10 s and froze the server (issue 11). Here a
 * candidate costs O(its length), a run longer than any address is skipped after one comparison,
 * and the whole text is scanned once.
 *
 * Normal form (what `normaliseIp` returns and `maskIps` compares against): IPv4 dotted decimal;
 * IPv6 as eight lower-case hex groups without leading zeros, joined by ":" (ipaddr.js's
 * toNormalizedString, so values from either source compare equal); IPv4-mapped IPv6
 * (::ffff:a.b.c.d) as its IPv4 address.
 */

/** Longest textual IPv6 address: 8 groups of 4 + 7 colons, or 6 groups + an IPv4 tail (45). */
const MAX_IPV6_CHARS = 45;
const MAX_IPV4_CHARS = 15;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Dotted-quad IPv4 in s[start, end) exactly, with ipaddr.js's rules (four decimal parts, 0-255,
 * no leading zeros): the address as an unsigned 32-bit number, or -1.
 */
function parseIpv4(s: string, start: number, end: number): number {
  if (end - start > MAX_IPV4_CHARS || end - start < 7) return -1;
  let value = 0;
  let i = start;
  for (let part = 0; part < 4; part++) {
    const from = i;
    let v = 0;
    while (i < end && i - from < 3 && isDigit(s.charCodeAt(i))) v = v * 10 + (s.charCodeAt(i++) - 48);
    const len = i - from;
    if (len === 0 || v > 255 || (len > 1 && s.charCodeAt(from) === 48)) return -1;
    value = value * 256 + v;
    if (part < 3) {
      if (i >= end || s.charCodeAt(i) !== 46) return -1;
      i++;
    }
  }
  return i === end ? value : -1;
}

function v4Text(v: number): string {
  return `${Math.floor(v / 16777216)}.${Math.floor(v / 65536) % 256}.${Math.floor(v / 256) % 256}.${v % 256}`;
}

/** The normal form of s[start, end) when it is exactly an IPv4 or IPv6 address, else null. */
function normalAt(s: string, start: number, end: number): string | null {
  const v4 = parseIpv4(s, start, end);
  if (v4 >= 0) return v4Text(v4);
  const g = SCRATCH;
  if (!parseIpv6Into(s, start, end, g)) return null;
  // IPv4-mapped (::ffff:a.b.c.d) is that IPv4 address, as ipaddr.js's isIPv4MappedAddress says.
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) return v4Text(g[6] * 65536 + g[7]);
  return Array.from(g, (x) => x.toString(16)).join(":");
}

/** Normal form of an IP ("IPv6:" prefix, brackets and a zone id allowed), or null when not an IP. */
export function normaliseIp(text: string): string | null {
  let t = text.trim();
  if (t.startsWith("[") && t.endsWith("]")) t = t.slice(1, -1);
  if (t.length > 5 && t.slice(0, 5).toLowerCase() === "ipv6:") t = t.slice(5);
  const zone = t.indexOf("%");
  if (zone > 0) t = t.slice(0, zone);
  return normalAt(t, 0, t.length);
}

/** Secret addresses as eight 16-bit groups (IPv4 as ::ffff:a.b.c.d), compared without allocating. */
type Compiled = Uint16Array[];

const compiledSets = new WeakMap<ReadonlySet<string>, Compiled>();

function compile(ips: ReadonlySet<string>): Compiled {
  let c = compiledSets.get(ips);
  if (!c) {
    c = [];
    for (const ip of ips) {
      const g = new Uint16Array(8);
      if (groupsAt(ip, 0, ip.length, g)) c.push(g);
    }
    compiledSets.set(ips, c);
  }
  return c;
}

/** Writes s[start, end) as eight groups into `out` when it is exactly an IPv4 or IPv6 address. */
function groupsAt(s: string, start: number, end: number, out: Uint16Array): boolean {
  const v4 = parseIpv4(s, start, end);
  if (v4 >= 0) {
    setMapped(out, v4);
    return true;
  }
  return parseIpv6Into(s, start, end, out);
}

function setMapped(out: Uint16Array, v4: number): void {
  out.fill(0, 0, 5);
  out[5] = 0xffff;
  out[6] = Math.floor(v4 / 65536);
  out[7] = v4 % 65536;
}

function isSecret(g: Uint16Array, secrets: Compiled): boolean {
  for (const t of secrets) {
    if (t[7] === g[7] && t[6] === g[6] && t[5] === g[5] && t[4] === g[4] && t[3] === g[3] && t[2] === g[2] && t[1] === g[1] && t[0] === g[0]) return true;
  }
  return false;
}

/** Scratch buffers: maskIps runs synchronously, so one pair serves every call. */
const SCRATCH = new Uint16Array(8);
const TAIL = new Uint16Array(8);

/**
 * parseIpv6 without allocating: groups before "::" go to out[0…], groups after it to TAIL and are
 * then moved to the end of `out`. Same grammar as parseIpv6.
 */
function parseIpv6Into(s: string, start: number, end: number, out: Uint16Array): boolean {
  if (end - start > MAX_IPV6_CHARS || end - start < 2) return false;
  let head = 0;
  let tail = 0;
  let compressed = false;
  let i = start;
  if (s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58) return false;
    compressed = true;
    i += 2;
  }
  while (i < end) {
    const from = i;
    let v = 0;
    while (i < end && i - from < 4 && hexValue(s.charCodeAt(i)) >= 0) v = v * 16 + hexValue(s.charCodeAt(i++));
    if (i < end && s.charCodeAt(i) === 46) {
      // An IPv4 tail ("::ffff:192.0.2.1"): the last 32 bits, only at the end.
      const v4 = parseIpv4(s, from, end);
      if (v4 < 0 || head + tail > 6) return false;
      if (compressed) {
        TAIL[tail++] = Math.floor(v4 / 65536);
        TAIL[tail++] = v4 % 65536;
      } else {
        out[head++] = Math.floor(v4 / 65536);
        out[head++] = v4 % 65536;
      }
      break;
    }
    if (i === from || head + tail >= 8) return false;
    if (compressed) TAIL[tail++] = v;
    else out[head++] = v;
    if (i === end) break;
    if (s.charCodeAt(i) !== 58) return false;
    i++;
    if (s.charCodeAt(i) === 58) {
      if (compressed) return false;
      compressed = true;
      i++;
    } else if (i === end) {
      return false;
    }
  }
  const n = head + tail;
  if (compressed ? n > 7 : n !== 8) return false;
  out.fill(0, head, 8 - tail);
  for (let k = 0; k < tail; k++) out[8 - tail + k] = TAIL[k];
  return true;
}

/** Character classes for the scan, by char code (all other codes: 0). */
const DEC = 1;
const HEX = 2;
const COLON = 4;
const DOT = 8;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DEC | HEX;
for (let c = 65; c <= 70; c++) CLASS[c] = HEX;
for (let c = 97; c <= 102; c++) CLASS[c] = HEX;
CLASS[58] = COLON;
CLASS[46] = DOT;

function classOf(c: number): number {
  return c < 128 ? CLASS[c] : 0;
}

/**
 * Replaces every occurrence of the given IPs (in normal form) in `s`, however it is written:
 * "[2001:DB8::1]", "IPv6:2001:db8:0:0::1", "::ffff:192.0.2.1", "192.0.2.1:587", "192.0.2.1."
 * A dotted quad inside a longer digit run ("1192.0.2.10") is not that address.
 *
 * Cost: one pass over `s`; a run of address characters is parsed as a whole only when its last
 * group equals the last group of a secret (one Set look-up), and dotted quads are compared as numbers.
 */
export function maskIps(s: string, ips: ReadonlySet<string>, mask: string): string {
  if (ips.size === 0) return s;
  const secrets = compile(ips);
  if (secrets.length === 0) return s;
  const lastGroups = lastGroupsOf(secrets);
  const v4s = v4sOf(secrets);
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    if (classOf(s.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    const runStart = i;
    let seen = 0;
    let lastColon = -1;
    while (i < n) {
      const k = classOf(s.charCodeAt(i));
      if (k === 0) break;
      seen |= k;
      if (k === COLON) lastColon = i;
      i++;
    }
    const runEnd = i;
    if ((seen & (COLON | DOT)) === 0 || runEnd - runStart < 2) continue; // "cafe", "2024": no address
    if (seen & COLON) {
      // The whole run as one IPv6 address, also after an "IPv6:" tag (the run starts at its "6:").
      let from = runStart;
      if (s.charCodeAt(from) === 54 && s.charCodeAt(from + 1) === 58 && from >= 3 && s.slice(from - 3, from).toLowerCase() === "ipv") from += 2;
      if (runEnd - from <= MAX_IPV6_CHARS && lastColon < runEnd - 1) {
        const last = lastGroupValue(s, lastColon + 1, runEnd);
        if (last >= 0 && lastGroups.has(last) && parseIpv6Into(s, from, runEnd, SCRATCH)) {
          if (isSecret(SCRATCH, secrets)) {
            parts.push(s.slice(copied, from), mask);
            copied = runEnd;
          }
          continue;
        }
      }
    }
    if ((seen & DOT) === 0 || v4s.size === 0) continue;
    // Dotted quads inside the run ("192.0.2.1", "192.0.2.1:587", "at 192.0.2.1."), each looked at once.
    let j = runStart;
    while (j < runEnd) {
      if ((classOf(s.charCodeAt(j)) & DEC) === 0 || (j > runStart && (classOf(s.charCodeAt(j - 1)) & DEC) !== 0)) {
        j++;
        continue;
      }
      let k = j;
      let dots = 0;
      while (k < runEnd && k - j < MAX_IPV4_CHARS) {
        const c = s.charCodeAt(k);
        if (c === 46) {
          if (dots === 3) break;
          dots++;
        } else if ((classOf(c) & DEC) === 0) {
          break;
        }
        k++;
      }
      // Back off a trailing "." (a sentence's full stop, an FQDN's root).
      while (k > j && s.charCodeAt(k - 1) === 46) k--;
      const quad = dots === 3 && !(k < runEnd && (classOf(s.charCodeAt(k)) & DEC) !== 0) ? parseIpv4(s, j, k) : -1;
      if (quad >= 0 && v4s.has(quad)) {
        parts.push(s.slice(copied, j), mask);
        copied = k;
      }
      j = Math.max(k, j + 1);
    }
  }
  if (copied === 0) return s;
  parts.push(s.slice(copied));
  return parts.join("");
}

/** The value of the last group of a run: hex after the last ":" (≤ 4 digits), or an IPv4 tail's low 16 bits. */
function lastGroupValue(s: string, start: number, end: number): number {
  if (end - start <= 4) {
    let v = 0;
    for (let i = start; i < end; i++) {
      const h = hexValue(s.charCodeAt(i));
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  }
  const v4 = parseIpv4(s, start, end);
  return v4 < 0 ? -1 : v4 % 65536;
}

const lastGroupSets = new WeakMap<Compiled, Set<number>>();
const v4Sets = new WeakMap<Compiled, Set<number>>();

function lastGroupsOf(c: Compiled): Set<number> {
  let set = lastGroupSets.get(c);
  if (!set) lastGroupSets.set(c, (set = new Set(c.map((g) => g[7]))));
  return set;
}

/** The secrets that are IPv4 addresses (::ffff:a.b.c.d), as 32-bit numbers. */
function v4sOf(c: Compiled): Set<number> {
  let set = v4Sets.get(c);
  if (!set) {
    set = new Set();
    for (const g of c) if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) set.add(g[6] * 65536 + g[7]);
    v4Sets.set(c, set);
  }
  return set;
}
