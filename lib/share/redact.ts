/**
 * Redaction of an Analysis before it is stored (share with "redact": true). Removes what
 * identifies people, keeps what explains the route:
 * - gone: email local parts ("•••@example.com", domains kept), display names, `for <…>` recipients,
 *   the submission client (IP, HELO and reverse-DNS name of the hop where a client handed the
 *   message in), Message-ID local parts, DKIM/ARC b=/bh=/z= values, SMTP AUTH user names,
 *   originating-IP/authenticated-user headers;
 * - kept: servers, timestamps, TLS, relay types, operators, authentication results.
 *
 * Three layers: secrets are collected first (display names, submission client), then the known
 * places are rewritten (summary, hops, headers by name), then a final pass masks addresses and the
 * secret IPs in EVERY string of the object, and display names in every free-text string, so a
 * field added later to the contract is still covered. The input is not modified.
 *
 * Known gaps, stated plainly: a person's name written somewhere other than a display name (say, in
 * the Subject without being in From/To) stays; a local-only user name that is neither after
 * "for", "Authenticated sender:"/"authenticated as" nor in smtp.auth= stays.
 */
import type { Analysis, Hop } from "@/lib/analysis/types";
import { MASK, maskAddresses, maskIps, maskLiterals, normaliseIp } from "./mask-text";

/** Header fields whose value is a list of addresses (possibly with display names). Lower-case. */
const ADDRESS_HEADERS = new Set([
  "from", "to", "cc", "bcc", "reply-to", "sender", "return-path", "delivered-to", "x-original-to",
  "resent-from", "resent-to", "resent-cc", "resent-bcc", "resent-sender", "envelope-to", "x-envelope-to",
  "x-envelope-from", "errors-to", "disposition-notification-to", "return-receipt-to", "x-sender",
  "x-receiver", "x-forwarded-to", "x-original-from", "x-google-original-from", "apparently-to",
  "x-apparently-to", "mail-followup-to", "mail-reply-to", "x-rcpt-to", "x-original-sender",
]);

/** Header fields that identify the submitting person or machine as a whole: masked entirely. */
const IDENTITY_HEADERS = new Set([
  "x-authenticated-user", "x-authenticated-sender", "x-auth-id", "x-authuser", "x-originating-ip",
  "x-originating-email", "x-ms-exchange-organization-originalclientipaddress", "x-sender-id", "x-user",
]);

/** Signature headers whose b= (signature), bh= (body hash) and z= (copied headers) tags go. */
const SIGNATURE_HEADERS = new Set([
  "dkim-signature", "arc-message-signature", "arc-seal", "domainkey-signature", "x-google-dkim-signature",
]);
const SIGNATURE_TAG = /^\s*(?:bh|b|z)\s*=/i;

const RECEIVED_HEADERS = new Set(["received", "x-received"]);

/** Protocol tokens that mean a client handed the message in (design.md, "submission"). */
const SUBMISSION_PROTOCOLS = new Set(["ESMTPA", "ESMTPSA", "LMTPA", "UTF8SMTPA", "UTF8SMTPSA", "HTTP", "HTTPS", "MAPI", "LOCAL"]);

/** Keys whose strings are prose or raw header text, where a display name may be quoted. */
const FREE_TEXT_KEYS = new Set(["value", "raw", "message", "subject", "from", "to", "messageId"]);

/** Received grammar words never treated as a display name (masking them would garble raw text). */
const NOT_NAMES = new Set(["from", "by", "via", "with", "id", "for", "smtp", "esmtp", "esmtps", "esmtpsa", "lmtp"]);

/** At most this many display names are collected (each one costs a scan of every string). */
const MAX_NAMES = 50;

export function redactAnalysis(analysis: Analysis): Analysis {
  const submission = submissionHops(analysis.hops);
  const ips = new Set<string>();
  const literals = new Set<string>();
  for (const h of submission) {
    const ip = h.from?.ip ? normaliseIp(h.from.ip) : null;
    if (ip) ips.add(ip);
    for (const name of [h.from?.helo, h.from?.rdns]) {
      const bare = name?.replace(/^\[|\]$/g, "");
      if (bare && bare.length > 2 && !normaliseIp(bare)) literals.add(bare);
    }
  }
  for (const f of analysis.headers) {
    if (ADDRESS_HEADERS.has(f.name.toLowerCase())) for (const n of displayNames(f.value)) literals.add(n);
  }
  for (const v of [analysis.summary.from, analysis.summary.to]) if (v) for (const n of displayNames(v)) literals.add(n);
  // Longest first, so "Jane Doe" goes before a shorter name contained in it.
  const names = [...literals].sort((a, b) => b.length - a.length).slice(0, MAX_NAMES);

  const structured: Analysis = {
    ...analysis,
    summary: {
      ...analysis.summary,
      from: analysis.summary.from === null ? null : redactAddressList(analysis.summary.from),
      to: analysis.summary.to === null ? null : redactAddressList(analysis.summary.to),
      messageId: analysis.summary.messageId === null ? null : maskAddresses(analysis.summary.messageId),
    },
    hops: analysis.hops.map((h) => redactHop(h, submission.has(h))),
    headers: analysis.headers.map((f) => ({ ...f, value: redactHeaderValue(f.name, f.value) })),
  };
  return finalPass(structured, "", ips, names) as Analysis;
}

/** Hops whose client is a person's machine: classified submission, or authenticated, or a submission protocol. */
function submissionHops(hops: readonly Hop[]): Set<Hop> {
  const out = new Set(hops.filter((h) => h.relayType === "submission" || h.authenticated === true || SUBMISSION_PROTOCOLS.has(h.with ?? "")));
  // While the chain is not classified, the earliest hop is where the message entered: err on privacy.
  if (out.size === 0 && hops[0]?.relayType === "unknown") out.add(hops[0]);
  return out;
}

function redactHop(h: Hop, isSubmission: boolean): Hop {
  return {
    ...h,
    from: h.from && isSubmission
      ? { helo: h.from.helo && MASK, rdns: h.from.rdns && MASK, ip: h.from.ip && MASK }
      : h.from,
    for: h.for === null ? null : maskRecipient(h.for),
    raw: redactReceived(h.raw),
  };
}

function maskRecipient(s: string): string {
  return s.includes("@") ? maskAddresses(s) : MASK;
}

const FOR_CLAUSE = /\bfor(\s+)(<[^<>]*>|[^\s<>;()]+)/gi;
const AUTH_USER = /\b(authenticated (?:sender|user|as|by)(?::\s*|\s+))([^\s;()]+)/gi;
const SMTP_AUTH = /\b(smtp\.auth=)([^\s;()]+)/gi;

/** A Received value: recipients after "for", SMTP AUTH user names. */
function redactReceived(raw: string): string {
  return raw
    .replace(FOR_CLAUSE, (_m, ws: string, who: string) => `for${ws}${who.startsWith("<") ? `<${maskRecipient(who.slice(1, -1))}>` : maskRecipient(who)}`)
    .replace(AUTH_USER, (_m, lead: string, who: string) => lead + maskRecipient(who));
}

function redactHeaderValue(name: string, value: string): string {
  const key = name.toLowerCase();
  if (ADDRESS_HEADERS.has(key)) return redactAddressList(value);
  if (IDENTITY_HEADERS.has(key)) return value.trim() === "" ? value : MASK;
  if (SIGNATURE_HEADERS.has(key)) {
    return value
      .split(";")
      .map((tag) => (SIGNATURE_TAG.test(tag) ? `${tag.slice(0, tag.indexOf("=") + 1)}${MASK}` : tag))
      .join(";");
  }
  const v = RECEIVED_HEADERS.has(key) ? redactReceived(value) : value;
  return v.replace(SMTP_AUTH, (_m, lead: string, who: string) => lead + maskRecipient(who));
}

/**
 * An address list becomes its masked addresses only: '"Jane Doe" <jane@example.com>, bob@x.org'
 * → "•••@example.com, •••@x.org". Display names and comments are dropped. "<>" stays.
 */
export function redactAddressList(value: string): string {
  const domains: string[] = [];
  let at = value.indexOf("@");
  while (at !== -1) {
    let end = at + 1;
    while (end < value.length && /[\w.\-]/.test(value[end])) end++;
    if (end > at + 1) domains.push(value.slice(at + 1, end));
    at = value.indexOf("@", end);
  }
  if (domains.length > 0) return domains.map((d) => `${MASK}@${d}`).join(", ");
  const t = value.trim();
  return t === "" || t === "<>" ? value : MASK;
}

/** Display names and comments of an address list: quoted strings, phrases before "<", "(comments)". */
export function displayNames(value: string): string[] {
  const names = new Set<string>();
  const add = (s: string) => {
    const n = s.replace(/\s+/g, " ").trim();
    if (n.length >= 2 && !n.includes("@") && !NOT_NAMES.has(n.toLowerCase())) names.add(n);
  };
  // Whole quoted names first ("Doe, John"), then what is left, split at list/group separators.
  let rest = value.replace(/"([^"]*)"/g, (_m, q: string) => {
    add(q.replaceAll("\\", ""));
    return " , ";
  });
  rest = rest.replace(/\(([^()]*)\)/g, (_m, c: string) => {
    add(c);
    return " , ";
  });
  rest = rest.replace(/<[^<>]*>/g, " , ");
  for (const part of rest.split(/[,;:]/)) {
    const words = part.split(/\s+/).filter((w) => w !== "" && !w.includes("@"));
    add(words.join(" "));
  }
  return [...names];
}

/** Masks addresses and secret IPs in every string; display names in free-text strings. */
function finalPass(v: unknown, key: string, ips: ReadonlySet<string>, names: readonly string[]): unknown {
  if (typeof v === "string") {
    const named = FREE_TEXT_KEYS.has(key) ? maskLiterals(v, names) : v;
    return maskAddresses(maskIps(named, ips));
  }
  if (Array.isArray(v)) return v.map((item) => finalPass(item, key, ips, names));
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = finalPass(item, k, ips, names);
    return out;
  }
  return v;
}
