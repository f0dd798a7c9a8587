/**
 * Whose record a header is, from where it lies relative to the recipient's border (issue 12).
 * The border is route/border.ts's (summary.border: the hop where the recipient's inbound server
 * took the message from outside); nothing here finds a border of its own.
 *
 * A receiving server adds its headers on top of what it received: everything above the border
 * hop's Received header was written by the recipient's side (the border server and the servers
 * after it). A header between the border's Received header and the one below it was written
 * either by the border server (some MTAs add their checks under their own Received line) or by
 * the last sending server: it counts as the recipient's only when its writer (authserv-id) names
 * the border server's organisation. Everything lower is an upstream claim the recipient cannot
 * verify. No border (mail that stayed inside one organisation): trust is unknown (null).
 *
 * Some operators' own headers are not placed on top: Exchange Online stores its
 * X-MS-Exchange-Organization-* and X-Forefront-Antispam-Report headers below the Received block,
 * and its header firewall removes (or renames "-Untrusted") the copies that came from outside.
 * Those headers are the recipient's when the recipient's side is that operator (`operator`).
 */
import type { RawField } from "../message/headers";
import { organizationOf } from "../route/organization";
import type { ChainHop } from "../route/chain";

export interface TrustLine {
  /** Position of the border hop's Received header (0 = topmost header). */
  above: number;
  /** Position of the Received header of the hop below the border (Infinity when none). */
  below: number;
  /** Organisation of the border server (its by host). */
  borderOrg: string | null;
  /** Organisations of the recipient's servers (by hosts of the border hop and every later hop). */
  recipientOrgs: ReadonlySet<string>;
}

export function trustLine(fields: readonly RawField[], hops: readonly ChainHop[], borderHop: number | null): TrustLine | null {
  if (borderHop === null) return null;
  const border = hops[borderHop - 1];
  if (!border) return null;
  const position = (f: RawField) => fields.indexOf(f);
  const above = position(border.field);
  if (above < 0) return null;
  const prev = borderHop >= 2 ? hops[borderHop - 2] : undefined;
  const p = prev ? position(prev.field) : -1;
  const recipientOrgs = new Set<string>();
  for (const h of hops.slice(borderHop - 1)) if (h.byOrg) recipientOrgs.add(h.byOrg);
  return { above, below: p > above ? p : Infinity, borderOrg: border.byOrg, recipientOrgs };
}

/** For headers an operator writes wherever it likes (see above): is the recipient's side that operator? */
export function operatorTrust(line: TrustLine | null, operator: string): boolean | null {
  return line ? line.recipientOrgs.has(operator) : null;
}

/** true: the recipient's record; false: an upstream claim; null: no border to judge by. */
export function trustAt(line: TrustLine | null, position: number, writer: string | null = null): boolean | null {
  if (!line) return null;
  if (position < line.above) return true;
  if (position < line.below && writer && line.borderOrg) {
    const host = writer.trim().toLowerCase();
    return organizationOf(host) === line.borderOrg;
  }
  return false;
}
