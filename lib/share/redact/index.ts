/**
 * Redaction of an Analysis before it is stored (share with "redact": true). Removes what
 * identifies people, keeps what explains the route.
 *
 * Gone: email local parts ("•••@example.com"; domains stay), display names and comments of address
 * headers, `for <…>` recipients, SMTP AUTH user names, the submitting client (IP, HELO and
 * reverse-DNS name of each hop where a client handed the message in), identity headers
 * (X-Originating-IP, X-Authenticated-User, …) and the IPs they name, Message-ID local parts,
 * DKIM/ARC b=/bh=/z= values.
 * Kept: servers (including every host of a known operator, even as a submission client), domains,
 * timestamps, TLS, protocols, relay types, operators, authentication results.
 *
 * Two steps: the personal values are collected once (collect.ts); then the known places are
 * rewritten (summary, hops, headers by name) and a final pass masks those same VALUES in EVERY
 * string of the object (names, hosts, IPs, address local parts), so a copy in another field, in
 * the raw header next to a masked card, or in a field added later to the contract goes too. Only
 * the enumerations in KEEP_KEYS are left alone. The input is not modified.
 *
 * Known gaps, stated plainly: a person's name written somewhere without being a display name,
 * user name or host (say, in the Subject alone) stays; a submission client that no hop marks as
 * one (no AUTH, no submission protocol, chain classified) is not masked.
 */
import type { Analysis, Hop } from "@/lib/analysis/types";
import { readAddressList, redactAddressList } from "./address-list";
import { ADDRESS_HEADERS, IDENTITY_HEADERS, clientIsProvider, collectPersonalValues, type PersonalValues } from "./collect";
import { maskIps } from "./ip-text";
import { MASK } from "./mask";
import { maskAddresses } from "./mask-text";
import { indexNames, maskHosts, maskNames, type NameIndex } from "./mask-values";

export { displayNames } from "./display-names";
export { redactAddressList } from "./address-list";

/** Signature headers whose b= (signature), bh= (body hash) and z= (copied headers) tags go. */
const SIGNATURE_HEADERS = new Set([
  "dkim-signature", "arc-message-signature", "arc-seal", "domainkey-signature", "x-google-dkim-signature",
]);
const SIGNATURE_TAG = /^\s*(?:bh|b|z)\s*=/i;

const RECEIVED_HEADERS = new Set(["received", "x-received"]);

/**
 * Keys whose strings are enumerations or provider facts, never personal: a display name such as
 * "Google" or "Microsoft" must not turn hops[].operator into "•••". Header names stay too.
 */
const KEEP_KEYS = new Set(["name", "relayType", "operator", "with", "code", "severity", "version", "cipher", "result", "policy", "tls", "timestamp", "date", "vendor", "verdict", "tone", "source", "header"]);

/** What redaction took out, for the preview shown before a link is created (share-panel.tsx). */
export interface RedactionReport {
  /** Display names, group names and SMTP AUTH user names masked wherever they appear. */
  names: string[];
  /** The submitting client's host names (HELO, reverse DNS) masked wherever they appear. */
  hosts: string[];
  /** The submitting client's and identity headers' IP addresses masked wherever they appear. */
  ips: string[];
  /** Distinct email addresses whose local part was masked (domains stay). */
  addresses: number;
  /** Header fields masked whole (X-Originating-IP, X-Authenticated-User, …). */
  identityHeaders: string[];
  /** Signature headers whose b=/bh=/z= values were removed. */
  signatures: number;
}

export function redactAnalysis(analysis: Analysis): Analysis {
  return redactWithReport(analysis).analysis;
}

export function redactWithReport(analysis: Analysis): { analysis: Analysis; report: RedactionReport } {
  const values = collectPersonalValues(analysis);
  const structured: Analysis = {
    ...analysis,
    summary: {
      ...analysis.summary,
      from: analysis.summary.from === null ? null : redactList(analysis.summary.from, values),
      to: analysis.summary.to === null ? null : redactList(analysis.summary.to, values),
      messageId: analysis.summary.messageId === null ? null : maskAddresses(analysis.summary.messageId),
    },
    hops: analysis.hops.map((h) => redactHop(h, values.submission.has(h) && !clientIsProvider(h))),
    headers: analysis.headers.map((f) => ({ ...f, value: redactHeaderValue(f.name, f.value, values) })),
  };
  const names = indexNames(values.names);
  // hops[].raw and the Received header it came from are the same text: mask each distinct string once.
  const memo = new Map<string, string>();
  const redacted = finalPass(structured, "", { values, names, memo }) as Analysis;
  return { analysis: redacted, report: report(analysis, values) };
}

function report(analysis: Analysis, values: PersonalValues): RedactionReport {
  const addresses = new Set<string>();
  let signatures = 0;
  const identityHeaders: string[] = [];
  for (const f of analysis.headers) {
    const key = f.name.toLowerCase();
    if (SIGNATURE_HEADERS.has(key)) signatures++;
    if (IDENTITY_HEADERS.has(key) && f.value.trim() !== "" && !identityHeaders.includes(f.name)) identityHeaders.push(f.name);
    if (ADDRESS_HEADERS.has(key)) {
      for (const m of readAddressList(f.value, values.lists).mailboxes) if (m.address.includes("@")) addresses.add(m.address.toLowerCase());
    }
  }
  return { names: values.names, hosts: [...values.hosts], ips: [...values.ips], addresses: addresses.size, identityHeaders, signatures };
}

/** Redacted address lists of this redaction, by value (To and summary.to are the same text). */
const redactedLists = new WeakMap<PersonalValues, Map<string, string>>();

function redactList(value: string, values: PersonalValues): string {
  let cache = redactedLists.get(values);
  if (!cache) redactedLists.set(values, (cache = new Map()));
  let out = cache.get(value);
  if (out === undefined) cache.set(value, (out = redactAddressList(value, values.lists)));
  return out;
}

function redactHop(h: Hop, isSubmission: boolean): Hop {
  return {
    ...h,
    from: h.from && isSubmission ? { helo: h.from.helo && MASK, rdns: h.from.rdns && MASK, ip: h.from.ip && MASK } : h.from,
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
  const forMasked = raw.includes("for") || raw.includes("FOR") || raw.includes("For")
    ? raw.replace(FOR_CLAUSE, (_m, ws: string, who: string) => `for${ws}${who.startsWith("<") ? `<${maskRecipient(who.slice(1, -1))}>` : maskRecipient(who)}`)
    : raw;
  return /authenticated/i.test(forMasked) ? forMasked.replace(AUTH_USER, (_m, lead: string, who: string) => lead + maskRecipient(who)) : forMasked;
}

function redactHeaderValue(name: string, value: string, values: PersonalValues): string {
  const key = name.toLowerCase();
  if (ADDRESS_HEADERS.has(key)) return redactList(value, values);
  if (IDENTITY_HEADERS.has(key)) return value.trim() === "" ? value : MASK;
  if (SIGNATURE_HEADERS.has(key)) {
    return value
      .split(";")
      .map((tag) => (SIGNATURE_TAG.test(tag) ? `${tag.slice(0, tag.indexOf("=") + 1)}${MASK}` : tag))
      .join(";");
  }
  const v = RECEIVED_HEADERS.has(key) ? redactReceived(value) : value;
  return v.includes("auth=") ? v.replace(SMTP_AUTH, (_m, lead: string, who: string) => lead + maskRecipient(who)) : v;
}

interface Pass {
  values: PersonalValues;
  names: NameIndex;
  memo: Map<string, string>;
}

/** Strings shorter than this are not memoised (the look-up would cost more than the masking). */
const MEMO_MIN_CHARS = 256;

/** Masks the collected values in every string but the KEEP_KEYS enumerations. */
function finalPass(v: unknown, key: string, pass: Pass): unknown {
  if (typeof v === "string") {
    if (KEEP_KEYS.has(key)) return v;
    if (v.length < MEMO_MIN_CHARS) return maskString(v, pass);
    let out = pass.memo.get(v);
    if (out === undefined) pass.memo.set(v, (out = maskString(v, pass)));
    return out;
  }
  if (Array.isArray(v)) return v.map((item) => finalPass(item, key, pass));
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = finalPass(item, k, pass);
    return out;
  }
  return v;
}

function maskString(v: string, { values, names }: Pass): string {
  return maskAddresses(maskIps(maskHosts(maskNames(v, names), values.hosts), values.ips, MASK));
}
