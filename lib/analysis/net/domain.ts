/**
 * Domains: the one home for the domain of an identifier and for organisational domains
 * (RFC 7489 §3.2) from the Public Suffix List (tldts).
 */
import { parse } from "tldts";
import { memoByKey } from "../memo";

/** Longest domain name we accept (RFC 1035 §2.3.4: 255 octets). */
const MAX_DOMAIN_CHARS = 255;

// Characters that cannot be part of a domain as written in a header value.
// By char code: a Set of one-character strings per character was most of domainOf's time.
const NOT_DOMAIN = new Uint8Array(128);
for (const c of " \t<>()[];:,\"\\@/='") NOT_DOMAIN[c.charCodeAt(0)] = 1;

/**
 * The domain of an identifier as authentication results and envelopes write it: "example.com",
 * "user@example.com", "@example.com" (header.i), "<user@example.com>", "Example.COM.".
 * Lower-case, trailing dot removed. null for "", "none" (Microsoft writes "header.d=none" for
 * unsigned mail), "unknown", address literals and anything that is not a plausible name.
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
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && NOT_DOMAIN[c] === 1) return null;
  }
  return s;
}

/** What the Public Suffix List says about a name (private section always included). */
export interface SuffixInfo {
  /** The registrable domain ("example.co.uk", "alice.github.io"), or null. */
  domain: string | null;
  /** The public suffix ("co.uk", "github.io"), or null. */
  publicSuffix: string | null;
  /** The suffix is on the ICANN section or the private section of the list. */
  listed: boolean;
  /** The suffix comes from the private section (github.io, compute-1.amazonaws.com). */
  isPrivate: boolean;
}

const suffixMemo = memoByKey((name: string): SuffixInfo => {
  const p = parse(name, { allowPrivateDomains: true });
  return {
    domain: p.domain ?? null,
    publicSuffix: p.publicSuffix ?? null,
    listed: Boolean(p.isIcann || p.isPrivate),
    isPrivate: Boolean(p.isPrivate),
  };
});

/** The Public Suffix List's view of a lower-case name (memoised). */
export function suffixInfo(name: string): SuffixInfo {
  return suffixMemo(name);
}

/**
 * Organisational domain (RFC 7489 §3.2), private section of the PSL included as OpenDMARC does:
 * "a.github.io" and "b.github.io" are different organisations. A name that is itself a public
 * suffix, or has none, is its own organisational domain.
 */
export function organizationalDomain(domain: string): string {
  const d = domain.toLowerCase();
  return suffixInfo(d).domain ?? d;
}
