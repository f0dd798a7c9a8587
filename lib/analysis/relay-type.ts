/**
 * The relay type of each hop: the role of its `by` server (design.md, "Relay types").
 * Decided from evidence, in this order:
 *  1. delivery   – the last hop hands the message to the mailbox store (LMTP, local, Cyrus,
 *                  Dovecot; Microsoft 365's final HTTPS hop into the mailbox server).
 *  2. esp        – by is a sending service and the client is not the same service.
 *  3. submission – a client or application hands the message in at the start of the trail
 *                  (SMTP AUTH, HTTP/MAPI/local, Postfix userid, qmail uid, Sendmail /Submit), or the
 *                  first hop takes it from an address-only client for relaying elsewhere.
 *  4. internal   – both sides belong to the same organisation (or the client is loopback/private).
 *  5. backup-mx  – a cross-organisation hop into a host named as a secondary MX, after which another
 *                  host of the recipient organisation receives it.
 *  6. mx         – a cross-organisation hop into the recipient organisation (the organisation that
 *                  holds the message at the end of the trail, or of a `for` recipient domain).
 *  7. smart-host – a cross-organisation hop into a relay that then hands the message to a third one.
 * "unknown" when the organisation of the by server cannot be told.
 */
import type { ChainHop } from "./chain";
import { hostRole } from "./operator-match";
import type { RelayType } from "./types";

const LMTP_OR_LOCAL = /^(?:LMTP|LMTPS|LMTPA|LMTPSA|LOCAL)$/;
const MAILBOX_SOFTWARE = /cyrus|dovecot/i;
// Names that say "secondary MX" outright, and numbered MX names that only suggest it (mx2.hotmail.com
// was one of several equal MX hosts): the latter count only when the message then sat in a queue.
const BACKUP_MX_NAME = /(?:^|[.-])(?:backup|backupmx|mx-?backup|bkmx|secondary|fallback)\d*(?:[.-]|$)/;
const NUMBERED_MX_NAME = /(?:^|[.-])(?:mx[2-9]|mxb)(?:[.-]|$)/;
/** A hand-on from a numbered MX this much later suggests it queued for a primary that was down. */
const BACKUP_QUEUE_SECONDS = 60;
// Gateways used outbound by the sender's side are named so; inbound ones are the recipient's MX.
// Inbound MX names: a relay so named that hands the message on is a forwarding MX (ImprovMX, a
// university's mail router), not a smart host of the sender.
const INBOUND_NAME = /^(?:mx|mxa|mxb|mx\d+|mx-\w+|inbound|inbound\d+|mailin|mail-in|mailin\d+|smtpin|in\d*)[.-]/;
const OUTBOUND_NAME = /(?:^|[.-])(?:outbound|smtpout|smtp-out|mailout|out)\d*(?:[.-]|$)/;

export interface RelayContext {
  /** Organisations of the recipient domains (for clauses, Delivered-To, X-Original-To, To). */
  recipientOrgs: ReadonlySet<string>;
}

export function classifyRelays(hops: readonly ChainHop[], ctx: RelayContext): RelayType[] {
  const n = hops.length;
  // The organisation that holds the message at the end: the last hop with a known by org.
  let finalOrg: string | null = null;
  for (let i = n - 1; i >= 0 && finalOrg === null; i--) finalOrg = hops[i].byOrg;
  const isRecipientOrg = (org: string | null) => org !== null && (org === finalOrg || ctx.recipientOrgs.has(org));

  const types: RelayType[] = [];
  let crossedOrgs = false; // a cross-organisation transfer has been seen (the trail has left the sender)
  for (let i = 0; i < n; i++) {
    const hop = hops[i];
    const prev = i > 0 ? hops[i - 1] : null;
    const p = hop.parsed;
    // The client side: its own name, else (no from part) the server that recorded the previous hop.
    const clientOrg = p.from ? hop.fromOrg : (prev?.byOrg ?? null);
    const sameOrg =
      hop.byOrg !== null &&
      ((clientOrg !== null && clientOrg === hop.byOrg && !(p.from && hop.fromOrgWeak)) ||
        (p.from !== null && hop.fromPrivate && (hop.fromOrg === null || hop.fromOrg === hop.byOrg)));
    // The table marks this host as the operator's MX (mx.google.com, *.mail.protection.outlook.com).
    const inboundHost = hop.byOperator !== null && hostRole(hop.byOperator.name, p.by?.host ?? null) === "inbound";
    const laterOrgs = new Set<string>();
    for (let j = i + 1; j < n; j++) if (hops[j].byOrg && hops[j].byOrg !== hop.byOrg) laterOrgs.add(hops[j].byOrg!);

    let type: RelayType;
    if (i === n - 1 && n > 1 && isDelivery(hop)) type = "delivery";
    else if (!p.by && !p.from) type = i > 0 ? "internal" : p.submission !== null ? "submission" : "unknown";
    else if (hop.byOperator?.kind === "esp" && !inboundHost && clientOrg !== hop.byOrg) type = "esp";
    else if (!crossedOrgs && p.submission !== null) type = "submission";
    else if (sameOrg) type = "internal";
    else if (i === 0 && n > 1 && clientIsAnonymous(hop) && !isRecipientOrg(hop.byOrg) && !inboundHost) type = "submission";
    else if (hop.byOrg === null) type = "unknown";
    else if (isBackupMx(hop, hops.slice(i + 1), isRecipientOrg)) type = "backup-mx";
    else if (isRecipientOrg(hop.byOrg) || inboundHost) type = "mx";
    else if (hop.byOperator?.kind === "gateway") type = OUTBOUND_NAME.test(p.by?.host ?? "") ? "smart-host" : "mx";
    else if (INBOUND_NAME.test(p.by?.host ?? "")) type = "mx";
    else if (laterOrgs.size > 0) type = "smart-host";
    else type = "mx";

    if (type === "esp" || type === "smart-host" || type === "backup-mx" || type === "mx") crossedOrgs = true;
    types.push(type);
  }
  return types;
}

function isDelivery(hop: ChainHop): boolean {
  const p = hop.parsed;
  if (p.with && LMTP_OR_LOCAL.test(p.with)) return true;
  if (p.software && MAILBOX_SOFTWARE.test(p.software)) return true;
  // Microsoft 365 hands the message to the mailbox server over HTTPS as the very last step.
  return p.with === "HTTPS" && hop.byOperator?.name === "Microsoft 365";
}

/**
 * A client known only by an address, a private address or nothing: a mail client or an
 * application handing the message in, not another organisation's MTA.
 */
function clientIsAnonymous(hop: ChainHop): boolean {
  return !hop.parsed.from || hop.fromPrivate || hop.fromOrg === null;
}

function isBackupMx(hop: ChainHop, later: readonly ChainHop[], isRecipientOrg: (org: string | null) => boolean): boolean {
  const host = hop.parsed.by?.host ?? "";
  const named = BACKUP_MX_NAME.test(host);
  if (!named && !NUMBERED_MX_NAME.test(host)) return false;
  // The message must then reach another host of the recipient organisation (the primary MX).
  const next = later.find((h) => h.parsed.by?.host && h.parsed.by.host !== host && isRecipientOrg(h.byOrg));
  if (!next) return false;
  if (named) return true;
  const t0 = hop.parsed.timestamp ? Date.parse(hop.parsed.timestamp) : NaN;
  const t1 = next.parsed.timestamp ? Date.parse(next.parsed.timestamp) : NaN;
  return t1 - t0 >= BACKUP_QUEUE_SECONDS * 1000;
}
