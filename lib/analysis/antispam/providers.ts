/**
 * Mailbox providers' and filter products' own verdict headers, whose values say the verdict in
 * words (rspamd's upstream_spam_filters rules read the same headers for UNITEDINTERNET_SPAM and
 * KLMS_SPAM):
 *   Proton             X-Pm-Spam-Action: the action Proton's filter took ("inbox", "spam",
 *                      "phishing"); X-Pm-Spamscore: its score (the scale is not published).
 *                      Proton writes them below the Received block: they are the recipient's
 *                      when the recipient's side is Proton (as Exchange Online's, trust.ts).
 *   United Internet    X-UI-Filterresults (GMX, WEB.DE, IONOS inbound) and X-UI-Out-Filterresults
 *                      (their outbound check of a user's mail, the sender's side): "notjunk:1;…",
 *                      "junk:…", "unknown:5;…"; only the word before the colon is read.
 *   Vade               X-VADE-SPAMSTATE ("clean", "spam", …) and X-VADE-SPAMSCORE (scale not
 *                      published); X-VADE-SPAMCAUSE is an encoded blob and is not read.
 *   Kaspersky          X-KLMS-AntiSpam-Status ("spam", "not spam", "not scanned, …") and
 *                      X-KLMS-AntiSpam-Rate (its score).
 * Words other than these give "unknown": nothing is guessed from an undocumented value.
 */
import type { RawField } from "../message/headers";
import type { AntispamField, SpamVerdict } from "../types";
import { decimal, field, report, type VendorReport } from "./common";

function first(fields: readonly RawField[], key: string): { value: string; position: number } | null {
  const i = fields.findIndex((f) => f.key === key);
  return i < 0 ? null : { value: fields[i].value.trim(), position: i };
}

function scoreField(fields: readonly RawField[], key: string, name: string, meaning: string): { score: number | null; out: AntispamField[] } {
  const s = first(fields, key);
  if (!s) return { score: null, out: [] };
  return { score: decimal(s.value), out: [field(name, s.value, meaning)] };
}

const PROTON_ACTIONS: Readonly<Record<string, { verdict: SpamVerdict; meaning: string }>> = {
  inbox: { verdict: "clean", meaning: "Proton's filter delivered the message to the inbox." },
  spam: { verdict: "spam", meaning: "Proton's filter moved the message to the spam folder." },
  phishing: { verdict: "phish", meaning: "Proton's filter flagged the message as phishing." },
};

export function readProton(fields: readonly RawField[]): VendorReport | null {
  const action = first(fields, "x-pm-spam-action");
  const primary = action ?? first(fields, "x-pm-spamscore");
  if (!primary) return null;
  const known = action ? PROTON_ACTIONS[action.value.toLowerCase()] : undefined;
  const out: AntispamField[] = [];
  if (action) out.push(field("X-Pm-Spam-Action", action.value, known?.meaning ?? null));
  const s = scoreField(fields, "x-pm-spamscore", "X-Pm-Spamscore", "Proton's spam score, on a scale Proton does not publish.");
  out.push(...s.out);
  const reason = [...(action ? [`action: ${action.value}`] : []), ...(s.score !== null ? [`score ${s.score}`] : [])];
  const r = report("Proton", action ? "X-Pm-Spam-Action" : "X-Pm-Spamscore", primary.position, known?.verdict ?? "unknown", s.score, null, reason, out);
  return { ...r, operator: "Proton" };
}

const UNITED_INTERNET_WORDS: Readonly<Record<string, { verdict: SpamVerdict; meaning: string }>> = {
  notjunk: { verdict: "clean", meaning: "The filter judged the message not junk." },
  junk: { verdict: "spam", meaning: "The filter judged the message junk." },
};

/** The United Internet mail services whose inbound servers write X-UI-Filterresults. */
const UNITED_INTERNET_OPERATORS: readonly string[] = ["GMX", "WEB.DE", "IONOS"];

export function readUnitedInternet(fields: readonly RawField[]): VendorReport | null {
  const inbound = first(fields, "x-ui-filterresults");
  const h = inbound ?? first(fields, "x-ui-out-filterresults");
  if (!h) return null;
  const header = inbound ? "X-UI-Filterresults" : "X-UI-Out-Filterresults";
  const colon = h.value.indexOf(":");
  const word = (colon > 0 ? h.value.slice(0, colon) : h.value).trim().toLowerCase();
  const known = UNITED_INTERNET_WORDS[word];
  const where = inbound ? "the receiving GMX / WEB.DE / IONOS servers" : "the sender's GMX / WEB.DE / IONOS servers, on the way out";
  const out = [field(header, h.value, `${known?.meaning ?? "The filter's result"} (written by ${where}).`)];
  const r = report("United Internet", header, h.position, known?.verdict ?? "unknown", null, null, [`${header}: ${word}`], out);
  // The inbound result is the recipient's when the recipient is one of these services; the
  // outbound one is the sender's provider's, and its position says so.
  return inbound ? { ...r, operator: UNITED_INTERNET_OPERATORS } : r;
}

export function readVade(fields: readonly RawField[]): VendorReport | null {
  const state = first(fields, "x-vade-spamstate");
  const primary = state ?? first(fields, "x-vade-spamscore");
  if (!primary) return null;
  const word = state?.value.toLowerCase() ?? "";
  const verdict: SpamVerdict = word === "clean" ? "clean" : word === "spam" ? "spam" : "unknown";
  const out: AntispamField[] = [];
  if (state) out.push(field("X-VADE-SPAMSTATE", state.value, verdict === "clean" ? "Vade judged the message clean." : verdict === "spam" ? "Vade judged the message spam." : null));
  const s = scoreField(fields, "x-vade-spamscore", "X-VADE-SPAMSCORE", "Vade's spam score, on a scale Vade does not publish.");
  out.push(...s.out);
  const reason = [...(state ? [`state: ${state.value}`] : []), ...(s.score !== null ? [`score ${s.score}`] : [])];
  return report("Vade", state ? "X-VADE-SPAMSTATE" : "X-VADE-SPAMSCORE", primary.position, verdict, s.score, null, reason, out);
}

export function readKaspersky(fields: readonly RawField[]): VendorReport | null {
  const status = first(fields, "x-klms-antispam-status");
  if (!status) return null;
  const v = status.value.toLowerCase();
  const verdict: SpamVerdict = v.startsWith("spam") ? "spam" : v.startsWith("not spam") ? "clean" : v.startsWith("not scanned") ? "skipped" : "unknown";
  const meaning = verdict === "spam" ? "Kaspersky judged the message spam." : verdict === "clean" ? "Kaspersky judged the message not spam." : verdict === "skipped" ? "Kaspersky did not scan the message." : null;
  const s = scoreField(fields, "x-klms-antispam-rate", "X-KLMS-AntiSpam-Rate", "Kaspersky's spam rate for the message.");
  const reason = [`status: ${status.value.length > 40 ? `${status.value.slice(0, 40)}…` : status.value}`, ...(s.score !== null ? [`rate ${s.score}`] : [])];
  return report("Kaspersky", "X-KLMS-AntiSpam-Status", status.position, verdict, s.score, null, reason, [field("X-KLMS-AntiSpam-Status", status.value, meaning), ...s.out]);
}
