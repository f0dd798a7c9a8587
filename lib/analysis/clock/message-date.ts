/**
 * The Date header against the time the message was received (RFC 5322 §3.6.1: Date is "the date
 * and time at which the creator of the message indicated that the message was complete and ready
 * to enter the mail delivery system"). It cannot be later than the delivery, and it is rarely
 * much earlier than the first server's acceptance. Spam filters compare the two the same way
 * (Rspamd's DATE_IN_FUTURE / DATE_IN_PAST, SpamAssassin's DATE_IN_FUTURE_* / DATE_IN_PAST_*).
 *
 * - date-in-future (warning): Date more than FUTURE_SECONDS after the recipient's border received
 *   the message (the last hop when no border is known). The sender's clock or time zone is wrong,
 *   or the date was set ahead on purpose (bulk senders do it to stay at the top of the inbox).
 * - date-in-past (info): Date more than PAST_SECONDS before the first server accepted it. It
 *   waited in an outbox or was scheduled, or the sender's clock is wrong. Not judged for a resent
 *   message or one that holds an earlier delivery (a resent copy keeps its original Date).
 *
 * - unreadable-date (info, on the message): a Date that is no RFC 5322 date ("12-04-2023", no zone).
 *
 * Hop times are the skew-corrected ones (clock/estimate.ts), forged hops are left out, so a
 * recipient clock that runs behind does not make an honest Date look early or late.
 */
import { describeSeconds } from "../route/findings";
import type { Finding } from "../types";

/** Rspamd's and Stalwart's DATE_IN_FUTURE margin: two hours. */
const FUTURE_SECONDS = 2 * 3600;
/** Rspamd's and Stalwart's DATE_IN_PAST margin: one day. */
const PAST_SECONDS = 24 * 3600;
/** A difference this close to whole (or half) hours, up to 14 h, is read as a time zone error. */
const ZONE_SLACK_SECONDS = 5 * 60;
const MAX_ZONE_HOURS = 14;

export interface DatedHop {
  /** 1-based hop index. */
  index: number;
  /** Skew-corrected time in ms, or null (undated or forged). */
  time: number | null;
}

export interface MessageDateInput {
  /** The Date header's text as written, and its time in ms (null when missing or unreadable). */
  dateText: string | null;
  date: number | null;
  /** Hops in chronological order (oldest first). */
  hops: readonly DatedHop[];
  /** The recipient's border hop (1-based), or null. */
  border: number | null;
  /** The message was resent or holds an earlier delivery: its Date is not this delivery's. */
  resent: boolean;
}

export function messageDateFindings(input: MessageDateInput): Finding[] {
  const { date, dateText } = input;
  if (dateText !== null && date === null && dateText.trim() !== "") {
    const shown = dateText.length > 60 ? `${dateText.slice(0, 57)}...` : dateText;
    return [
      {
        code: "unreadable-date",
        severity: "info",
        message: `The Date header ("${shown}") is no date RFC 5322 allows and could not be read: mail clients show such a message with no date or a wrong one. Bulk-sending tools write such dates.`,
      },
    ];
  }
  if (date === null || dateText === null) return [];
  const dated = input.hops.filter((h): h is { index: number; time: number } => h.time !== null);
  if (dated.length === 0) return [];
  const received = dated.find((h) => h.index === input.border) ?? dated[dated.length - 1];
  const ahead = (date - received.time) / 1000;
  const shown = dateText.length > 60 ? `${dateText.slice(0, 57)}...` : dateText;
  if (ahead > FUTURE_SECONDS) {
    const where = received.index === input.border ? "the recipient's server received the message" : "the last server received the message";
    return [
      {
        code: "date-in-future",
        severity: "warning",
        message: `The Date header (${shown}) is ${describeSeconds(ahead)} after ${where} (hop ${received.index}): a message cannot be written after it arrived. ${zoneHint(ahead) ?? "The sender's clock is wrong, or the date was set ahead on purpose (some bulk senders do it to stay at the top of the inbox)."}`,
      },
    ];
  }
  if (input.resent) return [];
  const first = dated[0];
  const before = (first.time - date) / 1000;
  if (before > PAST_SECONDS) {
    return [
      {
        code: "date-in-past",
        severity: "info",
        message: `The Date header (${shown}) is ${describeSeconds(before)} before the first server accepted the message (hop ${first.index}): it waited in an outbox or was scheduled to be sent later, or the sender's clock is wrong.`,
      },
    ];
  }
  return [];
}

/** "Almost exactly 9 h: …" when a Date ahead of the delivery is a whole or half number of hours up to 14 ahead. */
function zoneHint(seconds: number): string | null {
  const halfHours = Math.round(seconds / 1800);
  if (halfHours < 1 || halfHours > MAX_ZONE_HOURS * 2) return null;
  if (Math.abs(seconds - halfHours * 1800) > ZONE_SLACK_SECONDS) return null;
  return `It is almost exactly ${halfHours / 2} h: the usual cause is a wrong time zone on the sender's device or server.`;
}
