/**
 * Where a header block holds two journeys (issue 10): a message that was delivered, then sent
 * again with its old Received headers kept. A resent message (RFC 5322 §3.6.6: the Resent-*
 * block is prepended with the new trace fields above it; mutt's "bounce", Thunderbird's
 * "redirect") or a re-injected bounce carries its first chain below the new one. The older chain
 * is an earlier trail: its dates belong to the first delivery, and are compared only with each
 * other (route/findings.ts), never with the new trail's.
 *
 * A new trail starts at hop k+1 (chronological, 0-based) when:
 *   A. the Resent-* block sits between hop k's and hop k+1's Received headers; or
 *   B. hop k handed the message to a mailbox store, and then the dates jump by
 *      RESTART_GAP_HOURS or more (reading the headers top-down, they jump back), or hop k+1 is a
 *      new submission by a client (SMTP AUTH, webmail, MAPI) that is no delivery itself; a local
 *      program re-injecting the message at once (procmail, qmail-inject after fetchmail, Cyrus
 *      LMTPA) is a filter or forward on the same journey; or
 *   C. the block has Resent-* fields, none of them between two Received headers (the resender's
 *      software added no trace field of its own above them), and the dates jump by
 *      RESTART_GAP_HOURS or more. When the Resent-* block does sit between two Received
 *      headers, A alone places the restart: a jump elsewhere is then no second resend.
 * A date jump alone is not enough: a forged bottom header dated years before the others is an
 * implausible date (critical), not an earlier trail. A POP/IMAP fetch after delivery (fetchmail)
 * is the same journey's last step.
 */
import type { RawField } from "../message/headers";
import { isFetched, type ChainHop } from "./chain";
import { deliveryKind } from "./relay-rules";

/** A gap this long after a delivery (or in a resent message) is a second journey, not a queue. */
export const RESTART_GAP_HOURS = 12;

/** Submissions by a mail client, as a person resending a delivered message makes them. */
const CLIENT_SUBMISSION = new Set(["auth", "http", "mapi"]);

export interface Restart {
  /** 0-based index of the first hop of the newer trail. */
  at: number;
  /** Which signals said so, one phrase each. */
  signals: string[];
}

/**
 * The restarts in a chain (chronological hops), oldest first. `positions` are the header-block
 * positions of the hops' Received fields (0 = topmost), as border.ts computes them.
 */
export function findRestarts(hops: readonly ChainHop[], positions: readonly number[], fields: readonly RawField[]): Restart[] {
  const out: Restart[] = [];
  if (hops.length < 2) return out;
  const resentAt: number[] = [];
  fields.forEach((f, i) => {
    if (f.key.startsWith("resent-")) resentAt.push(i);
  });
  const isBetween = (k: number) => resentAt.some((p) => p > positions[k + 1] && p < positions[k]);
  let placed = false;
  for (let k = 0; k + 1 < hops.length && !placed; k++) placed = isBetween(k);
  const resent = resentAt.length > 0 && !placed;
  for (let k = 0; k + 1 < hops.length; k++) {
    const older = hops[k];
    const newer = hops[k + 1];
    if (isFetched(newer)) continue;
    const signals: string[] = [];
    // Chronological hops: hop k's Received sits below hop k+1's (a larger position).
    const between = isBetween(k);
    if (between) signals.push("the Resent-* fields sit between their Received headers");
    const delivered = deliveryKind(older, k > 0 ? hops[k - 1] : null);
    const gap = gapHours(older, newer);
    const jumped = gap !== null && gap >= RESTART_GAP_HOURS;
    const submitted = CLIENT_SUBMISSION.has(newer.parsed.submission ?? "") && deliveryKind(newer, older) === null;
    if (!between) {
      const afterDelivery = delivered !== null && (jumped || submitted);
      if (!afterDelivery && !(resent && jumped)) continue;
      if (delivered !== null) signals.push(`hop ${older.index} delivered it to a mailbox (${delivered})`);
      if (resent) signals.push("the message has Resent-* fields");
    }
    if (jumped) signals.push(`the dates jump ${Math.round(gap)} h between hop ${older.index} and hop ${newer.index}`);
    if (submitted) signals.push(`hop ${newer.index} is a new submission`);
    out.push({ at: k + 1, signals });
  }
  return out;
}

function gapHours(a: ChainHop, b: ChainHop): number | null {
  if (a.time === null || b.time === null) return null;
  return (b.time - a.time) / 3_600_000;
}
