/**
 * Timestamps from the engine are ISO 8601 UTC strings. UTC is shown verbatim (servers log in
 * UTC, and comparisons across hops need one zone); local time is the viewer's, for orientation.
 */
import { format } from "date-fns";

function parse(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-11-09 15:12:43 UTC" (milliseconds kept when present: "15:12:43.179"). */
export function formatUtc(iso: string | null): string | null {
  const d = parse(iso);
  if (!d) return null;
  const s = d.toISOString(); // always UTC, "2026-11-09T15:12:43.179Z"
  const ms = d.getUTCMilliseconds();
  return `${s.slice(0, 10)} ${s.slice(11, ms ? 23 : 19)} UTC`;
}

/**
 * The same instant in the viewer's zone: "Mon 9 Nov 2026, 16:12:43 GMT+1". date-fns formats in
 * the runtime's local zone; the zone name comes from Intl because date-fns has no zone names.
 */
export function formatLocal(iso: string | null): string | null {
  const d = parse(iso);
  if (!d) return null;
  const zone =
    new Intl.DateTimeFormat(undefined, { timeZoneName: "short" })
      .formatToParts(d)
      .find((p) => p.type === "timeZoneName")?.value ?? "";
  return `${format(d, "EEE d MMM yyyy, HH:mm:ss")}${zone ? ` ${zone}` : ""}`;
}
