import { protocolInfo } from "./protocols";
import type { ParsedReceived } from "./types";

/**
 * Which MTA wrote the header, and whether it records a submission by a local program or client.
 * Fingerprints are data (one table), checked against lower-cased comment texts and the with value.
 */

interface Fingerprint {
  /** Lower-case substring looked for in a comment text (or the with value when `inWith`). */
  needle: string;
  name: string;
  /** Only match when the comment starts with the needle (short needles that occur inside words). */
  prefix?: boolean;
  inWith?: boolean;
}

const FINGERPRINTS: Fingerprint[] = [
  { needle: "postfix", name: "Postfix" },
  { needle: "exim", name: "Exim" },
  { needle: "qmail-scanner", name: "qmail-scanner", inWith: true },
  { needle: "qmail", name: "qmail" },
  { needle: "microsoft smtp server", name: "Microsoft SMTP Server", inWith: true },
  { needle: "microsoft smtpsvc", name: "Microsoft SMTPSVC", inWith: true },
  { needle: "internet mail service", name: "Microsoft Exchange", inWith: true },
  { needle: "mapi", name: "Microsoft Exchange", inWith: true, prefix: true },
  { needle: "google transport security", name: "Google" },
  { needle: "cyrus", name: "Cyrus" },
  { needle: "dovecot", name: "Dovecot" },
  { needle: "amavis", name: "amavis" },
  { needle: "haraka", name: "Haraka" },
  { needle: "ecelerity", name: "ecelerity" },
  { needle: "mdaemon", name: "MDaemon" },
  { needle: "domino", name: "Domino" },
  { needle: "opensmtpd", name: "OpenSMTPD" },
  { needle: "zimbra", name: "Zimbra" },
  { needle: "communigate", name: "CommuniGate Pro" },
  { needle: "courier", name: "Courier" },
  { needle: "qpsmtpd", name: "qpsmtpd" },
  { needle: "kumomta", name: "KumoMTA" },
  { needle: "powermta", name: "PowerMTA" },
  { needle: "trex/", name: "MailChannels" },
  { needle: "nemesis", name: "Nemesis" },
  { needle: "axigen", name: "Axigen" },
  { needle: "zonemta", name: "ZoneMTA" },
  { needle: "mailenable", name: "MailEnable", inWith: true },
  { needle: "icewarp", name: "IceWarp" },
  { needle: "xmail", name: "XMail", inWith: true },
  { needle: "smtprs", name: "Clearswift" },
  { needle: "fetchmail", name: "fetchmail" },
  { needle: "pmdf", name: "PMDF" },
  { needle: "oracle communications messaging server", name: "Oracle Messaging Server" },
  { needle: "sg", name: "SendGrid", prefix: true },
  { needle: "pps", name: "Proofpoint", prefix: true },
  { needle: "mailchimp", name: "Mailchimp" },
  { needle: "yandex", name: "Yandex" },
  { needle: "lmtpproxy", name: "Cyrus" },
  { needle: "scalix", name: "Scalix" },
  { needle: "lsmtp", name: "LSMTP" },
];

/** Sendmail's "(8.17.1/8.17.1)", "(8.12.5/8.12.5/herald)", "(SGI-8.9.3/8.8.7)", "(8.12.1/)" version comment. */
function isSendmailVersion(c: string): boolean {
  return /^(?:[A-Za-z]+-)?8\.\d{1,2}\.\d{1,2}(?:\.\d{1,3})?\//.test(c);
}

/** Exim message ids: "1GFbZc-0006QV-L8", "1q50um-00B93v-2s". */
function isEximId(id: string): boolean {
  return /^[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}$/.test(id);
}

export interface SoftwareInput {
  comments: string[];
  withName: string | null;
  byHost: string | null;
  id: string | null;
}

/**
 * Every needle of FINGERPRINTS matches this (a test checks it): a comment it does not match
 * cannot name any software in the table, and is skipped before the 40 needles are tried.
 */
export const SOFTWARE_HINT =
  /postfix|exim|qmail|microsoft|internet mail|mapi|google|cyrus|dovecot|amavis|haraka|ecelerity|mdaemon|domino|opensmtpd|zimbra|communigate|courier|qpsmtpd|kumomta|powermta|trex\/|nemesis|axigen|zonemta|mailenable|icewarp|xmail|smtprs|fetchmail|pmdf|oracle communications|mailchimp|yandex|lmtpproxy|scalix|lsmtp|^sg|^pps/i;

/** The needles, for the test of SOFTWARE_HINT. */
export const SOFTWARE_NEEDLES: readonly string[] = FINGERPRINTS.map((f) => f.needle);

/** The MTA software recognised from the header's form, or null. */
export function detectSoftware(inp: SoftwareInput): string | null {
  const withLower = (inp.withName ?? "").toLowerCase();
  for (const c of inp.comments) {
    if (isSendmailVersion(c)) return "Sendmail";
    if (!SOFTWARE_HINT.test(c)) continue;
    const lower = c.toLowerCase();
    for (const f of FINGERPRINTS) {
      if (f.inWith && f.prefix) continue;
      const hit = f.prefix ? lower === f.needle || lower.startsWith(f.needle + " ") : lower.includes(f.needle);
      if (hit) return f.name;
    }
  }
  for (const f of FINGERPRINTS) {
    if (!f.inWith) continue;
    const hit = f.prefix ? withLower === f.needle : withLower.includes(f.needle);
    if (hit) return f.name;
  }
  const by = inp.byHost ?? "";
  if (by === "mx.google.com" || by.endsWith(".google.com") || by === "smtp.gmail.com" || by === "smtp-relay.gmail.com" || by.startsWith("2002:")) {
    return "Google";
  }
  if (inp.id !== null && isEximId(inp.id) && /^(?:e?smtps?a?|local)/.test(withLower)) return "Exim";
  return null;
}

export interface SubmissionInput {
  comments: string[];
  /** The same texts lower-cased, index by index. */
  lowerComments: string[];
  lead: string[];
  withName: string | null;
  via: string | null;
  authenticated: boolean | null;
}

/** Submission evidence in the order of precedence listed in types.ts. */
export function detectSubmission(inp: SubmissionInput): ParsedReceived["submission"] {
  const lowers = inp.lowerComments;
  if (lowers.some((c) => c.includes("from userid "))) return "userid"; // Postfix pickup
  if (lowers.some((c) => c.includes("invoked by uid") || c.startsWith("uid "))) return "uid"; // qmail-inject
  if (inp.comments.some((c) => isSendmailVersion(c) && /\/submit\b/i.test(c))) return "submit";
  const kind = protocolInfo(inp.withName)?.submission ?? null;
  const via = (inp.via ?? "").toLowerCase();
  const localFrom = inp.lead.some((c) => /^from \S*@localhost$/i.test(c)); // Sendmail "(from user@localhost)"
  if (kind === "local" || localFrom) return "local";
  if (kind === "http" || via === "http" || via === "https") return "http";
  if (kind === "mapi") return "mapi";
  if (inp.authenticated === true) return "auth";
  return null;
}
