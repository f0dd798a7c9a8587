/**
 * Domains of addresses and identifiers, organisational domains, and DMARC-style relaxed
 * alignment (RFC 7489 §3.1.1).
 */
import { getDomain } from "tldts";
import type { DkimResult, SpfResult } from "./types";

/** Longest domain name we accept (RFC 1035 §2.3.4: 255 octets). */
const MAX_DOMAIN_CHARS = 255;

// Characters that cannot be part of a domain as written in a header value.
const NOT_DOMAIN = new Set([" ", "\t", "<", ">", "(", ")", "[", "]", ";", ":", ",", "\"", "\\", "@", "/", "=", "'"]);

/**
 * The domain of an identifier as authentication results write it: "example.com",
 * "user@example.com", "@example.com" (header.i), "<user@example.com>", "Example.COM.".
 * Lower-case, trailing dot removed. null for "", "none" (Microsoft writes "header.d=none" for
 * unsigned mail), address literals and anything that is not a plausible name.
 */
export function domainOf(identifier: string | null | undefined): string | null {
  if (!identifier) return null;
  let s = identifier.trim();
  if (s.startsWith("<")) s = s.slice(1);
  if (s.endsWith(">")) s = s.slice(0, -1);
  const at = s.lastIndexOf("@");
  if (at >= 0) s = s.slice(at + 1);
  s = s.trim();
  while (s.endsWith(".")) s = s.slice(0, -1);
  if (s === "" || s.length > MAX_DOMAIN_CHARS) return null;
  s = s.toLowerCase();
  if (s === "none" || s === "unknown") return null;
  for (const c of s) if (NOT_DOMAIN.has(c)) return null;
  return s;
}

/**
 * The domain of the last address in an address header as written (RFC 5322 §3.4):
 * "Name <a@b.com>", "a@b.com", "\"x@y\" <a@b.com>", "a@b.com (comment)", groups
 * ("Team: a@b.com, c@d.com;"). Lower-case; null when there is no address or its domain is an
 * address literal ("[192.0.2.1]"), which has no organisational domain to align with.
 *
 * Comments and quoted strings are skipped first, so an "@" inside a display name never counts.
 * The last angle-addr wins over a bare addr-spec: a display name like
 * "support@bank.example <x@evil.example>" shows the real address last.
 */
export function addressDomain(addressHeader: string | null): string | null {
  if (!addressHeader) return null;
  const v = addressHeader;
  const n = v.length;
  // Rebuild the value without comments and quoted strings (each replaced by a space); linear.
  const kept: string[] = [];
  let from = 0;
  let i = 0;
  while (i < n) {
    const c = v[i];
    if (c === "(" || c === "\"") {
      kept.push(v.slice(from, i), " ");
      i = c === "(" ? skipComment(v, i) : skipQuoted(v, i);
      from = i;
    } else {
      i++;
    }
  }
  kept.push(v.slice(from));
  const clean = kept.join("");

  const open = clean.lastIndexOf("<");
  if (open >= 0) {
    const close = clean.indexOf(">", open);
    const inner = clean.slice(open + 1, close < 0 ? clean.length : close);
    if (inner.includes("@")) return domainPart(inner);
  }
  const at = clean.lastIndexOf("@");
  if (at < 0) return null;
  let end = at + 1;
  while (end < clean.length && !" \t,;<>".includes(clean[end])) end++;
  return domainPart(clean.slice(0, end));
}

function domainPart(addr: string): string | null {
  const at = addr.lastIndexOf("@");
  if (at < 0) return null;
  const d = addr.slice(at + 1).trim();
  if (d.startsWith("[")) return null;
  return domainOf(d);
}

function skipComment(v: string, start: number): number {
  let depth = 0;
  for (let i = start; i < v.length; i++) {
    const c = v[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return v.length;
}

function skipQuoted(v: string, start: number): number {
  for (let i = start + 1; i < v.length; i++) {
    const c = v[i];
    if (c === "\\") i++;
    else if (c === "\"") return i + 1;
  }
  return v.length;
}

/**
 * Organisational domain (RFC 7489 §3.2) from the Public Suffix List, private section included
 * as OpenDMARC does: "a.github.io" and "b.github.io" are different organisations. A name that
 * is itself a public suffix, or has none, is its own organisational domain.
 */
export function organizationalDomain(domain: string): string {
  const d = domain.toLowerCase();
  return getDomain(d, { allowPrivateDomains: true }) ?? d;
}

/**
 * Relaxed alignment (RFC 7489 §3.1.1): SPF is aligned when any SPF result "pass" has a domain
 * with the same organisational domain as the From domain; DKIM likewise for any passing
 * signature's d= (or header.i domain). All results are considered, in any header: the analyser
 * shows what the message says, and the list beside it shows who said it (authservId).
 * null when there is no From domain or no result of that kind at all; false when there are
 * results but none passes aligned (a "none" or "fail" result counts as not aligned).
 */
export function computeAlignment(
  spf: readonly SpfResult[],
  dkim: readonly DkimResult[],
  fromDomain: string | null,
): { spf: boolean | null; dkim: boolean | null } {
  const from = normaliseFromDomain(fromDomain);
  if (!from) return { spf: null, dkim: null };
  const org = organizationalDomain(from);
  const aligned = (r: { result: string; domain: string | null }) =>
    r.result === "pass" && r.domain !== null && organizationalDomain(r.domain) === org;
  return {
    spf: spf.length === 0 ? null : spf.some(aligned),
    dkim: dkim.length === 0 ? null : dkim.some(aligned),
  };
}

/** The caller passes a domain; accept a whole From value too, defensively. */
function normaliseFromDomain(fromDomain: string | null): string | null {
  if (!fromDomain) return null;
  if (fromDomain.includes("@") || fromDomain.includes("<")) return addressDomain(fromDomain);
  return domainOf(fromDomain);
}
