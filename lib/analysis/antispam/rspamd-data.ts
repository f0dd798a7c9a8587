/**
 * rspamd actions and symbol descriptions, as rspamd documents them: the actions of rspamd's
 * "Actions and scores" documentation, and the symbol descriptions of its conf/scores.d
 * (policies_group.conf: SPF, DKIM, DMARC, ARC). Symbols not listed keep meaning null.
 */
import type { SpamVerdict } from "../types";

export const RSPAMD_ACTIONS: Readonly<Record<string, { meaning: string; verdict: SpamVerdict }>> = {
  "no action": { meaning: "No action: the message is likely ham.", verdict: "clean" },
  greylist: { meaning: "Greylist: the message should be temporarily delayed (greylisted).", verdict: "unknown" },
  "add header": { meaning: "Add header: the message is likely spam; a spam header is added.", verdict: "spam" },
  "rewrite subject": { meaning: "Rewrite subject: the message is likely spam; its subject is rewritten.", verdict: "spam" },
  "soft reject": { meaning: "Soft reject: the message is temporarily rejected.", verdict: "unknown" },
  reject: { meaning: "Reject: the message is ultimately rejected as spam.", verdict: "spam" },
};

export const RSPAMD_SYMBOLS: Readonly<Record<string, string>> = {
  R_SPF_FAIL: "SPF verification failed",
  R_SPF_SOFTFAIL: "SPF verification soft-failed",
  R_SPF_NEUTRAL: "SPF policy is neutral",
  R_SPF_ALLOW: "SPF verification allows sending",
  R_SPF_DNSFAIL: "SPF DNS failure",
  R_SPF_NA: "Missing SPF record",
  R_SPF_PERMFAIL: "SPF record is malformed or persistent DNS error",
  R_SPF_PLUSALL: "SPF record allows to send from any IP",
  R_DKIM_REJECT: "DKIM verification failed",
  R_DKIM_TEMPFAIL: "DKIM verification soft-failed",
  R_DKIM_PERMFAIL: "DKIM verification hard-failed (invalid)",
  R_DKIM_ALLOW: "DKIM verification succeed",
  R_DKIM_ALIGNED: "DKIM signing domain is aligned with the From domain",
  R_DKIM_NA: "Missing DKIM signature",
  DMARC_POLICY_ALLOW: "DMARC permit policy",
  DMARC_POLICY_ALLOW_WITH_FAILURES: "DMARC permit policy with DKIM/SPF failure",
  DMARC_POLICY_REJECT: "DMARC reject policy",
  DMARC_POLICY_QUARANTINE: "DMARC quarantine policy",
  DMARC_POLICY_SOFTFAIL: "DMARC failed",
  DMARC_NA: "No DMARC record",
  ARC_ALLOW: "ARC checks success",
  ARC_REJECT: "ARC checks failed",
  ARC_INVALID: "ARC structure invalid",
  ARC_DNSFAIL: "ARC DNS error",
  ARC_NA: "ARC signature absent",
};
