import type { ParsedReceived } from "./types";
import type { Token } from "./tokenize";
import { tokenize, tokenizeComment } from "./tokenize";
import { locateDate } from "./locate-date";
import { normaliseHost } from "../net/host";
import { firstClause, isJunkHost, readBy, readFor, readId, readVia, readWith, splitClauses } from "./clauses";
import { readFrom, readFromComment } from "./from-part";
import { detectSoftware, detectSubmission } from "./software";
import { readEnvelopeFrom } from "./envelope";
import { parseMailDate } from "../message/dates";
import { detectAuthenticated, detectTls } from "./tls";
import { trimEnd } from "../text/trim";
import { MAX_RECEIVED_CHARS, MAX_RECEIVED_TOKENS } from "../limits";

/**
 * One Received header value (unfolded, without the field name) → what it says.
 * Grammar: RFC 5321 §4.4 (from/by/via/with/id/for clauses, then "; date"), read leniently:
 * clauses in any order, keywords in any case, comments anywhere. Written not to throw (build.ts
 * guards each header all the same); linear time.
 */
export function parseReceived(value: string): ParsedReceived {
  return parse(typeof value === "string" ? value : "");
}

/**
 * The tokens of one Received header that are read. Real headers have a few dozen parts in a few
 * hundred characters; a hostile one can carry 100 KiB of comments or brackets that each cost a
 * token and a parse (ten of them took ~2 s). Read are: the first MAX_RECEIVED_CHARS characters,
 * at most MAX_RECEIVED_TOKENS of their tokens, and the date after the last ";" (token offsets
 * stay offsets into the whole value). `cut` says whether anything was skipped.
 */
const DATE_TAIL_TOKENS = 32;
const DATE_TAIL_CHARS = 512;

function readTokens(value: string): { tokens: Token[]; cut: boolean } {
  const cutChars = value.length > MAX_RECEIVED_CHARS;
  const all = tokenize(cutChars ? value.slice(0, MAX_RECEIVED_CHARS) : value);
  let tokens = all;
  if (all.length > MAX_RECEIVED_TOKENS) {
    let semi = -1;
    for (let i = all.length - 1; i >= MAX_RECEIVED_TOKENS && semi < 0; i--) if (all[i]?.kind === "semi") semi = i;
    tokens = all.slice(0, MAX_RECEIVED_TOKENS);
    if (semi >= 0) tokens = tokens.concat(all.slice(semi, semi + DATE_TAIL_TOKENS));
  }
  if (cutChars) {
    const semi = value.lastIndexOf(";");
    if (semi >= MAX_RECEIVED_CHARS && value.length - semi <= DATE_TAIL_CHARS) {
      const tail = tokenize(value.slice(semi)).slice(0, DATE_TAIL_TOKENS);
      tokens = tokens.concat(tail.map((t) => ({ ...t, start: t.start + semi, end: t.end + semi })));
    }
  }
  return { tokens, cut: cutChars || all.length > MAX_RECEIVED_TOKENS };
}

function parse(raw: string): ParsedReceived {
  const value = stripDuplicateFieldName(raw);
  const { tokens, cut } = readTokens(value);
  const date = locateDate(value, tokens);
  // Tokens before date.tokenIndex are clauses, the rest the date part: read as ranges, not copies.
  const dateAt = date.tokenIndex;
  const set = splitClauses(tokens, dateAt);

  const fromClause = firstClause(set, "from");
  const leadFrom = leadFromComment(set.lead);
  const byClause = readBy(firstClause(set, "by"));
  const withValue = readWith(firstClause(set, "with"));
  const id0 = readId(firstClause(set, "id")) ?? idAfterDate(tokens, dateAt);
  // From-part comments hold host names ("(zimbra.example.com [127.0.0.1])"), not software banners.
  const software = detectSoftware({ comments: commentsOutside(set, "from"), withName: withValue.name, byHost: byClause?.host ?? null, id: id0 });
  const from = fromClause ? readFrom(fromClause.tokens, { exim: software === "Exim", qmail: qmailStamp(withValue.name, byClause, firstClause(set, "by"), value, date.text) }) : leadFrom;
  const by = byClause;
  const withExtras = laterWithWords(set, withValue.extras);
  const via = readVia(firstClause(set, "via"));
  const id = id0;
  const recipients = readFor(set);

  const comments: string[] = [];
  for (const t of tokens) if (t.kind === "comment") comments.push(t.text);
  const allCommentTexts = withNested(comments);
  // Lower-cased once: the TLS, AUTH and submission readers all compare case-insensitively.
  const lowerComments = allCommentTexts.map(toLower);
  const tls = detectTls({ protocol: withValue.protocol, withWords: withExtras, comments: allCommentTexts, lowerComments, via });
  // A vendor banner ("Microsoft SMTP Server") contains "SMTP" but says nothing about SMTP AUTH:
  // the contract's false is for plain RFC 3848 tokens only, so banners are read as a whole (→ null).
  const authProtocol = withValue.name && /\s/.test(withValue.name) ? withValue.name : withValue.protocol;
  const authenticated = detectAuthenticated(authProtocol, lowerComments, extrasOutsideWith(set));

  const dateText = date.text === null ? null : trimDateText(value, tokens, dateAt, date.text);
  const timestamp = dateText === null ? null : parseMailDate(dateText);
  const withName = withValue.name === null ? null : withValue.name.toUpperCase();

  const problems: ParsedReceived["problems"] = [];
  if (dateText === null) problems.push("missing-date");
  else if (timestamp === null) problems.push("unreadable-date");
  if (!from && !by && withName === null && id === null && timestamp === null) problems.unshift("unreadable-header");
  if (hasJunkByHost(firstClause(set, "by"))) problems.push("junk-by-host");
  if (cut) problems.push("too-many-parts");

  const leadComments: string[] = [];
  for (const t of set.lead) if (t.kind === "comment") leadComments.push(t.text);
  return {
    from,
    by,
    via,
    with: withName,
    id,
    for: recipients.length > 0 ? recipients.join(", ") : null,
    envelopeFrom: readEnvelopeFrom(tokens, set),
    dateText,
    timestamp,
    tls,
    authenticated,
    submission: detectSubmission({
      comments: allCommentTexts,
      lowerComments,
      lead: leadComments,
      withName: withValue.name,
      via,
      authenticated,
    }),
    software,
    comments,
    // Sendmail writes it in a comment: "(host [ip] (may be forged))".
    mayBeForged: lowerComments.some((c) => c.length >= 12 && c.includes("may be forged")),
    problems,
  };
}

const toLower = (s: string) => s.toLowerCase();

/** qmail's date822fmt: "1 Dec 1997 17:50:04 -0000" (no weekday, always UTC written as -0000). */
const QMAIL_DATE = /^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} -0000$/;

/**
 * The header is qmail-smtpd's own stamp (received.c): "… by HOST with SMTP; <date822fmt>", the by
 * part a bare name, the protocol SMTP (or a patched qmail's ESMTP variants).
 */
function qmailStamp(withName: string | null, by: { host: string | null } | null, byClause: ReturnType<typeof firstClause>, value: string, dateText: string | null): boolean {
  if (dateText === null || !QMAIL_DATE.test(dateText) || by?.host == null) return false;
  if (withName === null || !/^E?SMTP(?:S?A|S)?$/i.test(withName)) return false;
  return byClause !== null && byClause.tokens.length === 1 && value.length < 400;
}

/** The first with clause's extra words, then every word of later with clauses (a second "with STARTTLS"). */
function laterWithWords(set: ReturnType<typeof splitClauses>, first: string[]): string[] {
  const out = first.slice();
  let seen = false;
  for (const c of set.clauses) {
    if (c.name !== "with") continue;
    if (!seen) {
      seen = true;
      continue;
    }
    for (const t of c.tokens) if (t.kind === "word") out.push(t.text);
  }
  return out;
}

/**
 * The by clause names no server: it starts with a word that is no name at all (readBy left
 * by.host null for it), or holds nothing but comments ("by  (Postfix) with ESMTPA", "by ;": no
 * real MTA writes its stamp without its own name; forged spam headers do).
 */
function hasJunkByHost(clause: ReturnType<typeof firstClause>): boolean {
  if (clause === null) return false;
  if (clause.tokens.every((t) => t.kind === "comment")) return true;
  const first = clause.tokens[0];
  if (first.kind !== "word") return false;
  const host = normaliseHost(first.text);
  return host !== null && isJunkHost(host);
}

/**
 * Courier writes the queue id after the date, on a continuation line:
 * "… by host with esmtp; Sat, 11 Dec 2010 02:07:06 +0900\n  id 0F1BC0E0.4D025E3A.00001792".
 */
function idAfterDate(tokens: Token[], from: number): string | null {
  for (let i = from; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t?.kind === "word" && t.text.toLowerCase() === "id" && next?.kind === "word") {
      const v = trimEnd(next.text, ",;").trim();
      return v.length > 0 ? v : null;
    }
  }
  return null;
}

/** "Received: Received from …" (SMTP.com Caffeine relay) or a pasted "Received:" prefix. */
function stripDuplicateFieldName(v: string): string {
  let i = 0;
  while (i < v.length && i < 40 && /\s/.test(v[i] ?? "")) i++;
  if ((v.charCodeAt(i) | 32) !== 114 /* r */) return v;
  const m = /^\s*received:?[ \t]+/i.exec(v.slice(0, 40));
  return m ? v.slice(m[0].length) : v;
}

/** Sendmail/NAVGW write the from part as a leading comment: "(from user@localhost)", "(from localhost [ip])". */
function leadFromComment(lead: Token[]): ParsedReceived["from"] {
  for (const t of lead) {
    if (t.kind !== "comment" || !/^from\s/i.test(t.text)) continue;
    const f = readFromComment(t.text.slice(5), false);
    return { helo: null, rdns: f.rdns ?? null, ip: f.ip ?? null };
  }
  return null;
}

/** Nested comment texts too, one level down: Sendmail "(host [ip] (may be forged))", Postfix "(… (256/256 bits))". */
function withNested(comments: string[]): string[] {
  const out: string[] = [];
  for (const c of comments) {
    out.push(c);
    if (!c.includes("(")) continue;
    for (const t of tokenizeComment(c)) if (t.kind === "comment") out.push(t.text);
  }
  return out;
}

/** Top-level comment texts outside the named clause, the by clause's first. */
function commentsOutside(set: ReturnType<typeof splitClauses>, skip: string): string[] {
  const byFirst: string[] = [];
  const rest: string[] = [];
  for (const t of set.lead) if (t.kind === "comment") rest.push(t.text);
  for (const c of set.clauses) {
    if (c.name === skip) continue;
    for (const t of c.tokens) if (t.kind === "comment") (c.name === "by" ? byFirst : rest).push(t.text);
  }
  return [...byFirst, ...rest];
}

/** Bare words after the id (Haraka writes "id X envelope-from <…> (authenticated bits=0)"). */
function extrasOutsideWith(set: ReturnType<typeof splitClauses>): string[] {
  const out: string[] = [];
  for (const c of set.clauses) {
    if (c.name !== "id") continue;
    for (const t of c.tokens.slice(1)) if (t.kind === "word") out.push(t.text);
  }
  return out;
}

/**
 * The date text without trailing comments that are not part of the date: keep a zone comment
 * such as "(UTC)", "(PDT)", "(-03)", drop Postmark's "(envelope-from <…>)" after the date.
 */
function trimDateText(value: string, tokens: Token[], from: number, found: string): string {
  // Leading comments are not the date (IBM: "…; (version=TLSv1/SSLv3 cipher=…) Wed, 8 Mar 2017 …").
  let firstAt = from;
  while (firstAt < tokens.length && (tokens[firstAt].kind === "semi" || tokens[firstAt].kind === "comment")) firstAt++;
  const first = tokens[firstAt];
  if (!first) return found;
  let end = first.end;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.start < first.start) continue;
    if (t.kind === "comment") {
      if (/^[A-Za-z0-9+-]{1,8}$/.test(t.text)) end = t.end;
      break;
    }
    end = t.end;
  }
  const text = value.slice(first.start, end).trim();
  return text.length > 0 ? text : found;
}

/** What a Received header that could not be read at all says: nothing, and that it is unreadable. */
export function unreadableReceived(): ParsedReceived {
  return {
    from: null, by: null, via: null, with: null, id: null, for: null, envelopeFrom: null,
    dateText: null, timestamp: null, tls: { encrypted: null, version: null, cipher: null },
    authenticated: null, submission: null, software: null, comments: [], mayBeForged: false,
    problems: ["unreadable-header"],
  };
}
