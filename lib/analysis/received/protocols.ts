/**
 * The one table of `with` protocol tokens and what each says by itself (before any comment is read).
 *
 * Sources: the IANA "WITH Protocol Types" registry (RFC 3848: ESMTPA/ESMTPS/ESMTPSA and the LMTP
 * forms; RFC 6531: the UTF8SMTP/UTF8LMTP forms), whose "S" suffix records TLS and "A" suffix SMTP
 * AUTH, so their absence is a statement too; Exim's protocol names (local-smtp, local-esmtp,
 * local-bsmtp, asmtp for authenticated non-extended SMTP); and the tokens providers write
 * (Google/Zoho/Yahoo "SMTPS" for implicit TLS, CommuniGate "ESMTP-TLS", HTTP/HTTPS/HTTPREST for
 * webmail and APIs, Exchange "mapi", fetchmail's POP3/IMAP re-injection).
 */
import { memoRecent } from "../memo";

export interface ProtocolInfo {
  /** true: the token records TLS; false: a plain SMTP-family token (no TLS unless a comment says so); null: says nothing. */
  tls: boolean | null;
  /** true: the token records SMTP AUTH; false: an SMTP-family token without "A"; null: says nothing. */
  auth: boolean | null;
  /** The token means a client or program handed the message in: webmail/API, MAPI, or a local program. */
  submission: "http" | "mapi" | "local" | null;
  /** The token means delivery into a mailbox store (LMTP, local delivery). */
  delivery: boolean;
  /** fetchmail re-injected a message it fetched from a mailbox server over POP3/IMAP. */
  fetched: boolean;
}

const TABLE = new Map<string, ProtocolInfo>();

function add(token: string, info: Partial<ProtocolInfo>): void {
  TABLE.set(token, { tls: null, auth: null, submission: null, delivery: false, fetched: false, ...info });
}

// The SMTP family: each base with the RFC 3848 suffixes "", "A", "S", "SA".
for (const base of ["SMTP", "ESMTP", "UTF8SMTP", "LMTP", "UTF8LMTP"]) {
  const delivery = base.endsWith("LMTP");
  for (const suffix of ["", "A", "S", "SA"]) {
    add(base + suffix, { tls: suffix.includes("S"), auth: suffix.includes("A"), delivery });
  }
}
// Exim: a local program speaking SMTP on stdin (-bs, -bS); "asmtp" is authenticated plain SMTP.
for (const base of ["LOCAL-SMTP", "LOCAL-ESMTP", "LOCAL-BSMTP"]) {
  for (const suffix of ["", "A", "S", "SA"]) {
    add(base + suffix, { tls: suffix.includes("S"), auth: suffix.includes("A"), submission: "local" });
  }
}
add("ASMTP", { tls: false, auth: true });
add("ASMTPS", { tls: true, auth: true });
add("ESMTP-TLS", { tls: true, auth: false }); // CommuniGate Pro
add("BSMTP", {}); // batched SMTP: a file or pipe, nothing about the wire
add("HTTP", { submission: "http" }); // says nothing about the transport's encryption
add("HTTPREST", { submission: "http" }); // Gmail API
add("HTTPS", { tls: true, submission: "http" });
add("MAPI", { submission: "mapi" }); // Exchange: Outlook over MAPI
add("LOCAL", { submission: "local", delivery: true });
for (const t of ["POP3", "POP3S", "IMAP", "IMAP4", "IMAPS", "IMAP4S"]) add(t, { fetched: true });
for (const t of ["ECSTREAM", "DSN", "QMQP", "UUCP", "MMS"]) add(t, {});

/**
 * HTTP with its version, as webmail front ends write it: Deutsche Telekom's t-online.de webmail
 * "with HTTP/1.1" (also "HTTP/1.0", "HTTP/2"). The same as "HTTP": a webmail/API submission.
 */
const HTTP_VERSION = /^HTTPS?\/\d(?:\.\d)?$/;

/**
 * The last few tokens looked up and their answers: the readers of a header ask about its token in
 * turn, and the chain's readers about neighbouring hops' tokens (a message has a handful).
 */
const lookup = memoRecent(lookupUncached, 4);

function lookupUncached(token: string): ProtocolInfo | undefined {
  const upper = token.toUpperCase();
  const hit = TABLE.get(upper);
  if (hit || upper.length > 10 || !HTTP_VERSION.test(upper)) return hit;
  return TABLE.get(upper.slice(0, upper.indexOf("/")));
}

/** What the token says (case-insensitive), or null when it is not a known protocol token. */
export function protocolInfo(token: string | null | undefined): ProtocolInfo | null {
  if (!token) return null;
  return lookup(token) ?? null;
}

/** True for a known single-word protocol token: a `with` value stops after it. */
export function isProtocolToken(word: string): boolean {
  return lookup(word) !== undefined;
}
