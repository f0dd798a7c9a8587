/**
 * rspamd: X-Spamd-Result ("default: False [13.11 / 25.00]; SYMBOL(5.50)[options]; …"),
 * X-Rspamd-Score, X-Rspamd-Action, X-Rspamd-Report ("SYMBOL(0.1) SYMBOL(-0.2) …"), X-Rspamd-Bar.
 * Verdict: the action when written (rspamd decides the action from the score); else the
 * X-Spamd-Result flag, which milter_headers writes True only for the reject action (True: spam);
 * else X-Spam: Yes, which its spam-header routine adds for any action but "no action" and
 * "greylist" (spam). A False flag alone says only "not rejected": the verdict is then unknown.
 */
import type { RawField } from "../message/headers";
import type { AntispamField, SpamVerdict } from "../types";
import { MAX_FIELDS, decimal, field, report, type VendorReport } from "./common";
import { RSPAMD_ACTIONS, RSPAMD_SYMBOLS } from "./rspamd-data";

export const RSPAMD = "rspamd";

export interface SpamdResult {
  flag: boolean | null;
  score: number | null;
  required: number | null;
  symbols: { name: string; score: number | null; options: string }[];
}

/** Splits on ";" outside [ ] (options lists may hold anything). */
function segments(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "[") depth++;
    else if (c === "]" && depth > 0) depth--;
    else if (c === ";" && depth === 0) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** "NAME(1.5)[opts]" or "NAME(1.5)" → parts; null when not that shape. */
export function parseSymbol(text: string): { name: string; score: number | null; options: string } | null {
  const open = text.indexOf("(");
  const name = (open >= 0 ? text.slice(0, open) : text).trim();
  if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(name)) return null;
  if (open < 0) return { name, score: null, options: "" };
  const close = text.indexOf(")", open);
  if (close < 0) return { name, score: null, options: "" };
  const score = decimal(text.slice(open + 1, close));
  const rest = text.slice(close + 1).trim();
  const options = rest.startsWith("[") && rest.endsWith("]") ? rest.slice(1, -1) : "";
  return { name, score, options };
}

export function parseSpamdResult(value: string): SpamdResult {
  const segs = segments(value);
  const out: SpamdResult = { flag: null, score: null, required: null, symbols: [] };
  const head = segs[0] ?? "";
  const colon = head.indexOf(":");
  if (colon > 0 && head.indexOf("[") > colon) {
    const word = head.slice(colon + 1, head.indexOf("[")).trim().toLowerCase();
    out.flag = word === "true" || word === "yes" ? true : word === "false" || word === "no" ? false : null;
    const inside = head.slice(head.indexOf("[") + 1, head.indexOf("]") > 0 ? head.indexOf("]") : undefined);
    const [s, r] = inside.split("/");
    out.score = decimal(s);
    out.required = decimal(r);
  }
  for (const seg of segs.slice(colon > 0 ? 1 : 0)) {
    if (out.symbols.length >= MAX_FIELDS) break;
    const sym = parseSymbol(seg);
    if (sym) out.symbols.push(sym);
  }
  return out;
}

export function readRspamd(fields: readonly RawField[]): VendorReport | null {
  const first: Record<string, { value: string; position: number }> = {};
  fields.forEach((f, position) => {
    if (f.key === "x-spamd-result" || f.key === "x-rspamd-score" || f.key === "x-rspamd-action" || f.key === "x-rspamd-report" || f.key === "x-rspamd-bar" || f.key === "x-spam") {
      first[f.key] ??= { value: f.value, position };
    }
  });
  const primary = first["x-spamd-result"] ?? first["x-rspamd-action"] ?? first["x-rspamd-score"] ?? first["x-rspamd-report"];
  if (!primary) return null;
  const result = first["x-spamd-result"] ? parseSpamdResult(first["x-spamd-result"].value) : null;
  const out: AntispamField[] = [];
  const reason: string[] = [];
  const actionText = first["x-rspamd-action"]?.value.trim() ?? null;
  const action = actionText ? RSPAMD_ACTIONS[actionText.toLowerCase()] : undefined;
  if (actionText !== null) out.push(field("action", actionText, action?.meaning ?? null));
  const score = result?.score ?? decimal(first["x-rspamd-score"]?.value);
  const threshold = result?.required ?? null;
  if (result?.flag !== null && result?.flag !== undefined) {
    out.push(field("default", result.flag ? "True" : "False", result.flag ? "rspamd's action was reject." : "rspamd's action was not reject (the flag is True for reject only; it is no spam or ham verdict)."));
  }
  const spamHeader = first["x-spam"]?.value.trim() ?? null;
  const spamYes = spamHeader !== null && /^(?:yes|true)\b/i.test(spamHeader);
  if (spamHeader !== null) out.push(field("X-Spam", spamHeader, spamYes ? "rspamd's spam header: added for every action but no action and greylist." : null));
  if (score !== null) out.push(field("score", String(score), "Total score of the symbols that matched (higher is more likely spam)."));
  if (threshold !== null) out.push(field("required", String(threshold), "Score of the reject action: at or above it rspamd rejects the message."));
  if (first["x-rspamd-bar"]) out.push(field("X-Rspamd-Bar", first["x-rspamd-bar"].value, "The score as a bar: one + (or -) per point."));
  let symbols = result?.symbols ?? [];
  if (symbols.length === 0 && first["x-rspamd-report"]) {
    symbols = first["x-rspamd-report"].value.split(/\s+/).map(parseSymbol).filter((s): s is NonNullable<typeof s> => s !== null).slice(0, MAX_FIELDS);
  }
  for (const s of symbols) out.push(field(s.name, s.score === null ? "" : `${s.score}${s.options ? ` [${s.options}]` : ""}`, RSPAMD_SYMBOLS[s.name] ?? null));

  let verdict: SpamVerdict = "unknown";
  if (action) {
    verdict = action.verdict;
    reason.push(`action: ${actionText}`);
  } else if (result?.flag === true) {
    verdict = "spam";
    reason.push("action: reject");
  } else if (spamYes) {
    verdict = "spam";
    reason.push("X-Spam: Yes");
  }
  if (score !== null) reason.push(`score ${score}${threshold !== null ? ` of ${threshold}` : ""}`);
  const header = first["x-spamd-result"] ? "X-Spamd-Result" : first["x-rspamd-action"] ? "X-Rspamd-Action" : first["x-rspamd-score"] ? "X-Rspamd-Score" : "X-Rspamd-Report";
  return report(RSPAMD, header, primary.position, verdict, score, threshold, reason, out);
}
