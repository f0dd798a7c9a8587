/**
 * String-level masking used by redaction (redact.ts). Every function is a linear scan or uses
 * linear-time patterns: they run over every string of an analysis, including 100 KiB header values.
 */
import { maskIps as maskIpsWith } from "./ip-text";

import { MASK } from "./mask";

export { MASK };

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
  const out: string[] = [];
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
      const tag = local.includes("=") ? (TAG_PREFIX.exec(local)?.[0] ?? "") : "";
      const rest = local.slice(tag.length);
      if (rest !== MASK) {
        out.push(s.slice(copied, start), rest === "" ? `${tag}@` : `${tag}${MASK}@`);
        copied = at + 1;
      }
    }
    at = s.indexOf("@", at + 1);
  }
  if (copied === 0) return s;
  out.push(s.slice(copied));
  return out.join("");
}

export { normaliseIp } from "./ip-text";

/** Replaces every occurrence of the given IPs (normal form, see ip-text.ts) in `s`. */
export function maskIps(s: string, ips: ReadonlySet<string>): string {
  return maskIpsWith(s, ips, MASK);
}

