/**
 * String-level masking used by redaction (redact.ts). Every function is a linear scan or uses
 * linear-time patterns: they run over every string of an analysis, including 100 KiB header values.
 */
import ipaddr from "ipaddr.js";

/** What a removed value is replaced with. */
export const MASK = "•••";

/**
 * Characters of a local part when scanning left from "@": anything printable except RFC 5322
 * specials and space. "=" belongs to it (SRS/VERP addresses); tag prefixes are split off apart.
 */
function isLocalChar(c: string): boolean {
  return c > " " && !"<>()[]\\\",;:@".includes(c) && c !== "\u007f";
}

function isDomainChar(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "." || c === "-" || c === "_";
}

/**
 * Tag prefixes that precede an address inside one token ("smtp.mailfrom=a@b", "i=@b",
 * "envelope-from=a@b" in Received-SPF): kept, so only the local part after them is masked.
 * RFC 8601 properties are "ptype.property=" with ptype smtp/header/body/policy.
 */
const TAG_PREFIX = /^(?:(?:smtp|header|body|policy)\.[a-z][a-z0-9-]*|i|envelope-from|envelope-to|mailfrom|rcptto|sender|from|to|for|auth|user|identity|receiver)=/i;

/**
 * Masks the local part of every address-like "local@domain" in `s`, keeping the domain:
 * "Jane <jane.doe@example.com>" → "Jane <•••@example.com>". Message-IDs look the same and lose
 * their local part too. Quoted local parts ("a b"@x) are masked whole. Idempotent.
 */
export function maskAddresses(s: string): string {
  if (!s.includes("@")) return s;
  let out = "";
  let copied = 0;
  let at = s.indexOf("@");
  while (at !== -1) {
    let start = at;
    if (s[at - 1] === '"') {
      const open = s.lastIndexOf('"', at - 2);
      if (open >= copied) start = open;
    } else {
      while (start > copied && isLocalChar(s[start - 1])) start--;
    }
    let end = at + 1;
    while (end < s.length && isDomainChar(s[end])) end++;
    const local = s.slice(start, at);
    if (local !== "" || end > at + 1) {
      const tag = TAG_PREFIX.exec(local)?.[0] ?? "";
      const rest = local.slice(tag.length);
      out += s.slice(copied, start) + tag + (rest === "" ? "" : MASK) + "@";
      copied = at + 1;
    }
    at = s.indexOf("@", at + 1);
  }
  return out + s.slice(copied);
}

/** Normalised text form of an IP (IPv6 fully expanded, lower-case), or null when not an IP. */
export function normaliseIp(text: string): string | null {
  const t = text.startsWith("IPv6:") || text.startsWith("ipv6:") ? text.slice(5) : text;
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) return t;
  if (!ipaddr.IPv6.isValid(t)) return null;
  const v6 = ipaddr.IPv6.parse(t);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address().toString() : v6.toNormalizedString();
}

const IP_RUN = /[0-:A-F.]{3,}/gi;
const IPV4_IN_RUN = /(?<!\d)\d{1,3}(?:\.\d{1,3}){3}(?!\d)/g;

/**
 * Replaces every occurrence of the given IPs (normalised with normaliseIp) in `s`, in whatever
 * form it is written: "[2001:DB8::1]", "IPv6:2001:db8:0:0::1", "::ffff:192.0.2.1", "192.0.2.1:587".
 */
export function maskIps(s: string, ips: ReadonlySet<string>): string {
  if (ips.size === 0) return s;
  return s.replace(IP_RUN, (run: string, offset: number) => {
    // "IPv6:2001:db8::1": the run starts inside the tag, at "6:"; drop that part.
    const tagged = run.startsWith("6:") && s.slice(Math.max(0, offset - 3), offset).toLowerCase() === "ipv";
    const candidate = tagged ? run.slice(2) : run;
    const whole = candidate.includes(":") ? normaliseIp(candidate) : null;
    if (whole !== null) return ips.has(whole) ? (tagged ? "6:" : "") + MASK : run;
    if (whole !== null) return ips.has(whole) ? MASK : run;
    return run.replace(IPV4_IN_RUN, (v4) => (ips.has(v4) ? MASK : v4));
  });
}

/**
 * Replaces whole-word, case-insensitive occurrences of each literal (display names) in `s`.
 * A literal inside a dotted or hyphenated name ("netscape" in "www.netscape.com", "kette.jp") is a
 * domain, which redaction keeps; a sentence's full stop after a name does not protect it.
 */
export function maskLiterals(s: string, literals: readonly string[]): string {
  let out = s;
  for (const lit of literals) out = maskLiteral(out, lit);
  return out;
}

function maskLiteral(s: string, lit: string): string {
  // Case-insensitive only when lower-casing keeps every index in place (it does not for "İ").
  const lower = s.toLowerCase();
  const fold = lower.length === s.length && lit.toLowerCase().length === lit.length;
  const hay = fold ? lower : s;
  const needle = fold ? lit.toLowerCase() : lit;
  const parts: string[] = [];
  let copied = 0;
  let i = hay.indexOf(needle);
  while (i !== -1) {
    const end = i + needle.length;
    if (!joinsBefore(hay, i) && !joinsAfter(hay, end)) {
      parts.push(s.slice(copied, i), MASK);
      copied = end;
      i = hay.indexOf(needle, end);
    } else {
      i = hay.indexOf(needle, i + 1);
    }
  }
  parts.push(s.slice(copied));
  return parts.join("");
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const JOINERS = ".-@";

/** The character before index i continues a word or a dotted/hyphenated name. */
function joinsBefore(s: string, i: number): boolean {
  const c = s[i - 1];
  return isWordChar(c) || (c !== undefined && JOINERS.includes(c) && isWordChar(s[i - 2]));
}

/** The character at index end continues a word or a dotted/hyphenated name. */
function joinsAfter(s: string, end: number): boolean {
  const c = s[end];
  return isWordChar(c) || (c !== undefined && JOINERS.includes(c) && isWordChar(s[end + 1]));
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}
