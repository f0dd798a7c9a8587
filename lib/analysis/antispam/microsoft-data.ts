/**
 * Microsoft 365 (Exchange Online Protection) anti-spam codes and their documented meanings, as
 * data. Sources (Microsoft Learn, MicrosoftDocs/microsoft-365-docs):
 *   "Anti-spam message headers in Microsoft 365" (X-Forefront-Antispam-Report, X-Microsoft-Antispam,
 *   Authentication-Results compauth/reason/action), "Spam confidence level (SCL) in EOP",
 *   "Bulk complaint level (BCL) in EOP", and Exchange Server's "Antispam stamps" (PCL).
 * Microsoft states that fields it does not describe (SFS, SFP, DIR, SRVR, EFV, …) are for its
 * anti-spam team's diagnostics: they are shown raw with meaning null. Codes not listed here are
 * shown raw with meaning null, never guessed.
 */
import type { SpamVerdict } from "../types";

/** X-Forefront-Antispam-Report SFV: the spam filtering verdict. */
export const SFV: Readonly<Record<string, { meaning: string; verdict: SpamVerdict | null }>> = {
  BLK: { meaning: "Filtering was skipped and the message was blocked: the sender is in a user's Blocked Senders list.", verdict: "spam" },
  NSPM: { meaning: "Spam filtering marked the message as non-spam.", verdict: "clean" },
  SFE: { meaning: "Filtering was skipped and the message was allowed: the sender is in a user's Safe Senders list.", verdict: "skipped" },
  SKA: { meaning: "The message skipped spam filtering: the sender is in an anti-spam policy's allowed senders or domains.", verdict: "skipped" },
  SKB: { meaning: "The message was marked as spam: the sender matched an anti-spam policy's blocked senders or domains.", verdict: "spam" },
  SKI: { meaning: "The message was marked based on the content of an intra-organisational message.", verdict: null },
  SKN: { meaning: "The message was marked as non-spam before spam filtering (e.g. SCL -1 or 'Bypass spam filtering' by a mail flow rule).", verdict: "skipped" },
  SKQ: { meaning: "The message was released from quarantine and sent to the intended recipients.", verdict: "skipped" },
  SKS: { meaning: "The message was marked as spam before spam filtering (e.g. SCL 5 to 9 set by a mail flow rule).", verdict: "spam" },
  SPM: { meaning: "The message was marked as spam by spam filtering.", verdict: "spam" },
};

/** X-Forefront-Antispam-Report CAT: the category of protection policy applied. */
export const CAT: Readonly<Record<string, { meaning: string; verdict: SpamVerdict | null }>> = {
  NONE: { meaning: "No protection policy category applied.", verdict: null },
  BULK: { meaning: "Bulk.", verdict: "bulk" },
  DIMP: { meaning: "Domain impersonation.", verdict: "phish" },
  GIMP: { meaning: "Mailbox intelligence based impersonation.", verdict: "phish" },
  HPHSH: { meaning: "High confidence phishing.", verdict: "phish" },
  HPHISH: { meaning: "High confidence phishing.", verdict: "phish" },
  HSPM: { meaning: "High confidence spam.", verdict: "spam" },
  MALW: { meaning: "Malware.", verdict: "malware" },
  PHSH: { meaning: "Phishing.", verdict: "phish" },
  SPM: { meaning: "Spam.", verdict: "spam" },
  SPOOF: { meaning: "Spoofing.", verdict: "phish" },
  UIMP: { meaning: "User impersonation.", verdict: "phish" },
  AMP: { meaning: "Anti-malware.", verdict: "malware" },
  SAP: { meaning: "Safe attachments.", verdict: "malware" },
  FTBP: { meaning: "Anti-malware filetype policy.", verdict: "malware" },
  OSPM: { meaning: "Outbound spam.", verdict: "spam" },
  INTOS: { meaning: "Intra-organisation phishing.", verdict: "phish" },
};

/** X-Forefront-Antispam-Report IPV: the connecting IP's reputation verdict. */
export const IPV: Readonly<Record<string, string>> = {
  CAL: "The message skipped spam filtering: the source IP address is in the IP Allow List.",
  NLI: "The IP address was not found on any IP reputation list.",
};

/** X-Forefront-Antispam-Report SRV. */
export const SRV: Readonly<Record<string, string>> = {
  BULK: "Spam filtering identified the message as bulk email (bulk complaint level threshold).",
};

/** X-Forefront-Antispam-Report SFTY: safety tips of phishing detection. */
export const SFTY: Readonly<Record<string, string>> = {
  "9.19": "Domain impersonation: the sending domain is attempting to impersonate a protected domain.",
  "9.20": "User impersonation: the sender is attempting to impersonate a user of the recipient's organisation or a protected user.",
  "9.25": "First contact safety tip: might indicate a suspicious or phishing message.",
};

/** Spam confidence level (SCL), from the header value. */
export function sclMeaning(scl: number): { meaning: string | null; verdict: SpamVerdict | null } {
  if (scl === -1) return { meaning: "The message skipped spam filtering (e.g. a safe sender or an IP Allow List source).", verdict: "skipped" };
  if (scl === 0 || scl === 1) return { meaning: "Spam filtering determined the message was not spam.", verdict: "clean" };
  if (scl === 5 || scl === 6) return { meaning: "Spam filtering marked the message as spam (delivered to Junk Email by default).", verdict: "spam" };
  if (scl === 8 || scl === 9) return { meaning: "Spam filtering marked the message as high confidence spam.", verdict: "spam" };
  if (scl === 7) return { meaning: "High confidence spam range: SCL 7 to 9 take the high confidence spam action (Microsoft lists 7 among the values set by mail flow rules rather than by spam filtering).", verdict: "spam" };
  if (scl >= 2 && scl <= 4) return { meaning: "SCL 2 to 4 are not used by spam filtering (set by a mail flow rule, they are below the spam actions).", verdict: null };
  return { meaning: null, verdict: null };
}

/** Bulk complaint level (BCL). */
export function bclMeaning(bcl: number): string | null {
  if (bcl === 0) return "The message isn't from a bulk sender.";
  if (bcl >= 1 && bcl <= 3) return "The message is from a bulk sender that generates few complaints.";
  if (bcl >= 4 && bcl <= 7) return "The message is from a bulk sender that generates a mixed number of complaints.";
  if (bcl === 8 || bcl === 9) return "The message is from a bulk sender that generates a high number of complaints.";
  return null;
}

/** The default BCL threshold of anti-spam policies (messages at or above it are bulk). */
export const DEFAULT_BCL_THRESHOLD = 7;

/** Phishing confidence level (PCL), Exchange's antispam stamps. */
export function pclMeaning(pcl: number): string | null {
  if (pcl >= 1 && pcl <= 3) return "Neutral: the message content isn't likely to be phishing.";
  if (pcl >= 4 && pcl <= 8) return "Suspicious: the message content is likely to be phishing.";
  return null;
}

/** compauth reason codes: the 3-digit reason of composite authentication. */
export function compauthReason(code: string): string | null {
  if (code.length !== 3 || !/^\d{3}$/.test(code)) return null;
  switch (code) {
    case "000": return "The message failed explicit authentication (e.g. DMARC fail with an action of quarantine or reject).";
    case "001": return "The message failed implicit authentication: the sending domain publishes no authentication records, or only a weak failure policy (SPF softfail or neutral, DMARC p=none).";
    case "002": return "The organisation has a policy for this sender/domain pair that explicitly prohibits sending spoofed email.";
    case "010": return "The message failed DMARC with an action of reject or quarantine, and the sending domain is one of the organisation's accepted domains (self-to-self spoofing).";
    case "130": return "The message passed authentication on an ARC override: after forwarding or a filtering service broke SPF or DKIM, a trusted ARC chain vouched for the original results.";
    case "111":
    case "116": return "The message passed authentication on reverse DNS: the sending server's PTR record matches the From domain (a fallback when SPF and DKIM are not conclusive).";
  }
  switch (code[0]) {
    case "1":
    case "7": return "The message passed authentication (the last two digits are internal codes).";
    case "2": return "The message soft-passed implicit authentication (the last two digits are internal codes).";
    case "3": return "The message was not checked for composite authentication.";
    case "4":
    case "9": return "The message bypassed composite authentication (the last two digits are internal codes).";
    case "6": return "The message failed implicit email authentication, and the sending domain is one of the organisation's accepted domains (intra-org spoofing).";
  }
  return null;
}

/** compauth results. */
export const COMPAUTH: Readonly<Record<string, string>> = {
  pass: "Composite authentication passed: Microsoft 365 judged the From domain authenticated.",
  fail: "Composite authentication failed: Microsoft 365 could not authenticate the From domain.",
  softpass: "Composite authentication soft-passed (implicit authentication).",
  none: "Composite authentication was not checked or was bypassed.",
};

/** DMARC action= values Microsoft 365 writes in Authentication-Results. */
export const DMARC_ACTION: Readonly<Record<string, string>> = {
  none: "No DMARC action was taken.",
  oreject: "Override reject: DMARC failed for a domain with p=reject; Microsoft 365 marked the message as spam instead of rejecting it.",
  "o.reject": "Override reject: DMARC failed for a domain with p=reject; Microsoft 365 marked the message as spam instead of rejecting it.",
  "pct.quarantine": "DMARC failed with p=quarantine, but a pct below 100% let this message through without the action.",
  "pct.reject": "DMARC failed with p=reject, but a pct below 100% let this message through without the action.",
  permerror: "A permanent error occurred during DMARC evaluation (e.g. a malformed DMARC record).",
  temperror: "A temporary error occurred during DMARC evaluation.",
};

/** compauth failure reasons in a few words, for the verdict line ("compauth fail: …"). */
export function compauthReasonShort(code: string): string | null {
  switch (code) {
    case "000": return "explicit authentication failed (DMARC)";
    case "001": return "implicit authentication failed";
    case "002": return "spoofing prohibited by policy";
    case "010": return "DMARC failed for an accepted domain";
  }
  return code.length === 3 && code[0] === "6" ? "intra-org spoofing" : null;
}
