import type { HopTls } from "../types";
import { protocolInfo } from "./protocols";

/**
 * TLS and SMTP AUTH evidence in one Received header.
 *
 * Signs of TLS, by the software that writes them:
 *   RFC 3848 / RFC 6531 protocol tokens  ESMTPS, ESMTPSA, LMTPS, LMTPSA, UTF8SMTPS, UTF8SMTPSA; SMTPS (Google, Zoho, Yahoo)
 *   Postfix     "(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) …)"
 *   Sendmail, Proofpoint, Barracuda, Haraka, Google
 *               "(version=TLSv1.3 cipher=… bits=256 verify=NO)", "(version=TLS1_3 cipher=… bits=…)"
 *   Microsoft   "with Microsoft SMTP Server (version=TLS1_2, cipher=…)" or "(TLS)"
 *   Exim ≥4.92  "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384"; 4.8x "(TLSv1.3:TLS_AES_…:256)";
 *               GnuTLS "(TLS-1.0:DHE_RSA_3DES_EDE_CBC_SHA:24)"; Exim 3 "(Cipher TLSv1:DES-CBC3-SHA:168)"
 *   Courier     "(TLS: TLSv1/SSLv3, 168bits,DES-CBC3-SHA)"
 *   IronPort    "with ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384"
 *   Mimecast    "with ESMTP with STARTTLS (version=TLSv1.2, cipher=…)"
 *   ecelerity   "with ESMTPS (cipher=…)"; MessageLabs "with AES128-SHA encrypted SMTP"; "via SSL"
 *   Google      "(Google Transport Security)"; CommuniGate "ESMTP-TLS"; IceWarp "with SMTP (SSL)"
 *
 * Decisions where nothing is written (the token table is protocols.ts):
 *   - Plain SMTP/ESMTP/ESMTPA/LMTP/LMTPA/UTF8SMTP tokens with no sign → encrypted false (RFC 3848
 *     defines the "S" suffix exactly to record TLS, so its absence is a statement).
 *   - "with Microsoft SMTP Server id 15.x" with no "(TLS)"/"(version=…)" → false: Exchange 2013+
 *     always appends the TLS part when the session used TLS, so its absence means plain SMTP.
 *     Exchange 2010 ("id 14.x") wrote "(TLS)" the same way.
 *   - "with Microsoft SMTPSVC(…)" (IIS) and Exchange 5.5 "Internet Mail Service" never record TLS → null.
 *   - "with HTTPS" → true. "with HTTP", "with HTTPREST" (Gmail API) and "with mapi" → null: the token
 *     names the application protocol, not whether its transport was encrypted.
 *   - Anything else (local, IMAP, POP3, ECSTREAM, vendor words) → null unless a comment says so.
 */

/** What the Received parser hands over: the protocol words and all comment/extra texts. */
export interface TlsEvidence {
  /** The protocol token of the first with clause, as written (e.g. "esmtps", "Microsoft SMTP Server"). */
  protocol: string | null;
  /** Further words of with clauses (Exim "tls CIPHER", a second "with STARTTLS", MessageLabs "… encrypted SMTP"). */
  withWords: string[];
  /** Texts of every comment (without the outer parentheses). */
  comments: string[];
  /** The same texts lower-cased, index by index. */
  lowerComments: string[];
  /** The via clause, e.g. "SSL" in "with ESMTP via SSL". */
  via: string | null;
}

/** Detects TLS from the protocol token, comments and extra words. */
export function detectTls(ev: TlsEvidence): HopTls {
  const result: HopTls = { encrypted: null, version: null, cipher: null };
  const proto = (ev.protocol ?? "").toUpperCase();
  const slash = proto.indexOf("/TLS/"); // IronPort "ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384"
  if (slash >= 0 && ev.protocol) {
    result.encrypted = true;
    result.cipher = ev.protocol.slice(slash + 5) || null;
  } else if (protocolInfo(proto)?.tls === true) result.encrypted = true;

  for (let i = 0; i < ev.comments.length; i++) readComment(ev.comments[i], ev.lowerComments[i], result);
  readWithWords(ev.withWords, result);
  const via = (ev.via ?? "").toUpperCase();
  if (via === "SSL" || via === "TLS" || via === "STARTTLS") result.encrypted = true;

  if (result.encrypted === null && (result.version !== null || result.cipher !== null)) result.encrypted = true;
  if (result.encrypted === null) {
    const base = proto.startsWith("MICROSOFT SMTP SERVER") ? "MICROSOFT SMTP SERVER" : proto;
    if (protocolInfo(base)?.tls === false || base === "MICROSOFT SMTP SERVER") result.encrypted = false;
  }
  return result;
}

/**
 * SMTP AUTH: true when recorded, false when the protocol token says plain, null when unknown.
 * `lowerComments`: every comment text, lower-cased.
 */
export function detectAuthenticated(protocol: string | null, lowerComments: string[], withWords: string[]): boolean | null {
  const full = (protocol ?? "").toUpperCase();
  const slash = full.indexOf("/"); // IronPort "ESMTP/TLS/…": the protocol is before the first "/"
  const proto = slash > 0 ? full.slice(0, slash) : full;
  const info = protocolInfo(proto);
  if (info?.auth === true) return true;
  for (const c of lowerComments) if (commentSaysAuthenticated(c)) return true;
  for (let i = 0; i < withWords.length; i++) {
    // Haraka writes "(authenticated bits=0)" but some relays write it bare after the id.
    if ((withWords[i] ?? "").toLowerCase() === "authenticated") return true;
  }
  return info?.auth === false ? false : null;
}

/** `t`: a comment text, lower-cased. */
function commentSaysAuthenticated(t: string): boolean {
  return (
    t.startsWith("authenticated sender:") || // Postfix smtpd_sasl_authenticated_header
    t.startsWith("authenticated as ") ||
    t.startsWith("authenticated bits=") || // Sendmail, Haraka
    t === "authenticated" ||
    t.startsWith("auth: ") || // Courier "(AUTH: user)"
    t.startsWith("account ") || // CommuniGate "(account name [ip] verified)"
    t.includes("authenticated user") || // SquirrelMail, webmail
    t.endsWith(" with plain") || t.endsWith(" with login") || t.endsWith(" with cram-md5") // Yahoo qmail
  );
}

/** Reads the comment styles listed in the file comment. */
/**
 * Every comment form above names one of these; a comment without any (a host name and address,
 * a queue id, a software banner) is skipped before it is split into words.
 */
const TLS_MARK = /tls|ssl|cipher|version=|using|transport security/i;

function readComment(text: string, lower: string, out: HopTls): void {
  if (!TLS_MARK.test(text)) return;
  const words = splitWords(text);
  if (lower === "tls" || lower === "ssl") out.encrypted = true; // Microsoft "(TLS)", IceWarp "with SMTP (SSL)"
  if (lower.includes("google transport security")) out.encrypted = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    const lw = w.toLowerCase();
    const next = words[i + 1] ?? "";
    if (lw === "using" && normaliseVersion(next) !== undefined) {
      out.encrypted = true;
      out.version ??= normaliseVersion(next) ?? null;
    } else if (lw === "cipher" && i > 0 && (words[i - 1] ?? "").toLowerCase() === "with" && next) {
      out.cipher ??= trimPunct(next); // Postfix "with cipher X"
    } else if (lw.startsWith("version=")) {
      const v = normaliseVersion(trimPunct(w.slice(8)));
      if (v !== undefined) {
        out.encrypted = true;
        out.version ??= v;
      }
    } else if (lw.startsWith("cipher=")) {
      const c = trimPunct(w.slice(7));
      if (c) {
        out.encrypted = true;
        out.cipher ??= c;
      }
    } else if ((lw === "cipher" || lw === "tls_cipher") && next.includes(":")) {
      readColonTriple(next, out); // Exim 3 "(Cipher TLSv1:DES-CBC3-SHA:168)", "(tls_cipher TLS-1.0:…:32)"
    } else if (lw === "tls:") {
      out.encrypted = true; // Courier "(TLS: TLSv1/SSLv3, 168bits,DES-CBC3-SHA)"
      const last = text.slice(text.lastIndexOf(",") + 1).trim();
      if (last && !last.includes(" ")) out.cipher ??= last;
      const v = normaliseVersion(trimPunct(next));
      if (v !== undefined) out.version ??= v;
    } else if (lw === "starttls") {
      out.encrypted = true;
    } else if (w.includes(":") && normaliseVersion(w.slice(0, w.indexOf(":"))) !== undefined) {
      readColonTriple(w, out); // Exim "(TLSv1.3:TLS_AES_256_GCM_SHA384:256)"
    } else if (words.length === 1 && normaliseVersion(w) !== undefined) {
      out.encrypted = true; // Exim ≥4.92 "(TLS1.3)"
      out.version ??= normaliseVersion(w) ?? null;
    }
  }
}

function readColonTriple(w: string, out: HopTls): void {
  const parts = w.split(":");
  const v = normaliseVersion(parts[0] ?? "");
  if (v === undefined) return;
  out.encrypted = true;
  out.version ??= v;
  const c = trimPunct(parts[1] ?? "");
  if (c) out.cipher ??= c;
}

function readWithWords(words: string[], out: HopTls): void {
  for (let i = 0; i < words.length; i++) {
    const lw = (words[i] ?? "").toLowerCase();
    const next = words[i + 1] ?? "";
    if (lw === "tls" && next) {
      out.encrypted = true; // Exim ≥4.92: "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384"
      out.cipher ??= trimPunct(next);
    } else if (lw === "starttls" || lw === "ssl" || lw === "tls") {
      out.encrypted = true; // Mimecast "with ESMTP with STARTTLS"
    } else if (lw === "encrypted" && i > 0) {
      out.encrypted = true; // MessageLabs "with ECDHE-RSA-AES256-GCM-SHA384 encrypted SMTP"
      out.cipher ??= words[i - 1] ?? null;
    }
  }
}

/**
 * "TLSv1.3", "TLS1_3", "TLS1.3", "TLS-1.3", "TLSv1" → "TLSv1.3"/"TLSv1.0"…; "SSLv3" → "SSLv3".
 * Returns null for a recognisable but ambiguous value ("TLSv1/SSLv3", OpenSSL's cipher-class name),
 * undefined when the text is not a version at all.
 */
export function normaliseVersion(text: string): string | null | undefined {
  const t = text.trim();
  if (/^TLSv1\/SSLv3$/i.test(t)) return null;
  const m = /^(TLS|SSL)v?[-_ ]?(\d)(?:[._](\d))?$/i.exec(t);
  if (!m) return undefined;
  const family = (m[1] ?? "").toUpperCase();
  const major = m[2] ?? "";
  const minor = m[3] ?? "0";
  if (family === "SSL") return major === "3" ? "SSLv3" : null;
  if (major !== "1" || !["0", "1", "2", "3"].includes(minor)) return null;
  return `TLSv1.${minor}`;
}

function trimPunct(s: string): string {
  let a = 0;
  let b = s.length;
  while (b > a && ",;)\"'".includes(s[b - 1] ?? "")) b--;
  while (a < b && "(\"'".includes(s[a] ?? "")) a++;
  return s.slice(a, b);
}

function splitWords(text: string): string[] {
  return text.split(/[\s()]+/).filter((w) => w.length > 0);
}
