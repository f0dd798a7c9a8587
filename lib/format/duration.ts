/**
 * Human durations for delivery delays: "850 ms", "14 s", "2 h 1 min", "clock skew −14 s".
 * Built on date-fns intervalToDuration + formatDuration with a short-unit locale, so the
 * arithmetic (days/hours/minutes carry) is date-fns's, and only the unit words are ours.
 */
import { formatDuration, intervalToDuration, type Duration } from "date-fns";

/** U+2212 MINUS SIGN: reads as a minus, not a hyphen, and screen readers say "minus". */
export const MINUS = "\u2212";

const SHORT_UNITS: Record<string, string> = {
  xYears: "y",
  xMonths: "mo",
  xWeeks: "w",
  xDays: "d",
  xHours: "h",
  xMinutes: "min",
  xSeconds: "s",
};

/** Only formatDistance is consulted by formatDuration. */
const shortLocale = {
  formatDistance: (token: string, count: number) => `${count} ${SHORT_UNITS[token] ?? token}`,
};

const UNITS: (keyof Duration)[] = ["years", "months", "days", "hours", "minutes", "seconds"];

/**
 * Formats a non-negative or negative number of seconds as a short duration with at most
 * `maxUnits` units (default 2: "2 h 1 min", "1 d 3 h"). Sub-second values are shown in ms;
 * values under 10 s keep one decimal when they have a fraction ("2.4 s").
 * The sign is dropped: callers decide what a negative value means (see formatDelay).
 */
export function formatSeconds(seconds: number, maxUnits = 2): string {
  if (!Number.isFinite(seconds)) return "unknown";
  const abs = Math.abs(seconds);
  if (abs === 0) return "0 s";
  if (abs < 1) return `${Math.max(1, Math.round(abs * 1000))} ms`;
  if (abs < 10 && Math.round(abs * 10) % 10 !== 0) return `${(Math.round(abs * 10) / 10).toFixed(1)} s`;
  const whole = Math.round(abs);
  const d = intervalToDuration({ start: 0, end: whole * 1000 });
  // Keep the largest `maxUnits` non-zero units; date-fns omits zero units by default.
  const present = UNITS.filter((u) => (d[u] ?? 0) > 0);
  const format = present.slice(0, maxUnits);
  return formatDuration(d, { format, locale: shortLocale, delimiter: " " });
}

/**
 * A hop's delay since the previous hop. Negative values are clock skew between two servers,
 * not elapsed time, and say so: "clock skew −14 s". null → "unknown".
 */
export function formatDelay(seconds: number | null): string {
  if (seconds === null) return "unknown";
  if (seconds < 0) return `clock skew ${MINUS}${formatSeconds(seconds)}`;
  return formatSeconds(seconds);
}

/** Delay shown next to a hop: "+2 h 1 min", "clock skew −14 s", "unknown". */
export function formatDelaySigned(seconds: number | null): string {
  if (seconds === null || seconds < 0) return formatDelay(seconds);
  return `+${formatSeconds(seconds)}`;
}
