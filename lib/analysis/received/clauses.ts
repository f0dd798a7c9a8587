import type { Token } from "./tokenize";
import { normaliseHost } from "../net/host";
import { parseIp } from "../net/ip";
import { isProtocolToken } from "./protocols";
import { tokenizeComment } from "./tokenize";
import { trimEnd, trimStart } from "../text/trim";

/**
 * Splitting a Received header into its clauses (RFC 5321 §4.4: from, by, via, with, id, for).
 *
 * Keywords count only as top-level words: the "with" inside Postfix's
 * "(using TLSv1.3 with cipher …)" and the "by" in qmail's "(qmail 1 invoked by uid 89)" live in
 * comments and never start a clause. The first clause of each kind wins; later repeats are kept
 * only where they carry meaning (a second "with STARTTLS", XMail/IBM's trailing "from <sender>").
 */

export type ClauseName = "from" | "by" | "via" | "with" | "id" | "for";

/** The clause keyword `w` is, in any case ("FROM", "By"), or null: read on char codes, no lower-casing. */
export function keywordOf(w: string): ClauseName | null {
  const n = w.length;
  if (n < 2 || n > 4) return null;
  const a = w.charCodeAt(0) | 32;
  const b = w.charCodeAt(1) | 32;
  if (n === 2) {
    if (a === 98 && b === 121) return "by";
    if (a === 105 && b === 100) return "id";
    return null;
  }
  const c = w.charCodeAt(2) | 32;
  if (n === 3) {
    if (a === 118 && b === 105 && c === 97) return "via";
    if (a === 102 && b === 111 && c === 114) return "for";
    return null;
  }
  const d = w.charCodeAt(3) | 32;
  if (a === 102 && b === 114 && c === 111 && d === 109) return "from";
  if (a === 119 && b === 105 && c === 116 && d === 104) return "with";
  return null;
}

export interface Clause {
  name: ClauseName;
  /** Tokens after the keyword up to the next keyword; ";" separators are dropped. */
  tokens: Token[];
}

export interface ClauseSet {
  /** Tokens before the first keyword (e.g. "(qmail 1 invoked by uid 89)", Sendmail "(from user@localhost)"). */
  lead: Token[];
  clauses: Clause[];
}

/** Groups top-level tokens (those before `end`) into clauses. Linear in the number of tokens. */
export function splitClauses(tokens: Token[], end: number = tokens.length): ClauseSet {
  const lead: Token[] = [];
  const clauses: Clause[] = [];
  let current: Clause | null = null;
  for (let i = 0; i < end; i++) {
    const t = tokens[i];
    const name = t.kind === "word" ? keywordOf(t.text) : null;
    if (name !== null) {
      current = { name, tokens: [] };
      clauses.push(current);
      continue;
    }
    if (t.kind === "semi") continue; // OpenSMTPD "…; by …; for …;" and Postfix "with;ESMTP"
    if (current) current.tokens.push(t);
    else lead.push(t);
  }
  return { lead, clauses };
}

export function firstClause(set: ClauseSet, name: ClauseName): Clause | null {
  for (const c of set.clauses) if (c.name === name) return c;
  return null;
}

/** Most words a multi-word with value may take ("Microsoft SMTP Server", "Internet Mail Service"). */
const MAX_WITH_WORDS = 3;

export interface WithValue {
  /** As written, words joined by one space; IronPort "ESMTP/TLS/…" cut to "ESMTP". Null when empty. */
  name: string | null;
  /** The word the TLS/AUTH rules read: a known protocol among the words, else the name. */
  protocol: string | null;
  /** Everything else in the clause (words only), e.g. Exim's "tls CIPHER". */
  extras: string[];
}

/** Reads the with clause value. */
export function readWith(clause: Clause | null): WithValue {
  if (!clause) return { name: null, protocol: null, extras: [] };
  const words: string[] = [];
  let k = 0;
  while (k < clause.tokens.length && words.length < MAX_WITH_WORDS) {
    const t = clause.tokens[k];
    if (!t || t.kind !== "word") break;
    words.push(t.text);
    k++;
    // A leading protocol token stands alone ("with ESMTP id …"); inside a product name it does not
    // ("with Microsoft SMTP Server").
    if (words.length === 1 && isProtocolToken(t.text)) break;
  }
  const extras: string[] = [];
  for (let j = k; j < clause.tokens.length; j++) {
    const t = clause.tokens[j];
    if (t && t.kind === "word") extras.push(t.text);
  }
  // MessageLabs: "with ECDHE-RSA-AES256-GCM-SHA384 encrypted SMTP": protocol is the word after "encrypted".
  const enc = words.findIndex((w) => w.toLowerCase() === "encrypted");
  if (enc > 0 && enc + 1 < words.length) {
    return { name: words.slice(enc + 1).join(" "), protocol: words[enc + 1] ?? null, extras: words };
  }
  if (words.length === 0) {
    // Exchange 5.5 / SMTPSVC write "with Microsoft SMTPSVC(6.0…)": the word ends at "(".
    return { name: null, protocol: null, extras };
  }
  const first = words[0] ?? "";
  const slash = first.toUpperCase().indexOf("/TLS/");
  if (slash > 0) {
    // IronPort: the protocol is "ESMTP"; the rest is the TLS record handed to tls.ts.
    return { name: first.slice(0, slash), protocol: first, extras };
  }
  const known = words.find((w) => isProtocolToken(w));
  // A product or host word before the protocol token, and nothing after it: MailEnable's
  // "with MailEnable ESMTPA", IBM's "with smtp.notes.example.com ESMTP". The token is the protocol
  // (a three-word banner such as "Microsoft SMTP Server" stays whole).
  const second = words[1];
  if (words.length === 2 && extras.length === 0 && second && isProtocolToken(second) && !isProtocolToken(first)) {
    return { name: second, protocol: second, extras };
  }
  const name = words.join(" ");
  return { name, protocol: known ?? name, extras };
}

/** First word/angle/literal of a clause as plain text (the id, via host …). */
export function firstValue(clause: Clause | null): Token | null {
  if (!clause) return null;
  for (const t of clause.tokens) {
    if (t.kind === "comment") continue;
    return t;
  }
  return null;
}

/** The id: first token after "id", angle brackets removed ("<19AF8VY2>" → "19AF8VY2"). */
export function readId(clause: Clause | null): string | null {
  const t = firstValue(clause);
  if (!t || t.kind === "comment") return null;
  const v = trimEnd(t.text, ",;").trim();
  return v.length > 0 ? v : null;
}

/** The via value: consecutive words ("Frontend Transport", "SN1PR15CA0024.NAMPRD15.PROD.OUTLOOK.COM"). */
export function readVia(clause: Clause | null): string | null {
  if (!clause) return null;
  const words: string[] = [];
  for (const t of clause.tokens) {
    if (t.kind !== "word" || words.length >= MAX_WITH_WORDS) break;
    words.push(trimEnd(t.text, ","));
  }
  return words.length > 0 ? words.join(" ") : null;
}

/** Envelope recipients of the for clause(s): "<a@b>", "a@b", several separated by commas. */
export function readFor(set: ClauseSet): string[] {
  const out: string[] = [];
  for (const c of set.clauses) {
    if (c.name !== "for") continue;
    for (const t of c.tokens) {
      if (t.kind === "comment") continue;
      if (t.kind === "angle") {
        if (t.text.length > 0) out.push(t.text);
        continue;
      }
      if (t.kind === "word") {
        const w = trimEnd(trimStart(t.text, ",<"), ",;>");
        if (w.includes("@")) out.push(w);
        continue;
      }
      break; // a literal or quoted string ends the recipient list
    }
    if (out.length > 0) break;
  }
  return out;
}

/** The by part: host lower-case without trailing dot; IP from a following "(ip)", "[ip]" or "(name [ip])". */
export function readBy(clause: Clause | null): { host: string | null; ip: string | null } | null {
  if (!clause) return null;
  let host: string | null = null;
  let ip: string | null = null;
  const first = clause.tokens[0];
  let k = 0;
  if (first && first.kind === "word") {
    host = normaliseHost(first.text);
    // Junk where the name goes ("by : HOSTING RELAY :", "by - with"): no host (parse-received.ts
    // reports it as junk-by-host).
    if (host !== null && isJunkHost(host)) host = null;
    // A dotted-quad by host is an address (HubSpot, Gmail legacy "by 10.28.50.2"); Gmail's
    // "2002:a05:…" by names only look like IPv6 and stay a host name (they are internal ids).
    if (host && host.includes(".") && !host.includes(":")) ip = parseIp(host);
    k = 1;
  } else if (first && first.kind === "literal") {
    ip = parseIp(first.text); // Raptor "by [165.224.43.143] via smtpd"
    host = ip ? null : normaliseHost(first.text);
    k = 1;
  } else if (first && first.kind === "angle") {
    k = 1; // "by <server>": a redacted placeholder, no host
  }
  for (let j = k; j < clause.tokens.length && ip === null; j++) {
    const t = clause.tokens[j];
    if (!t) break;
    if (t.kind === "literal") ip = parseIp(t.text);
    else if (t.kind === "comment") ip = ipInComment(t.text);
  }
  if (host === null && ip === null) return { host: null, ip: null };
  return { host, ip };
}

/** A by "name" without a single letter or digit: ":", "-", "*". */
export function isJunkHost(host: string): boolean {
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) return false;
  }
  return true;
}

/**
 * The address in a short by-comment: "(10.152.93.134)", "(209.32.147.34:25)", "(mrgmx104 [212.227.17.174])",
 * "([fe80::1%6])". A bare dotted word counts only when it stands first, so software banners such as
 * "(KumoMTA 10.13.176.43)" or "(ecelerity 2.1.1.3 r(11743))" are never read as addresses.
 */
function ipInComment(text: string): string | null {
  const inner = tokenizeComment(text);
  if (inner.length > 3) return null;
  for (let i = 0; i < inner.length; i++) {
    const t = inner[i];
    if (!t) continue;
    if (t.kind === "literal" || (t.kind === "word" && i === 0)) {
      const ip = parseIp(t.text);
      if (ip) return ip;
    }
  }
  return null;
}
