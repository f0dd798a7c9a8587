/**
 * Names as the header wrote them, for display (issue 14). The API keeps its normalised forms
 * (`by.host` lower-case, `with` upper-case: types.ts); a person compares the page with the raw
 * header, so the page shows the spelling found in the hop's raw text when it can find it, and
 * protocol tokens in their usual case ("Microsoft SMTP Server", "ESMTPS"), never shouted.
 */
import type { Hop } from "@/lib/analysis/types";

/**
 * Protocol phrases whose usual spelling is not upper-case. Exchange writes
 * "with Microsoft SMTP Server (version=TLS1_2, …)"; every SMTP-family token of the IANA "Mail
 * Transmission Types" registry (ESMTP, ESMTPSA, LMTP, UTF8SMTPS, …) is upper-case already.
 */
const USUAL_CASE = new Map<string, string>([
  ["MICROSOFT SMTP SERVER", "Microsoft SMTP Server"],
  ["MICROSOFT SMTPSVC", "Microsoft SMTPSVC"],
]);

/**
 * The text of `needle` (compared case-insensitively) as written in `raw`, preferring the
 * occurrence right after `keyword` ("by ", "with "). Plain indexOf scans: linear, no regex.
 */
function asWritten(raw: string, needle: string, keyword: string): string | null {
  if (!needle) return null;
  const lower = raw.toLowerCase();
  // toLowerCase can change the length of some characters (U+0130); offsets would not line up.
  if (lower.length !== raw.length) return null;
  const n = needle.toLowerCase();
  const key = `${keyword} ${n}`;
  let at = lower.indexOf(key);
  if (at >= 0) at += keyword.length + 1;
  else {
    const tabbed = lower.indexOf(`${keyword}\t${n}`);
    at = tabbed >= 0 ? tabbed + keyword.length + 1 : lower.indexOf(n);
  }
  return at >= 0 ? raw.slice(at, at + n.length) : null;
}

/** The `by` server as the header wrote it (case kept), else the normalised host or IP. */
export function byAsWritten(hop: Pick<Hop, "by" | "raw">): string {
  const host = hop.by?.host;
  if (host) return asWritten(hop.raw ?? "", host, "by") ?? host;
  return hop.by?.ip ?? "(not recorded)";
}

/** The protocol in its usual case: as written, with known phrases in their usual spelling. */
export function protocolAsWritten(hop: Pick<Hop, "with" | "raw">): string | null {
  const w = hop.with;
  if (!w) return null;
  const usual = USUAL_CASE.get(w.toUpperCase());
  if (usual) return usual;
  const written = asWritten(hop.raw ?? "", w, "with");
  // A token written in lower case by its MTA ("with mapi", "with local") is shown as written.
  return written ?? w;
}
