/**
 * Address lists (RFC 5322 §3.4: From, To, Cc, Reply-To, Delivered-To, `for` clauses …): the one
 * reader in the engine. It is mailparser's own (`parseAddressHeader`, the nodemailer address
 * parser mailparser uses for every message it reads), so display names, quoted local parts,
 * comments and groups are handled the way a mail client sees them:
 * `"support@bank.example" <x@evil.example>` is ONE mailbox, x@evil.example, named "support@bank.example".
 *
 * Bounded: only the first MAX_ADDRESS_TEXT characters of a value are read (a 127 KB From list
 * takes the parser tens of milliseconds; its first 8 KiB hold far more addresses than an analysis
 * uses), and at most MAX_ADDRESSES mailboxes are returned.
 */
import { parseAddressHeader } from "mailparser";
import { domainOf } from "../net/domain";
import { decodeEncodedWords } from "../text/encoded-words";
import { memoPerAnalysis } from "../memo";

/** Characters of one header value given to the address parser. */
export const MAX_ADDRESS_TEXT = 8 * 1024;
/** Values whose mailboxes are remembered: one analysis reads From, To and the envelope several times. */
const RECENT = 64;
/** Mailboxes returned from one value. */
export const MAX_ADDRESSES = 50;

export interface Mailbox {
  /** Display name as decoded by the parser ("" when none). */
  name: string;
  /** The addr-spec ("local@domain"), as written. */
  address: string;
  /** Its domain, lower-case; null for an address literal or no domain. */
  domain: string | null;
}

interface ParsedEntry {
  name?: string;
  address?: string;
  group?: ParsedEntry[];
}

/**
 * The forms that need no parser: addr-specs, bare or in angle brackets, each with perhaps a plain
 * or wholly quoted display name before it, separated by commas ("a@b.example", "<a@b.example>",
 * "Jane <a@b.example>, \"Doe Jane\" <c@d.example>", "\"jane@b.example\" <a@b.example>"): no comments,
 * groups or escapes, and nothing in quotes that could hide a comma or a bracket. Most envelope values, Return-Path and
 * From/To lists look so. null when the value needs the real parser; the results equal the parser's
 * (tests/unit/addresses.test.ts compares them).
 */
function simpleMailboxes(value: string): Mailbox[] | null {
  if (value.length > 2048) return null;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34) {
      quoted = !quoted;
      continue;
    }
    // ( ) : ; \ [ ]: anything a real parser is needed for; in quotes also , @ < >
    if (c === 40 || c === 41 || c === 58 || c === 59 || c === 92 || c === 91 || c === 93) return null;
    if (quoted && (c === 44 || c === 60 || c === 62)) return null;
  }
  if (quoted) return null;
  const out: Mailbox[] = [];
  for (const part of value.split(",")) {
    if (part.trim() === "") continue;
    const m = simpleMailbox(part);
    if (!m) return null;
    out.push(m);
  }
  return out.slice(0, MAX_ADDRESSES);
}

function simpleMailbox(part: string): Mailbox | null {
  const open = part.indexOf("<");
  const close = part.indexOf(">");
  let name = "";
  let address: string;
  if (open >= 0) {
    if (close < open || part.indexOf("<", open + 1) >= 0 || part.slice(close + 1).trim() !== "") return null;
    name = part.slice(0, open).trim();
    address = part.slice(open + 1, close).trim();
    // An "@" in the name only inside quotes ('"support@bank.example" <x@evil.example>', as
    // Outlook writes a name that is an address); a bare one is the parser's to read.
    if (name.includes("@") && name[0] !== '"') return null;
  } else {
    if (close >= 0) return null;
    address = part.trim();
  }
  const at = address.indexOf("@");
  if (at < 0 || address.indexOf("@", at + 1) >= 0) return null;
  if (address.includes(" ") || address.includes("\t") || address.includes('"') || address.startsWith("@") || address.endsWith("@")) return null;
  if (name.includes('"')) {
    // Only a name quoted whole, with plain text inside ("\"Jane Doe\""), is read here.
    const inner = name.slice(1, -1);
    if (name.length < 2 || name[0] !== '"' || name[name.length - 1] !== '"' || inner.includes('"') || inner.trim() !== inner || /\s\s/.test(inner)) return null;
    name = inner;
  }
  // A name that is the address itself is no name (the parser's rule: '"a@b.example" <a@b.example>').
  if (name === address) name = "";
  // An encoded-word display name (RFC 2047 §5) is decoded, as the parser would.
  if (name.includes("=?")) name = decodeEncodedWords(name);
  return { name, address, domain: domainOf(address.slice(address.lastIndexOf("@") + 1)) };
}

/** The mailboxes of an address-list value, groups flattened, in order. Never throws. */
export { simpleMailboxes };

export function parseMailboxes(value: string | null | undefined): readonly Mailbox[] {
  if (!value || !value.includes("@")) return [];
  return mailboxesOf(value);
}

const mailboxesOf = memoPerAnalysis((value: string): readonly Mailbox[] => {
  const simple = simpleMailboxes(value);
  return simple ? Object.freeze(simple) : parseList(value);
}, RECENT);

/** The real parser's reading (exported for the test that holds the fast path to it). */
export function parseList(value: string): readonly Mailbox[] {
  const cut = value.length > MAX_ADDRESS_TEXT;
  let entries: ParsedEntry[];
  try {
    entries = parseAddressHeader(cut ? value.slice(0, MAX_ADDRESS_TEXT) : value, { flatten: true, decodePunycode: false }).value;
  } catch {
    return []; // the parser does not throw on content; a value it cannot read has no mailboxes
  }
  // A value cut mid-list: its last entry may be a fragment of an address.
  if (cut && entries.length > 1) entries = entries.slice(0, -1);
  const out: Mailbox[] = [];
  for (const e of entries) {
    if (out.length >= MAX_ADDRESSES) break;
    const address = (e.address ?? "").trim();
    if (!address.includes("@")) continue;
    const d = address.slice(address.lastIndexOf("@") + 1);
    out.push(Object.freeze({ name: (e.name ?? "").trim(), address, domain: d.startsWith("[") ? null : domainOf(d) }));
  }
  return Object.freeze(out);
}

/**
 * The domain of the first mailbox of an address header (the From domain DMARC aligns with,
 * RFC 7489 §3.1), lower-case; null when there is none or it is an address literal.
 */
export function addressDomain(value: string | null | undefined): string | null {
  for (const m of parseMailboxes(value)) if (m.domain) return m.domain;
  return null;
}

/** Domains of every mailbox in the value, in order, without repeats. */
export function addressDomains(value: string | null | undefined): string[] {
  const out: string[] = [];
  for (const m of parseMailboxes(value)) if (m.domain && !out.includes(m.domain)) out.push(m.domain);
  return out;
}
