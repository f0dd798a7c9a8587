/**
 * The clocks a message carries besides its Received dates (issue 13), each tied to what it must
 * precede: an event stamped by some clock cannot have happened after a later step of delivery.
 *
 * - Date (RFC 5322 §3.6.1): the author's (or submission server's) clock, before the first hop.
 * - DKIM-Signature t= (RFC 6376 §3.5): the signer's clock; a signature exists before the
 *   recipient's border accepts the message (before the last hop when there is no border).
 * - ARC-Seal t= (RFC 8617 §4.1.3): the sealing intermediary's clock; before the last hop.
 * - X-MS-Exchange-Organization-OriginalArrivalTime / X-MS-Exchange-CrossTenant-OriginalArrivalTime:
 *   Exchange Online's clock (the same clock as its Received dates); before the last hop.
 * - X-Received ("by 2002:a05:…  with SMTP id …; <date>"): Gmail's internal hops, on the clock of
 *   the server it names (Google's); before the last hop.
 *
 * Header position is not used to place them: Exchange reorders headers. Only "before" bounds.
 */
import { parseMailDate } from "../message/dates";
import type { RawField } from "../message/headers";
import { operatorForHost } from "../operators/match";
import { parseTagList } from "../text/tag-list";

export interface ClockObservation {
  /** The clock that wrote it (a group key shared with hops on the same clock). */
  group: string;
  /** For a person: "the Date header", "the DKIM signature of example.com". */
  label: string;
  /** Milliseconds since the epoch. */
  time: number;
  /** It must precede the hop with this 0-based position ("border" or "last", resolved by the caller). */
  before: "first" | "border" | "last";
}

/** At most this many signatures and seals are read (a hostile message may carry thousands). */
const MAX_PER_KIND = 20;
/** An epoch-seconds tag beyond these bounds is not a real signing time. */
const MIN_EPOCH_S = 946_684_800; // 2000-01-01
const MAX_EPOCH_S = 4_102_444_800; // 2100-01-01

/** The clock group of Microsoft's Exchange Online hops (their by operator's name). */
export const MICROSOFT_GROUP = "Microsoft 365";

function epochTag(value: string | undefined): number | null {
  if (!value || !/^\d{9,10}$/.test(value)) return null;
  const s = Number(value);
  return s >= MIN_EPOCH_S && s <= MAX_EPOCH_S ? s * 1000 : null;
}

function signerDomain(tags: ReadonlyMap<string, string>): string | null {
  const d = tags.get("d")?.toLowerCase() ?? "";
  return /^[a-z0-9.-]{1,253}$/.test(d) ? d : null;
}

/** "11 Nov 2022 22:50:07.5973 (UTC)" as Exchange writes it, in milliseconds. */
export function exchangeArrivalTime(text: string): number | null {
  let s = text.trim();
  if (s.endsWith("(UTC)")) s = s.slice(0, -5).trimEnd();
  const m = /^(\d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2})(?:\.\d{1,7})?$/i.exec(s);
  if (!m) return null;
  const iso = parseMailDate(`${m[1]} +0000`);
  return iso ? Date.parse(iso) : null;
}

/** One pass over the fields (this runs on every analysis): only the few names below are read. */
export function clockObservations(fields: readonly RawField[]): ClockObservation[] {
  const out: ClockObservation[] = [];
  let date = false;
  let dkim = 0;
  let arc = 0;
  let xr = 0;
  let oat = false;
  for (const f of fields) {
    switch (f.key) {
      case "date": {
        if (date) break;
        date = true;
        const iso = parseMailDate(f.decoded);
        if (iso) out.push({ group: "header:date", label: "the Date header", time: Date.parse(iso), before: "first" });
        break;
      }
      case "dkim-signature":
      case "arc-seal": {
        const isDkim = f.key === "dkim-signature";
        if ((isDkim ? dkim++ : arc++) >= MAX_PER_KIND) break;
        // The one tag-list reader (its answers are shared with the sending-service and border readers).
        const tags = parseTagList(f.value);
        const t = epochTag(tags.get("t"));
        const d = signerDomain(tags);
        if (t === null || !d) break;
        if (isDkim) out.push({ group: `dkim:${d}`, label: `the DKIM signature of ${d} (t=)`, time: t, before: "border" });
        else out.push({ group: `arc:${d}`, label: `the ARC seal i=${tags.get("i") ?? "?"} of ${d} (t=)`, time: t, before: "last" });
        break;
      }
      case "x-received": {
        if (xr++ >= MAX_PER_KIND) break;
        const v = f.value;
        const semi = v.lastIndexOf(";");
        if (semi < 0 || !v.startsWith("by ")) break;
        const iso = parseMailDate(v.slice(semi + 1));
        if (!iso) break;
        const space = v.indexOf(" ", 3);
        const host = v.slice(3, space > 0 && space < semi ? space : semi).toLowerCase();
        const op = operatorForHost(host)?.name ?? null;
        out.push({ group: op ?? `x-received:${host}`, label: `X-Received by ${op ?? host}`, time: Date.parse(iso), before: "last" });
        break;
      }
      case "x-ms-exchange-organization-originalarrivaltime":
      case "x-ms-exchange-crosstenant-originalarrivaltime": {
        if (oat) break;
        const t = exchangeArrivalTime(f.decoded);
        if (t === null) break;
        oat = true;
        out.push({ group: MICROSOFT_GROUP, label: `${f.name} (Exchange Online's clock)`, time: t, before: "last" });
        break;
      }
    }
  }
  return out;
}
