/**
 * Shared pieces of the spam-filter readers: one field in words, numbers as written, and the
 * shape every vendor reader returns before build.ts adds whose record it is (trusted).
 */
import type { AntispamField, AntispamReport, SpamVerdict } from "../types";

/** Longest value kept per field: a hostile header must not blow up the response. */
export const MAX_VALUE_CHARS = 512;
/** Most fields kept per report (SpamAssassin and rspamd list one per rule). */
export const MAX_FIELDS = 120;

/** A report before its trust is known: the header's position (0 = topmost) comes with it. */
export interface VendorReport extends Omit<AntispamReport, "trusted"> {
  position: number;
  /**
   * Set when the operator's servers write these headers below the Received block and strip
   * copies from outside (Exchange Online's header firewall): trust then follows whether the
   * recipient's side is this operator (or one of these operators), not the header's position.
   */
  operator?: string | readonly string[];
}

export function field(name: string, value: string, meaning: string | null): AntispamField {
  const v = value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  return { name, value: v, meaning };
}

/** A decimal number as written ("7", "-2.3", "+1.5", "13.11"); null for anything else. */
export function decimal(text: string | undefined | null): number | null {
  if (text === undefined || text === null) return null;
  const t = text.trim();
  if (t.length === 0 || t.length > 16) return null;
  let i = t[0] === "-" || t[0] === "+" ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; i < t.length; i++) {
    const c = t[i];
    if (c >= "0" && c <= "9") digits++;
    else if (c === "." && !dot) dot = true;
    else return null;
  }
  if (digits === 0) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Integer as written ("-1", "7"); null otherwise. */
export function integer(text: string | undefined | null): number | null {
  const n = decimal(text);
  return n !== null && Number.isInteger(n) && !(text ?? "").includes(".") ? n : null;
}

export function report(
  vendor: string,
  header: string,
  position: number,
  verdict: SpamVerdict,
  score: number | null,
  threshold: number | null,
  reason: string[],
  fields: AntispamField[],
): VendorReport {
  return { vendor, header, position, verdict, score, threshold, reason, fields: fields.slice(0, MAX_FIELDS) };
}
