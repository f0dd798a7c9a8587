/**
 * SpamAssassin: X-Spam-Status ("Yes, score=8.2 required=6.0 tests=A,B autolearn=no version=…";
 * older "hits="), X-Spam-Flag (YES/NO), X-Spam-Score, X-Spam-Level (one "*" per point), and
 * X-Spam-Report (the "pts rule name description" table, or "* 1.5 RULE description" lines),
 * whose per-rule points and descriptions are the message's own; X-Spam-Tests when tests= is absent. Barracuda's appliance writes the
 * same shapes under X-Barracuda-Spam-* (gateways.ts reuses these readers).
 * The topmost copy of each header is read (the server nearest the mailbox).
 */
import type { RawField } from "../message/headers";
import type { AntispamField, SpamVerdict } from "../types";
import { MAX_FIELDS, decimal, field, report, type VendorReport } from "./common";
import { SPAMASSASSIN_RULES } from "./spamassassin-rules";

export const SPAMASSASSIN = "SpamAssassin";

export interface SpamStatus {
  flag: boolean | null;
  score: number | null;
  required: number | null;
  tests: string[];
  /** Other key=value words (autolearn, version, TAG_LEVEL, …) as written. */
  extra: { key: string; value: string }[];
}

/** Reads an X-Spam-Status-shaped value. Never throws; linear. */
export function parseSpamStatus(value: string): SpamStatus {
  const comma = value.indexOf(",");
  const head = (comma >= 0 ? value.slice(0, comma) : value.split(/\s/, 1)[0]).trim().toLowerCase();
  const flag = head === "yes" ? true : head === "no" ? false : null;
  const rest = comma >= 0 ? value.slice(comma + 1) : value.slice(head.length);
  const words = rest.split(/\s+/).filter((w) => w.length > 0);
  const out: SpamStatus = { flag, score: null, required: null, tests: [], extra: [] };
  let inTests = false;
  for (const w of words) {
    const eq = w.indexOf("=");
    // tests=A,B,\n C,D: a folded list continues while the previous word ended with a comma.
    if (inTests && eq < 0) {
      out.tests.push(...splitTests(w));
      inTests = w.endsWith(",");
      continue;
    }
    inTests = false;
    if (eq <= 0) continue;
    const key = w.slice(0, eq).toLowerCase();
    const v = w.slice(eq + 1);
    if (key === "score" || key === "hits") out.score = decimal(v);
    else if (key === "required") out.required = decimal(v);
    else if (key === "tests") {
      out.tests.push(...splitTests(v));
      inTests = v.endsWith(",") || v === "";
    } else if (out.extra.length < 16) out.extra.push({ key: w.slice(0, eq), value: v });
  }
  out.tests = [...new Set(out.tests)].slice(0, MAX_FIELDS);
  return out;
}

function splitTests(text: string): string[] {
  return text.split(",").map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 64 && t.toLowerCase() !== "none");
}

/** One rule line of a report: points, name, description (the message's own words). */
export interface ReportRule {
  points: number;
  /** The points as written ("-0.0"). */
  raw: string;
  name: string;
  description: string;
}

const RULE_NAME = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * Reads the rule lines of an X-Spam-Report (unfolded: lines joined by spaces). Walks the words:
 * a number followed by an upper-case rule name starts a rule; the words up to the next one are
 * its description ("*" bullets and the table's dashes dropped).
 */
export function parseSpamReport(value: string): ReportRule[] {
  const words = value.split(/\s+/).filter((w) => w.length > 0 && w !== "*" && !/^-+$/.test(w));
  const rules: ReportRule[] = [];
  let current: { points: number; raw: string; name: string; words: string[] } | null = null;
  const flush = () => {
    if (current) rules.push({ points: current.points, raw: current.raw, name: current.name, description: current.words.join(" ").slice(0, 300) });
    current = null;
  };
  for (let i = 0; i < words.length; i++) {
    const n = decimal(words[i]);
    if (n !== null && i + 1 < words.length && RULE_NAME.test(words[i + 1])) {
      flush();
      if (rules.length >= MAX_FIELDS) break;
      current = { points: n, raw: words[i], name: words[i + 1], words: [] };
      i++;
      continue;
    }
    if (current && current.words.length < 60) current.words.push(words[i]);
  }
  flush();
  return rules;
}

/** Fields and verdict from status/flag/score/report values (shared with Barracuda). */
export function spamAssassinFields(
  status: SpamStatus | null,
  flagText: string | null,
  scoreText: string | null,
  reportRules: readonly ReportRule[],
  statusName: string,
): { verdict: SpamVerdict; score: number | null; threshold: number | null; reason: string[]; fields: AntispamField[] } {
  const fields: AntispamField[] = [];
  const flagWord = flagText?.trim().toUpperCase() ?? null;
  const flag = status?.flag ?? (flagWord === "YES" ? true : flagWord === "NO" ? false : null);
  if (status && status.flag !== null) fields.push(field(statusName, status.flag ? "Yes" : "No", status.flag ? "The filter judged the message spam (score at or above the required score)." : "The filter judged the message not spam (score below the required score)."));
  if (flagWord !== null) fields.push(field("X-Spam-Flag", flagText!.trim(), flagWord === "YES" ? "The filter flagged the message as spam." : flagWord === "NO" ? "The filter did not flag the message as spam." : null));
  const score = status?.score ?? decimal(scoreText?.trim().split(/\s/, 1)[0]);
  const threshold = status?.required ?? null;
  if (score !== null) fields.push(field("score", String(score), "Total points of the rules that matched (higher is more likely spam)."));
  if (threshold !== null) fields.push(field("required", String(threshold), "Points at which the filter calls a message spam."));
  const byName = new Map(reportRules.map((r) => [r.name, r]));
  const names = status?.tests.length ? status.tests : reportRules.map((r) => r.name);
  for (const name of names) {
    const r = byName.get(name);
    fields.push(field(name, r ? r.raw : "", r && r.description ? r.description : (SPAMASSASSIN_RULES[name] ?? null)));
  }
  const verdict: SpamVerdict = flag === true ? "spam" : flag === false ? "clean" : "unknown";
  const reason: string[] = [];
  if (score !== null) reason.push(`score ${score}${threshold !== null ? ` of ${threshold} required` : ""}`);
  if (flag !== null && flagWord) reason.push(`X-Spam-Flag: ${flagWord}`);
  return { verdict, score, threshold, reason, fields };
}

export function readSpamAssassin(fields: readonly RawField[]): VendorReport | null {
  let status: { value: string; position: number } | undefined;
  let flag: { value: string; position: number } | undefined;
  let score: { value: string; position: number } | undefined;
  let rep: { value: string; position: number } | undefined;
  let tests: { value: string; position: number } | undefined;
  let level: { value: string; position: number } | undefined;
  let checker: { value: string; position: number } | undefined;
  fields.forEach((f, position) => {
    const e = { value: f.value, position };
    switch (f.key) {
      case "x-spam-status": status ??= e; break;
      case "x-spam-flag": flag ??= e; break;
      case "x-spam-score": score ??= e; break;
      case "x-spam-report": rep ??= e; break;
      case "x-spam-tests": tests ??= e; break;
      case "x-spam-level": level ??= e; break;
      case "x-spam-checker-version": checker ??= e; break;
    }
  });
  const primary = status ?? flag ?? score;
  if (!primary) return null;
  const parsed = status ? parseSpamStatus(status.value) : null;
  // Some setups (Exim's spamd glue, Haraka) list the rules in X-Spam-Tests instead of tests=.
  if (parsed && parsed.tests.length === 0 && tests) parsed.tests = parseSpamStatus(`, tests=${tests.value.replace(/\s+/g, "")}`).tests;
  const rules = rep ? parseSpamReport(rep.value) : [];
  const r = spamAssassinFields(parsed, flag?.value ?? null, score?.value ?? null, rules, "X-Spam-Status");
  const header = status ? "X-Spam-Status" : flag ? "X-Spam-Flag" : "X-Spam-Score";
  const extra = [];
  if (level) {
    const stars = level.value.trim();
    const allStars = stars.length <= 100 && [...stars].every((c) => c === "*");
    extra.push(field("X-Spam-Level", level.value, allStars ? `One "*" per whole point of the score: ${stars.length}.` : null));
  }
  if (checker) extra.push(field("X-Spam-Checker-Version", checker.value, "The SpamAssassin version and the host that ran it."));
  return report(SPAMASSASSIN, header, primary.position, r.verdict, r.score, r.threshold, r.reason, [...r.fields.slice(0, 4), ...extra, ...r.fields.slice(4)]);
}
