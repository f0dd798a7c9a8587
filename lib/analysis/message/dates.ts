/**
 * Dates as mail software writes them, read field by field and range-checked.
 *
 * Accepted (RFC 5322 §3.3 and §4.3 obsolete forms, plus what real MTAs emit):
 *   "Mon, 1 Jan 2024 10:00:00 +0000"        weekday optional, ignored when wrong
 *   "1 Jan 24 10:00 GMT"                    two-digit year (00-49 → 20xx, 50-99 → 19xx), three-digit +1900
 *   "26 April 2023 19:43:30 +0000 (UTC)"    full month names (Brevo); comments are ignored
 *   "… 07:53:55.516 +0000"                  fractional seconds (SendGrid), kept to the millisecond
 *   "Fri Feb 07 10:18:12 2003 -0800"        asctime order (NAI, obtuse smtpd, Jetsend "EDT 2018")
 *   "2022-09-21 21:14:02.235624227 +0000 UTC m=+169265.4"  Go time.Time.String() (SendGrid filterdrecv)
 *   "2024-01-01T10:00:00Z"                  ISO 8601 forms
 * Zones: numeric, GMT/UT/UTC/Z, the US names of RFC 5322 §4.3, military letters (read as -0000,
 * as §4.3 advises), and a short list of unambiguous names seen in the wild (CET, JST, MSK …).
 * Text after a complete date (Go's "m=+…", a stray "for <x>") is ignored.
 *
 * Never `new Date(string)`: a lenient parser turns junk into a plausible year-2000 date
 * (mail-parser #71), and a wrong date is worse than none.
 */

import { withoutComments } from "../text/scan";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** Named zones in minutes east of UTC. RFC 5322 §4.3 names first; the rest are unambiguous extras. */
const ZONES = new Map<string, number>([
  ["gmt", 0], ["ut", 0], ["utc", 0], ["z", 0],
  ["est", -300], ["edt", -240], ["cst", -360], ["cdt", -300],
  ["mst", -420], ["mdt", -360], ["pst", -480], ["pdt", -420],
  // Not in RFC 5322, but written by MTAs and unambiguous (IST, BST, AST are not: left out).
  ["cet", 60], ["cest", 120], ["met", 60], ["mest", 120], ["eet", 120], ["eest", 180],
  ["wet", 0], ["west", 60], ["jst", 540], ["kst", 540], ["hkt", 480], ["sgt", 480],
  ["msk", 180], ["aest", 600], ["aedt", 660], ["nzst", 720], ["nzdt", 780],
  ["akst", -540], ["akdt", -480], ["hst", -600],
]);

/** The last text parsed and its result: the Date header is read twice per analysis (clocks, summary). */
let last: { text: string; iso: string | null } | null = null;

/** Parses a mail date to ISO 8601 UTC ("2026-11-09T15:12:43.000Z"), or null when it is not a valid date. */
export function parseMailDate(text: string): string | null {
  if (typeof text !== "string" || text.length === 0) return null;
  if (last !== null && last.text === text) return last.iso;
  const fast = canonicalDate(text);
  const iso = fast === undefined ? generalDate(text) : fast;
  last = { text, iso };
  return iso;
}

/** Every accepted form, word by word (see the file comment). */
export function generalDate(text: string): string | null {
  const words = dateWords(withoutComments(text));
  return words.length === 0 ? null : (parseIsoLike(words) ?? parseRfcLike(words));
}

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** Two digits at i as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Three ASCII characters at i as one number, case folded: equal to letterKey("jan", 0) exactly
 * when they are "jan" in any case (c | 32 maps only an ASCII capital onto its small letter); -1
 * when one is not ASCII (or missing).
 */
function letterKey(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  if (!(a < 128 && b < 128 && c < 128)) return -1;
  return ((a | 32) << 16) | ((b | 32) << 8) | (c | 32);
}
const MONTH_KEYS = MONTHS.map((m) => letterKey(m, 0));
const WEEKDAY_KEYS = WEEKDAYS.map((w) => letterKey(w, 0));

/**
 * The form nearly every MTA writes, "Thu, 3 Dec 2026 18:20:26 +0000" (weekday optional, anything
 * after the zone ignored), read on char codes without splitting. undefined for any other shape:
 * the general reader below decides those. Where this accepts, it gives the general reader's answer
 * (tests/unit/dates.test.ts compares the two).
 */
export function canonicalDate(s: string): string | null | undefined {
  let i = 0;
  const n = s.length;
  while (i < n && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  if (digit(s, i) < 0) {
    // "Thu, ": a three-letter weekday, a comma and one space.
    if (i + 5 > n || s.charCodeAt(i + 3) !== 44 || s.charCodeAt(i + 4) !== 32) return undefined;
    if (!WEEKDAY_KEYS.includes(letterKey(s, i))) return undefined;
    i += 5;
  }
  let day = digit(s, i++);
  if (day < 0) return undefined;
  if (digit(s, i) >= 0) day = day * 10 + digit(s, i++);
  if (s.charCodeAt(i) !== 32 || s.charCodeAt(i + 4) !== 32) return undefined;
  const month = MONTH_KEYS.indexOf(letterKey(s, i + 1)) + 1;
  if (month === 0) return undefined;
  i += 5;
  const y1 = twoDigits(s, i);
  const y2 = twoDigits(s, i + 2);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(i + 4) !== 32) return undefined;
  i += 5;
  const hour = twoDigits(s, i);
  const minute = twoDigits(s, i + 3);
  const second = twoDigits(s, i + 6);
  if (hour < 0 || minute < 0 || second < 0 || s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58 || s.charCodeAt(i + 8) !== 32) return undefined;
  i += 9;
  const sign = s.charCodeAt(i);
  const zh = twoDigits(s, i + 1);
  const zm = twoDigits(s, i + 3);
  if ((sign !== 43 && sign !== 45) || zh < 0 || zm < 0 || zh > 23 || zm > 59) return undefined;
  i += 5;
  if (i < n && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) return undefined;
  const offset = zh * 60 + zm;
  return build({ year: y1 * 100 + y2, month, day, hour, minute, second, millis: 0, offsetMinutes: sign === 45 ? -offset : offset });
}

interface Fields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  offsetMinutes: number;
}

/** Splits on whitespace and commas; drops leading junk such as "_" (a folding artefact in Cyrus lines). */
function dateWords(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const sep = c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 0;
    if (sep) {
      if (start >= 0) out.push(text.slice(start, i));
      start = -1;
      if (out.length > 12) break; // a date never needs more; keeps hostile input cheap
    } else if (start < 0) start = i;
  }
  let k = 0;
  while (k < out.length && !/^[0-9A-Za-z]/.test(out[k] ?? "")) k++;
  return out.slice(k);
}

function hasAsciiAlnum(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

function parseIsoLike(words: string[]): string | null {
  const first = words[0] ?? "";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]?(.*))?$/.exec(first);
  if (!m) return null;
  let rest = words.slice(1);
  let timeText = m[4] ?? "";
  if (timeText === "") {
    timeText = rest[0] ?? "";
    rest = rest.slice(1);
  }
  // An ISO zone can be glued to the time: "10:00:00Z", "10:00:00+02:00".
  let zoneText: string | undefined;
  const glued = /^([0-9:.]+)(Z|[+-]\d{2}:?\d{2})$/i.exec(timeText);
  if (glued) {
    timeText = glued[1] ?? "";
    zoneText = glued[2];
  } else {
    zoneText = rest[0];
  }
  const time = parseTime(timeText);
  const offset = zoneText === undefined ? null : parseZone(zoneText);
  if (!time || offset === null) return null;
  return build({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...time, offsetMinutes: offset });
}

function parseRfcLike(input: string[]): string | null {
  let words = input;
  if (weekdayIndex(words[0] ?? "") >= 0) {
    words = words.slice(1);
    // Junk between the weekday and the day, e.g. a mis-encoded byte: "Tue, ±, 29 Jan 2023 17:21:28
    // +0000" (phishing_pot sample-426), "Tue, ��, 29 Jan …". Words without an ASCII letter or digit
    // carry no date part; up to two are skipped, here only.
    for (let k = 0; k < 2 && words.length > 0 && !hasAsciiAlnum(words[0] ?? ""); k++) words = words.slice(1);
  }
  let day: number;
  let month: number;
  let year: number | null = null;
  let i: number;
  const dmy = /^(\d{1,2})-([A-Za-z]+)-(\d{2,4})$/.exec(words[0] ?? ""); // "20-Feb-2003"
  if (dmy) {
    day = Number(dmy[1]);
    month = monthIndex(dmy[2] ?? "");
    year = normaliseYear(dmy[3] ?? "");
    i = 1;
  } else if (/^0?\d{1,2}$/.test(words[0] ?? "")) {
    // "029 Apr 2019" (a zero-padded day seen in Google Groups bounces) reads as day 29.
    day = Number(words[0]);
    month = monthIndex(words[1] ?? "");
    year = normaliseYear(words[2] ?? "");
    i = 3;
  } else {
    // asctime: "Feb 07 10:18:12 2003 -0800" or "Sep 14 14:36:56 EDT 2018"
    month = monthIndex(words[0] ?? "");
    if (!/^\d{1,2}$/.test(words[1] ?? "")) return null;
    day = Number(words[1]);
    i = 2;
  }
  if (month < 1) return null;
  const time = parseTime(words[i] ?? "");
  if (!time) return null;
  i++;
  let offset: number | null;
  if (year === null) {
    // asctime: year and zone in either order after the time.
    const a = words[i] ?? "";
    const b = words[i + 1] ?? "";
    if (/^\d{4}$/.test(a)) {
      year = normaliseYear(a);
      offset = parseZone(b);
    } else {
      offset = parseZone(a);
      year = /^\d{4}$/.test(b) ? normaliseYear(b) : null;
    }
  } else {
    offset = parseZone(words[i] ?? "");
  }
  if (year === null || offset === null) return null;
  return build({ year, month, day, ...time, offsetMinutes: offset });
}

function weekdayIndex(w: string): number {
  const s = w.replace(/\.$/, "").toLowerCase();
  const short = WEEKDAYS.indexOf(s);
  return short >= 0 ? short : WEEKDAY_NAMES.indexOf(s);
}

/** 1-12, accepting "Sep", "Sept" and full names; 0 when not a month. */
function monthIndex(w: string): number {
  const s = w.replace(/\.$/, "").toLowerCase();
  if (s.length < 3) return 0;
  const idx = MONTHS.indexOf(s.slice(0, 3));
  if (idx < 0) return 0;
  const full = MONTH_NAMES[idx] ?? "";
  return full.startsWith(s) ? idx + 1 : 0;
}

/** RFC 5322 §4.3: two-digit years 00-49 → 2000s, 50-99 → 1900s; three-digit years + 1900. */
function normaliseYear(w: string): number | null {
  if (!/^\d{2,4}$/.test(w)) return null;
  const y = Number(w);
  if (w.length === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (w.length === 3) return 1900 + y;
  return y;
}

function parseTime(w: string): { hour: number; minute: number; second: number; millis: number } | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/.exec(w);
  if (!m) return null;
  const frac = m[4] ?? "";
  return {
    hour: Number(m[1]),
    minute: Number(m[2]),
    second: m[3] === undefined ? 0 : Number(m[3]),
    millis: frac === "" ? 0 : Number((frac + "00").slice(0, 3)),
  };
}

/** Minutes east of UTC, or null when `w` is not a zone we can read. */
function parseZone(w: string): number | null {
  const num = /^([+-])(\d{2}):?(\d{2})$/.exec(w);
  if (num) {
    const h = Number(num[2]);
    const m = Number(num[3]);
    if (h > 23 || m > 59) return null;
    const v = h * 60 + m;
    return num[1] === "-" ? -v : v;
  }
  const lower = w.toLowerCase();
  const named = ZONES.get(lower);
  if (named !== undefined) return named;
  // Military zones (RFC 5322 §4.3): their signs were specified backwards in RFC 822,
  // so they carry no reliable information and are read as "-0000" (UTC).
  if (/^[a-ik-z]$/.test(lower)) return 0;
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function build(f: Fields): string | null {
  if (f.year < 1900 || f.year > 9999) return null;
  if (f.month < 1 || f.month > 12) return null;
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) return null;
  // Second 60 is a leap second (RFC 5322 §3.3); Date.UTC rolls it into the next minute.
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return null;
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millis) - f.offsetMinutes * 60_000;
  if (!Number.isFinite(ms)) return null;
  return isoString(ms);
}

const pad2 = (n: number) => (n < 10 ? "0" : "") + n;

/**
 * `new Date(ms).toISOString()` without the Date object (it was a third of the date parser's time):
 * days since the epoch to a civil date by Howard Hinnant's algorithm ("chrono-Compatible Low-Level
 * Date Algorithms", days_from_civil's inverse), for years 0-9999.
 */
export function isoString(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  const y = year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}Z`;
}
