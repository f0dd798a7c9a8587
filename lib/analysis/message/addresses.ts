/**
 * Address lists (RFC 5322 §3.4: From, To, Cc, Reply-To, Delivered-To, `for` clauses …): the one
 * reader in the engine. It is mailparser's own (`parseAddressHeader`, the nodemailer address
 * parser mailparser uses for every message it reads), so display names, quoted local parts,
 * comments and groups are handled the way a mail client sees them:
 * `"support@bank.example" <x@evil.example>` is ONE mailbox, x@evil.example, named "support@bank.example".
 *
 * Bounded: only the first MAX_ADDRESS_TEXT characters of a value are read (a 127 KB From list
 * takes the parser tens of milliseconds; its first 16 KiB hold every address an analysis uses),
 * and at most MAX_ADDRESSES mailboxes are returned.
 */
import { parseAddressHeader } from "mailparser";
import { domainOf } from "../net/domain";

/** Characters of one header value given to the address parser. */
export const MAX_ADDRESS_TEXT = 16 * 1024;
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

/** The mailboxes of an address-list value, groups flattened, in order. Never throws. */
export function parseMailboxes(value: string | null | undefined): Mailbox[] {
  if (!value || !value.includes("@")) return [];
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
    out.push({ name: (e.name ?? "").trim(), address, domain: d.startsWith("[") ? null : domainOf(d) });
  }
  return out;
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
