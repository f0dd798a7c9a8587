/**
 * Spam filters' verdicts (issue 12): one report per vendor whose headers the message carries,
 * each with its verdict, score and every field with its documented meaning. Each vendor reader
 * lives in its own module with its code table as data; this file runs them and says whose
 * record each report is (trusted: written at or above the recipient's border).
 */
import type { Guard } from "../guard";
import { firstField, type RawField } from "../message/headers";
import type { AntispamReport } from "../types";
import type { VendorReport } from "./common";
import { readBarracuda, readIronPort, readMimecast, readProofpoint } from "./gateways";
import { readMicrosoft } from "./microsoft";
import { readKaspersky, readProton, readUnitedInternet, readVade } from "./providers";
import { readRspamd } from "./rspamd";
import { readSpamAssassin } from "./spamassassin";

/** Each reader with the header keys that start a report (a reader runs only when one is present). */
const READERS: readonly { header: string; keys: readonly string[]; read: (fields: readonly RawField[]) => VendorReport | null }[] = [
  { header: "X-Forefront-Antispam-Report", keys: ["x-forefront-antispam-report", "x-ms-exchange-organization-scl", "x-microsoft-antispam", "authentication-results"], read: readMicrosoft },
  { header: "X-Spam-Status", keys: ["x-spam-status", "x-spam-flag", "x-spam-score"], read: readSpamAssassin },
  { header: "X-Spamd-Result", keys: ["x-spamd-result", "x-rspamd-action", "x-rspamd-score", "x-rspamd-report"], read: readRspamd },
  { header: "X-Proofpoint-Spam-Details", keys: ["x-proofpoint-spam-details"], read: readProofpoint },
  { header: "X-Barracuda-Spam-Status", keys: ["x-barracuda-spam-status", "x-barracuda-spam-score"], read: readBarracuda },
  { header: "X-IronPort-Anti-Spam-Result", keys: ["x-ironport-anti-spam-result", "x-ipas-result", "x-ironport-anti-spam-filtered"], read: readIronPort },
  { header: "X-Mimecast-Spam-Score", keys: ["x-mimecast-spam-score"], read: readMimecast },
  { header: "X-Pm-Spam-Action", keys: ["x-pm-spam-action", "x-pm-spamscore"], read: readProton },
  { header: "X-UI-Filterresults", keys: ["x-ui-filterresults", "x-ui-out-filterresults"], read: readUnitedInternet },
  { header: "X-VADE-SPAMSTATE", keys: ["x-vade-spamstate", "x-vade-spamscore"], read: readVade },
  { header: "X-KLMS-AntiSpam-Status", keys: ["x-klms-antispam-status"], read: readKaspersky },
];

/**
 * Every vendor's report, the recipient's side first, then header order (topmost first).
 * `trust.at(position)` says whether a header at that position was written by the recipient's side,
 * `trust.operator(name)` whether the recipient's side is that operator (null: no border known).
 */
export function readAntispam(
  fields: readonly RawField[],
  trust: { at: (position: number) => boolean | null; operator: (name: string) => boolean | null },
  guard: Guard,
): AntispamReport[] {
  const out: { report: AntispamReport; position: number }[] = [];
  for (const r of READERS) {
    if (!r.keys.some((k) => firstField(fields, k) !== undefined)) continue;
    const rep = guard(r.header, () => r.read(fields), null);
    if (!rep) continue;
    const { position, operator, ...rest } = rep;
    out.push({ report: { ...rest, trusted: operator ? operatorTrust(operator, trust.operator) : trust.at(position) }, position });
  }
  const rank = (t: boolean | null) => (t === true ? 0 : t === null ? 1 : 2);
  out.sort((a, b) => rank(a.report.trusted) - rank(b.report.trusted) || a.position - b.position);
  return out.map((o) => o.report);
}

/** Trust by operator: true when the recipient's side is one of them, null when no border is known. */
function operatorTrust(operator: string | readonly string[], trustOf: (name: string) => boolean | null): boolean | null {
  const names = typeof operator === "string" ? [operator] : operator;
  let unknown = false;
  for (const name of names) {
    const t = trustOf(name);
    if (t === true) return true;
    if (t === null) unknown = true;
  }
  return unknown ? null : false;
}
