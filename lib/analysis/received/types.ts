import type { HopTls } from "../types";

/**
 * What one Received header says, before it is placed in the chain.
 * Produced by parseReceived() (parse-received.ts); consumed by index.ts, relay-type.ts, findings.ts.
 * Every field is null when the header does not say it.
 */
export interface ParsedReceived {
  /** The from clause; null when the header has no from part (e.g. Postmark "by … id …", qmail comments). */
  from: {
    /** HELO/EHLO name as written (brackets kept for address literals, e.g. "[192.0.2.1]"). */
    helo: string | null;
    /** Reverse-DNS name the receiver recorded: lower-case, trailing dot removed; "unknown" → null. */
    rdns: string | null;
    /** Connecting IP: IPv4 dotted or IPv6 compressed lower-case, "IPv6:" prefix and %zone removed. */
    ip: string | null;
  } | null;
  /** The by clause. host lower-case, trailing dot removed. */
  by: { host: string | null; ip: string | null } | null;
  /** The via clause as written (e.g. "Frontend Transport"), or null. */
  via: string | null;
  /** Protocol token, upper-cased ("ESMTPS", "MICROSOFT SMTP SERVER", "MAPI", "HTTP", "LMTP", …). */
  with: string | null;
  id: string | null;
  /** Envelope recipient without angle brackets. */
  for: string | null;
  /** Envelope sender recorded in a comment, e.g. Exim/Postmark "(envelope-from <…>)". */
  envelopeFrom: string | null;
  /** The date text as found (after the last ";", or SendGrid's Go-time form), or null. */
  dateText: string | null;
  /** The date as ISO 8601 UTC, or null when absent or unparseable. Never guessed. */
  timestamp: string | null;
  tls: HopTls;
  /** SMTP AUTH recorded: true; plain protocol token: false; null when unknown. */
  authenticated: boolean | null;
  /**
   * Evidence that this hop is a submission from a local program or mail client:
   * "userid" (Postfix "from userid N"), "uid" (qmail "invoked by uid"), "submit" (Sendmail /Submit),
   * "local" (with local/LOCAL, "from user@localhost"), "http" (with HTTP/HTTPS/HTTPREST),
   * "mapi" (with mapi), "auth" (SMTP AUTH recorded), or null.
   */
  submission: "userid" | "uid" | "submit" | "local" | "http" | "mapi" | "auth" | null;
  /** MTA software recognised from the header's form, e.g. "Postfix", "Exim", "Sendmail", "qmail", or null. */
  software: string | null;
  /** Texts of the top-level parenthesised comments, in order (without the outer parentheses). */
  comments: string[];
  /** True when the receiver marked the from part as possibly forged (Sendmail "(may be forged)"). */
  mayBeForged: boolean;
  /**
   * What could not be read. Codes: "unreadable-header" (nothing usable), "unreadable-date"
   * (a date text that does not parse), "missing-date" (no date at all), "junk-by-host" (the by
   * clause names no host: "by : HOSTING RELAY :"; by.host is null).
   */
  problems: ("unreadable-header" | "unreadable-date" | "missing-date" | "too-many-parts" | "junk-by-host")[];
}
