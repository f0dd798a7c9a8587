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
 *
 * Filters run as milters add their headers wherever the milter protocol puts them: rspamd's and
 * many Authentication-Results writers append them at the END of the header section, below
 * everything the sender wrote (rspamd's own test message rspamd__arcbad, Proton's inbound
 * servers). Position cannot tell those from the sender's, so two pieces of evidence can (see
 * recipientWritten below): rspamd's queue id is the receiving MTA's own, unknowable in advance;
 * and an Authentication-Results header whose authserv-id is the border server itself, that no
 * copy above the border contradicts, and that names the address the border saw the client at.
 */
import { authResultsOf } from "../auth/auth-results";
import { fieldsNamed, type RawField } from "../message/headers";
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
  /** Positions of headers below the line that evidence shows the recipient's side wrote (recipientWritten). */
  written: ReadonlySet<number>;
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
  const recipientHops = hops.slice(borderHop - 1);
  for (const h of recipientHops) if (h.byOrg) recipientOrgs.add(h.byOrg);
  return { above, below: p > above ? p : Infinity, borderOrg: border.byOrg, recipientOrgs, written: recipientWritten(fields, recipientHops, above) };
}

/** Header keys of one rspamd scan (rspamd's milter_headers module and the proxy write these). */
const RSPAMD_KEYS = new Set(["x-rspamd-queue-id", "x-spamd-result", "x-rspamd-score", "x-rspamd-action", "x-rspamd-report", "x-rspamd-bar", "x-spamd-bar", "x-rspamd-server"]);

/**
 * Positions of headers that the recipient's side wrote although they lie below its border's
 * Received header (positions above it are trusted anyway):
 * - rspamd's headers, when X-Rspamd-Queue-Id is the queue id the border server (or a later
 *   recipient server) gave the message in its Received header ("by mail.highsecure.ru (Postfix)
 *   with ESMTPS id 7B5193003B9" and "X-Rspamd-Queue-Id: 7B5193003B9"): the id is assigned when
 *   the message arrives, so no sender can write it beforehand;
 * - Authentication-Results whose authserv-id is the border server's own name, when no such
 *   header above the border carries that authserv-id (then the border writes its results on top,
 *   and a lower copy is the sender's) and one of them names the client address the border
 *   recorded ("smtp.remote-ip=206.189.187.105", "designates 96.47.72.81 as permitted sender").
 *   RFC 8601 §5 has a border server remove incoming headers that claim its authserv-id.
 */
function recipientWritten(fields: readonly RawField[], recipientHops: readonly ChainHop[], above: number): Set<number> {
  const out = new Set<number>();
  const queueIds = new Set<string>();
  for (const h of recipientHops) if (h.parsed.id) queueIds.add(h.parsed.id);
  const queueId = fieldsNamed(fields, "x-rspamd-queue-id")[0]?.value.trim();
  if (queueId && queueIds.has(queueId)) {
    fields.forEach((f, i) => {
      if (i > above && RSPAMD_KEYS.has(f.key)) out.add(i);
    });
  }
  const border = recipientHops[0];
  const host = border?.parsed.by?.host ?? null;
  const clientIp = border?.parsed.from?.ip ?? null;
  if (host === null || clientIp === null) return out;
  const own: number[] = [];
  let namesClient = false;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.key !== "authentication-results" || authResultsOf(f).authservId?.toLowerCase() !== host) continue;
    if (i < above) return out; // the border writes its results on top: a lower copy is not its own
    if (i === above) continue;
    own.push(i);
    namesClient ||= mentionsAddress(f.value, clientIp);
  }
  if (namesClient) for (const i of own) out.add(i);
  return out;
}

/** `ip` stands in `text` as a whole address (not inside a longer number or address). */
function mentionsAddress(text: string, ip: string): boolean {
  const isAddressChar = (c: number) => (c >= 48 && c <= 58) || c === 46 || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  for (let at = text.indexOf(ip); at >= 0; at = text.indexOf(ip, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const after = at + ip.length < text.length ? text.charCodeAt(at + ip.length) : 32;
    if (!isAddressChar(before) && !isAddressChar(after)) return true;
  }
  return false;
}

/** For headers an operator writes wherever it likes (see above): is the recipient's side that operator? */
export function operatorTrust(line: TrustLine | null, operator: string): boolean | null {
  return line ? line.recipientOrgs.has(operator) : null;
}

/** true: the recipient's record; false: an upstream claim; null: no border to judge by. */
export function trustAt(line: TrustLine | null, position: number, writer: string | null = null): boolean | null {
  if (!line) return null;
  if (position < line.above || line.written.has(position)) return true;
  if (position < line.below && writer && line.borderOrg) {
    const host = writer.trim().toLowerCase();
    return organizationOf(host) === line.borderOrg;
  }
  return false;
}
