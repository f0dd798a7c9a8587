import type { Token } from "./tokenize";
import { parseMailDate } from "../message/dates";

/**
 * Where the date is. RFC 5321 §4.4 puts it after the last ";". Reality adds:
 *   - ";" used as a separator earlier (OpenSMTPD "…[local]); by …; for <x>; date"), so the LAST
 *     top-level ";" counts and ";" inside comments never does (Cyrus "(v1.0.0; list x)");
 *   - no ";" at all: SendGrid filterdrecv "… id filterdrecv-… 2022-09-21 21:14:02.2 +0000 UTC m=+…",
 *     SendGrid ismtpd "… id X Mon, 26 Mar 2018 13:35:36.102 +0000 (UTC)";
 *   - the ";" swallowed by an unclosed comment (Jetsend "(Jetsend MTA 0.0.1 with ESMTP; Fri Sep 14 …").
 */

export interface DateLocation {
  /** Index of the first token that belongs to the date part (tokens before it are clauses). */
  tokenIndex: number;
  /** The date text as found, trimmed; null when none. */
  text: string | null;
}

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:T.*)?$/;
/** Candidates tried when there is no ";" — bounds the work on hostile input. */
const MAX_CANDIDATES = 4;

export function locateDate(value: string, tokens: Token[]): DateLocation {
  // Last top-level ";" with something after it.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (!t || t.kind !== "semi") continue;
    const rest = value.slice(t.end).trim();
    if (rest.length > 0) return { tokenIndex: i, text: rest };
  }
  // No ";": a weekday or ISO day word followed by something that parses as a date.
  let tried = 0;
  for (let i = 1; i < tokens.length && tried < MAX_CANDIDATES; i++) {
    const t = tokens[i];
    if (!t || t.kind !== "word") continue;
    if (!WEEKDAY.test(t.text) && !ISO_DAY.test(t.text)) continue;
    tried++;
    const rest = value.slice(t.start).trim();
    if (parseMailDate(rest) !== null) return { tokenIndex: i, text: rest };
  }
  // A ";" hidden in an unclosed comment: accept only text that really is a date.
  const semi = value.lastIndexOf(";");
  if (semi >= 0) {
    const rest = value.slice(semi + 1).trim();
    if (rest.length > 0 && parseMailDate(rest) !== null) {
      const at = tokens.findIndex((t) => t.end > semi);
      return { tokenIndex: at < 0 ? tokens.length : at + 1, text: rest };
    }
  }
  return { tokenIndex: tokens.length, text: null };
}
