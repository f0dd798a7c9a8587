/**
 * Who the message was for: the recipient domains, most telling first, from the envelope (the `for`
 * clauses of the hops, latest first; Delivered-To, X-Original-To, Envelope-To), the visible
 * recipients (To, Cc) and mailing lists (List-Id, List-Post). Relay types use their organisations
 * (the recipient's side of the border); `options.dns` looks up their MX records.
 */
import { addressDomains } from "../message/addresses";
import { fieldsNamed, firstField, type RawField } from "../message/headers";
import { domainOf } from "../net/domain";
import { organizationOf } from "./organization";

/** Most domains collected from one message. */
const MAX_RECIPIENT_DOMAINS = 50;

/** What is read of each hop: its envelope recipient(s) as the `for` clause wrote them. */
export interface RecipientHop {
  for: string | null;
}

/**
 * Recipient domains, lower-case, without repeats, most telling first. To/Cc domains of the
 * sender's own organisation are left out: newsletters are addressed "To: list@sender.example".
 */
export function recipientDomainList(fields: readonly RawField[], hops: readonly RecipientHop[]): string[] {
  return [...personalRecipientDomains(fields, hops), ...listDomains(fields)].filter((d, i, all) => all.indexOf(d) === i);
}

/** The recipients' own domains: envelope (for clauses, Delivered-To …) and visible (To, Cc). */
export function personalRecipientDomains(fields: readonly RawField[], hops: readonly RecipientHop[]): string[] {
  const out: string[] = [];
  const add = (d: string | null) => {
    if (d && out.length < MAX_RECIPIENT_DOMAINS && !out.includes(d)) out.push(d);
  };
  for (let i = hops.length - 1; i >= 0; i--) for (const d of addressDomains(hops[i].for)) add(d);
  for (const name of ["delivered-to", "x-original-to", "envelope-to"]) {
    for (const f of fieldsNamed(fields, name)) for (const d of envelopeDomains(f.value)) add(d);
  }
  const senderOrg = senderOrganization(fields);
  for (const name of ["to", "cc"]) {
    for (const f of fieldsNamed(fields, name)) {
      for (const d of addressDomains(f.value)) if (organizationOf(d, null) !== senderOrg) add(d);
    }
  }
  return out;
}

/** The organisation of the From address's domain, or null. */
export function senderOrganization(fields: readonly RawField[]): string | null {
  return organizationOf(addressDomains(firstField(fields, "from")?.value)[0] ?? null, null);
}

/**
 * Domains of a mailing list the message went through (List-Id, List-Post): its server receives as
 * the list address's MX. Kept apart from the recipients' own domains: ESPs put their customers'
 * newsletters on List-Id too, and the list's server is never the final recipient's gateway.
 */
export function listDomains(fields: readonly RawField[]): string[] {
  const out: string[] = [];
  for (const name of ["list-id", "list-post"]) {
    const d = listDomain(firstField(fields, name)?.value ?? "");
    if (d && !out.includes(d)) out.push(d);
  }
  return out;
}

/** The organisations of recipientDomainList(). */
export function recipientOrganizations(domains: readonly string[]): Set<string> {
  const orgs = new Set<string>();
  for (const d of domains) {
    const org = organizationOf(d, null);
    if (org) orgs.add(org);
  }
  return orgs;
}

/** Envelope headers hold a bare address ("user@example.com"), sometimes in angle brackets. */
function envelopeDomains(value: string): string[] {
  const list = addressDomains(value);
  if (list.length > 0) return list;
  const d = domainOf(value.includes("@") ? value.slice(value.lastIndexOf("@")) : null);
  return d ? [d] : [];
}

/**
 * List-Id "Name <list.example.org>" names the list's domain after its first label (RFC 2919);
 * List-Post "<mailto:list@example.org>" a mailto address.
 */
function listDomain(value: string): string | null {
  const open = value.indexOf("<");
  const close = value.indexOf(">", open + 1);
  if (open < 0 || close < 0) return null;
  let inner = value.slice(open + 1, close).trim().toLowerCase();
  if (inner.startsWith("mailto:")) inner = inner.slice(7);
  const at = inner.indexOf("@");
  if (at >= 0) return domainOf(inner.slice(at + 1).split("?")[0]);
  const dot = inner.indexOf(".");
  return dot > 0 ? domainOf(inner.slice(dot + 1)) : null;
}
