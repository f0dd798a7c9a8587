/**
 * Greylisting notes that servers add (issue 13), as real MTAs write them:
 *   postgrey:        "X-Greylist: delayed 525 seconds by postgrey-1.36 at gabe; Mon, 30 Mar 2026 13:56:06 UTC"
 *   milter-greylist: "X-Greylist: Delayed for 00:06:10 by milter-greylist-4.5.16 (mx1.redhat.com [10.5.110.39]); Sat, …"
 * ("Sender IP whitelisted, not delayed" and "inspected by" notes say there was no delay.)
 */
import { fieldsNamed, type RawField } from "../message/headers";

export interface GreylistNote {
  seconds: number;
  /** The host that greylisted, lower-case, as written ("gabe", "mx1.redhat.com"); null if not said. */
  host: string | null;
  software: string;
}

const MAX_NOTES = 20;
const POSTGREY = /^delayed (\d{1,9}) seconds by (postgrey[\w.-]{0,20})(?: at ([\w.-]{1,253}))?/i;
const MILTER = /^delayed for (\d{1,6}):(\d{2}):(\d{2}) by (milter-greylist[\w.-]{0,20})(?: \(([\w.-]{1,253}))?/i;

export function greylistNotes(fields: readonly RawField[]): GreylistNote[] {
  const out: GreylistNote[] = [];
  for (const f of fieldsNamed(fields, "x-greylist").slice(0, MAX_NOTES)) {
    const v = f.value.trim();
    const p = POSTGREY.exec(v);
    if (p) {
      out.push({ seconds: Number(p[1]), software: p[2], host: p[3]?.toLowerCase() ?? null });
      continue;
    }
    const m = MILTER.exec(v);
    if (m) out.push({ seconds: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]), software: m[4], host: m[5]?.toLowerCase() ?? null });
  }
  return out;
}

/** True when the note's host names this server (the whole name, or its first label as postgrey writes it). */
export function noteNamesHost(note: GreylistNote, host: string | null): boolean {
  if (!note.host || !host) return false;
  return note.host === host || host.split(".")[0] === note.host;
}
