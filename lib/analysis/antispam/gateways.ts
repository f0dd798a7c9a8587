/**
 * Security gateways that write their own verdict headers:
 *   Proofpoint   X-Proofpoint-Spam-Details: "rule=notspam policy=default score=0 spamscore=0 …"
 *   Barracuda    X-Barracuda-Spam-Status / -Score / -Report (SpamAssassin's shapes, SCORE= and
 *                TAG_LEVEL / QUARANTINE_LEVEL / KILL_LEVEL for the tag, quarantine and block scores)
 *   Cisco Secure Email (IronPort)   X-IronPort-Anti-Spam-Filtered, X-IronPort-Anti-Spam-Result,
 *                X-IPAS-Result: the result is an encoded blob Cisco does not document; it is
 *                shown raw and no verdict is read from it.
 *   Mimecast     X-Mimecast-Spam-Score: a number on a scale Mimecast does not publish.
 * Proofpoint's verdict is read only from its rule name when it says spam or not spam outright
 * ("notspam", "outbound_notspam", "spam", "gmspam_spam"); other rule names give "unknown".
 */
import type { RawField } from "../message/headers";
import type { AntispamField, SpamVerdict } from "../types";
import { decimal, field, report, type VendorReport } from "./common";
import { parseSpamReport, parseSpamStatus, spamAssassinFields } from "./spamassassin";

function firstOf(fields: readonly RawField[], keys: readonly string[]): Map<string, { value: string; position: number }> {
  const out = new Map<string, { value: string; position: number }>();
  fields.forEach((f, position) => {
    if (keys.includes(f.key) && !out.has(f.key)) out.set(f.key, { value: f.value, position });
  });
  return out;
}

/** "k=v k=v" words → pairs in order. */
function spacePairs(value: string): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const w of value.split(/\s+/)) {
    if (out.length >= 64) break;
    const eq = w.indexOf("=");
    if (eq > 0) out.push({ key: w.slice(0, eq), value: w.slice(eq + 1) });
  }
  return out;
}

export function readProofpoint(fields: readonly RawField[]): VendorReport | null {
  const h = firstOf(fields, ["x-proofpoint-spam-details"]).get("x-proofpoint-spam-details");
  if (!h) return null;
  const out: AntispamField[] = [];
  let verdict: SpamVerdict = "unknown";
  let score: number | null = null;
  const reason: string[] = [];
  for (const { key, value } of spacePairs(h.value)) {
    const k = key.toLowerCase();
    if (k === "rule") {
      const r = value.toLowerCase();
      if (r === "notspam" || r.endsWith("_notspam")) verdict = "clean";
      else if (r === "spam" || r.endsWith("_spam")) verdict = "spam";
      reason.push(`rule=${value}`);
      out.push(field("rule", value, "The Proofpoint rule that classified the message."));
    } else if (k === "policy") out.push(field("policy", value, "The Proofpoint policy that applied."));
    else if (k === "score") {
      score = decimal(value);
      out.push(field("score", value, "Proofpoint's score for the rule that classified the message."));
    } else out.push(field(key, value, null));
  }
  if (score !== null) reason.push(`score ${score}`);
  return report("Proofpoint", "X-Proofpoint-Spam-Details", h.position, verdict, score, null, reason, out);
}

const BARRACUDA_LEVELS: Readonly<Record<string, string>> = {
  TAG_LEVEL: "Score at or above which Barracuda tags the message.",
  QUARANTINE_LEVEL: "Score at or above which Barracuda quarantines the message.",
  KILL_LEVEL: "Score at or above which Barracuda blocks the message.",
};

export function readBarracuda(fields: readonly RawField[]): VendorReport | null {
  const h = firstOf(fields, ["x-barracuda-spam-status", "x-barracuda-spam-score", "x-barracuda-spam-report", "x-barracuda-spam-flag"]);
  const status = h.get("x-barracuda-spam-status");
  const primary = status ?? h.get("x-barracuda-spam-score");
  if (!primary) return null;
  const parsed = status ? parseSpamStatus(status.value) : null;
  const rules = h.get("x-barracuda-spam-report") ? parseSpamReport(h.get("x-barracuda-spam-report")!.value) : [];
  const r = spamAssassinFields(parsed, h.get("x-barracuda-spam-flag")?.value ?? null, h.get("x-barracuda-spam-score")?.value ?? null, rules, "X-Barracuda-Spam-Status");
  const levels = (parsed?.extra ?? []).filter((e) => BARRACUDA_LEVELS[e.key.toUpperCase()]);
  const kill = levels.find((e) => e.key.toUpperCase() === "KILL_LEVEL");
  const extra = levels.map((e) => field(e.key, e.value, BARRACUDA_LEVELS[e.key.toUpperCase()]));
  const fieldsOut = [...r.fields.slice(0, 3), ...extra, ...r.fields.slice(3)];
  return report("Barracuda", status ? "X-Barracuda-Spam-Status" : "X-Barracuda-Spam-Score", primary.position, r.verdict, r.score, kill ? decimal(kill.value) : null, r.reason, fieldsOut);
}

export function readIronPort(fields: readonly RawField[]): VendorReport | null {
  const h = firstOf(fields, ["x-ironport-anti-spam-filtered", "x-ironport-anti-spam-result", "x-ipas-result"]);
  const primary = h.get("x-ironport-anti-spam-result") ?? h.get("x-ipas-result") ?? h.get("x-ironport-anti-spam-filtered");
  if (!primary) return null;
  const out: AntispamField[] = [];
  const filtered = h.get("x-ironport-anti-spam-filtered");
  if (filtered) out.push(field("X-IronPort-Anti-Spam-Filtered", filtered.value, filtered.value.trim().toLowerCase() === "true" ? "The message was scanned by Cisco's anti-spam engine." : null));
  for (const key of ["x-ironport-anti-spam-result", "x-ipas-result"]) {
    const e = h.get(key);
    if (e) out.push(field(key === "x-ipas-result" ? "X-IPAS-Result" : "X-IronPort-Anti-Spam-Result", e.value, null));
  }
  const header = h.get("x-ironport-anti-spam-result") ? "X-IronPort-Anti-Spam-Result" : h.get("x-ipas-result") ? "X-IPAS-Result" : "X-IronPort-Anti-Spam-Filtered";
  return report("Cisco Secure Email", header, primary.position, "unknown", null, null, [], out);
}

export function readMimecast(fields: readonly RawField[]): VendorReport | null {
  const e = firstOf(fields, ["x-mimecast-spam-score"]).get("x-mimecast-spam-score");
  if (!e) return null;
  const score = decimal(e.value);
  return report("Mimecast", "X-Mimecast-Spam-Score", e.position, "unknown", score, null, score === null ? [] : [`score ${score}`], [
    field("X-Mimecast-Spam-Score", e.value, "Mimecast's spam score, on a scale Mimecast does not publish."),
  ]);
}
