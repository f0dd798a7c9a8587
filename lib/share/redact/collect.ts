/**
 * The personal values of one analysis, collected once before anything is masked (issue 11):
 * - names: display names and comments of every address header (From, To, Cc, Reply-To, …), group
 *   names, SMTP AUTH user names ("Authenticated sender: jdoe", "smtp.auth=jdoe", "(authenticated
 *   as jdoe)"), identity headers (X-Authenticated-User …) and recipients written without a domain;
 * - hosts: the submitting client's HELO and reverse-DNS names (of each submission hop);
 * - ips: the submitting client's IP and HELO address literal, and the addresses in identity
 *   headers such as X-Originating-IP.
 * Redaction then masks these VALUES in every string of the analysis (redact/index.ts), so a copy
 * elsewhere (authentication.spf[].domain keeping the HELO, a by.host that is the laptop's own
 * MTA, the raw Received text beside a masked card) goes too.
 *
 * Not personal, so not collected: servers of known operators (lib/analysis operator table: a
 * Microsoft 365 mailbox server in a "with mapi" hop, a Gmail front end), registrable domains (a
 * HELO of "example.com" is the sender's domain, which redaction keeps), loopback addresses, and
 * generic names (localhost, grammar words).
 */
import { getDomain } from "tldts";
import type { Analysis, Hop } from "@/lib/analysis/types";
import { readAddressList, type AddressListCache } from "./address-list";
import { normaliseIp } from "./ip-text";
import { isProviderHost } from "./provider";

/** Header fields whose value is a list of addresses (possibly with display names). Lower-case. */
export const ADDRESS_HEADERS = new Set([
  "from", "to", "cc", "bcc", "reply-to", "sender", "return-path", "delivered-to", "x-original-to",
  "resent-from", "resent-to", "resent-cc", "resent-bcc", "resent-sender", "envelope-to", "x-envelope-to",
  "x-envelope-from", "errors-to", "disposition-notification-to", "return-receipt-to", "x-sender",
  "x-receiver", "x-forwarded-to", "x-original-from", "x-google-original-from", "apparently-to",
  "x-apparently-to", "mail-followup-to", "mail-reply-to", "x-rcpt-to", "x-original-sender",
]);

/** Header fields that identify the submitting person or machine as a whole: masked entirely. */
export const IDENTITY_HEADERS = new Set([
  "x-authenticated-user", "x-authenticated-sender", "x-auth-id", "x-authuser", "x-originating-ip",
  "x-originating-email", "x-ms-exchange-organization-originalclientipaddress", "x-sender-id", "x-user",
]);
// Not X-Sender-IP: receivers (Microsoft 365, Mimecast, …) write it for the connecting server, which
// in 47 of our 124 real fixtures is an ESP or MTA (54.240.9.14 is Amazon SES), not a person.

/** Protocol tokens that mean a client handed the message in (design.md, "submission"). */
const SUBMISSION_PROTOCOLS = new Set(["ESMTPA", "ESMTPSA", "LMTPA", "UTF8SMTPA", "UTF8SMTPSA", "HTTP", "HTTPS", "MAPI", "LOCAL"]);

/** Words never treated as a personal name or host (masking them would garble the raw text). */
const NOT_PERSONAL = new Set([
  "from", "by", "via", "with", "id", "for", "smtp", "esmtp", "esmtps", "esmtpsa", "lmtp", "localhost",
  "localhost.localdomain", "localdomain", "unknown", "user", "mail", "undisclosed-recipients", "undisclosed recipients",
]);

/** At most this many names are collected: each one can cost a comparison at every matching word. */
export const MAX_NAMES = 50;
/** At most this many hosts and IPs (a message has a handful of submission hops). */
const MAX_VALUES = 50;
/** Distinct name candidates remembered as judged (bounds memory on a hostile list). */
const MAX_JUDGED = 10_000;
/** Shortest name or host collected (shorter ones would match ordinary words). */
const MIN_CHARS = 2;

/** SMTP AUTH user names in Received and Authentication-Results text (RFC 8601 smtp.auth, Postfix, Exim, Sendmail). */
const AUTH_USER = /\b(?:authenticated (?:sender|user|as|by)(?::\s*|\s+)|smtp\.auth=)([^\s;()<>]+)/gi;

export interface PersonalValues {
  /** Display names, group names and user names, as written (longest first). */
  names: string[];
  /** Submission client host names, lower-case, trailing dot removed. */
  hosts: Set<string>;
  /** Submission client and identity-header IPs, in normaliseIp form. */
  ips: Set<string>;
  /** The hops whose client is the submitting person's machine. */
  submission: Set<Hop>;
  /** Address lists parsed while collecting, reused when they are rewritten. */
  lists: AddressListCache;
}

/** Hops whose client is a person's machine: classified submission, or authenticated, or a submission protocol. */
export function submissionHops(hops: readonly Hop[]): Set<Hop> {
  const out = new Set(hops.filter((h) => h.relayType === "submission" || h.authenticated === true || SUBMISSION_PROTOCOLS.has(h.with ?? "")));
  // While the chain is not classified, the earliest hop is where the message entered: err on privacy.
  if (out.size === 0 && hops[0]?.relayType === "unknown") out.add(hops[0]);
  return out;
}

/** True when a hop's client is a known provider's server (kept: provider server names are not personal). */
export function clientIsProvider(h: Hop): boolean {
  return isProviderHost(h.from?.rdns ?? null) || isProviderHost(bare(h.from?.helo ?? null));
}

function bare(host: string | null): string | null {
  if (!host) return null;
  let h = host.trim();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  while (h.endsWith(".")) h = h.slice(0, -1);
  return h;
}

function isLoopback(ip: string): boolean {
  return ip.startsWith("127.") || ip === "0:0:0:0:0:0:0:1";
}

export function collectPersonalValues(analysis: Analysis): PersonalValues {
  const submission = submissionHops(analysis.hops);
  const names = new Set<string>();
  const hosts = new Set<string>();
  const ips = new Set<string>();
  const lists: AddressListCache = new Map();
  // Every candidate is judged once: a hostile list repeats the same (rejected) one 100,000 times.
  const judged = new Set<string>();
  const addName = (raw: string) => {
    if (names.size >= MAX_NAMES) return;
    const n = raw.trim();
    if (judged.has(n)) return;
    if (judged.size < MAX_JUDGED) judged.add(n);
    if (n.length >= MIN_CHARS && !n.includes("@") && !NOT_PERSONAL.has(n.toLowerCase()) && normaliseIp(n) === null) names.add(n);
  };
  const addIp = (raw: string | null | undefined) => {
    const ip = raw ? normaliseIp(raw) : null;
    if (ip && !isLoopback(ip) && ips.size < MAX_VALUES) ips.add(ip);
  };
  const addHost = (raw: string | null | undefined) => {
    const h = bare(raw ?? null)?.toLowerCase();
    if (!h || h.length < MIN_CHARS || hosts.size >= MAX_VALUES || NOT_PERSONAL.has(h)) return;
    if (normaliseIp(h) !== null) return addIp(h);
    // A registrable domain ("example.com") is the sender's domain, which redaction keeps.
    if (getDomain(h, { allowPrivateDomains: true }) === h || isProviderHost(h)) return;
    hosts.add(h);
  };

  for (const h of submission) {
    if (!h.from || clientIsProvider(h)) continue;
    addIp(h.from.ip);
    // "from mx.example.org ([::1]) by mx.example.org with mapi": the server handing mail to itself
    // names itself, not the client (Exchange, Postfix pickup on a list server); that name is kept.
    const self = h.by?.host ?? null;
    for (const name of [h.from.helo, h.from.rdns]) if (bare(name)?.toLowerCase() !== self) addHost(name);
  }
  // Names of From/To first: if a hostile message has more than MAX_NAMES, these still make it.
  for (const v of [analysis.summary.from, analysis.summary.to]) if (v) namesOfList(readAddressList(v, lists), addName);
  for (const f of analysis.headers) {
    const key = f.name.toLowerCase();
    if (ADDRESS_HEADERS.has(key)) namesOfList(readAddressList(f.value, lists), addName);
    else if (IDENTITY_HEADERS.has(key)) identityValues(f.value, addName, addIp);
    if (key === "received" || key === "x-received" || key === "authentication-results" || key === "arc-authentication-results") {
      for (const m of f.value.matchAll(AUTH_USER)) addName(m[1]);
    }
  }
  for (const h of analysis.hops) if (h.for && !h.for.includes("@")) addName(h.for);
  return { names: [...names].sort((a, b) => b.length - a.length), hosts, ips, submission, lists };
}

function namesOfList({ mailboxes, groups }: { mailboxes: { name: string; comments: string[] }[]; groups: string[] }, add: (n: string) => void): void {
  for (const g of groups) add(g);
  for (const m of mailboxes) {
    if (m.name !== "") add(m.name);
    for (const c of m.comments) add(c);
  }
}

/** X-Originating-IP: [198.51.100.23] → an IP; X-Authenticated-User: jdoe → a name. */
function identityValues(value: string, addName: (n: string) => void, addIp: (ip: string) => void): void {
  for (const token of value.split(/[\s,;()]+/)) {
    if (token === "") continue;
    if (normaliseIp(token) !== null) addIp(token);
    else if (!token.includes("@")) addName(token);
  }
}
