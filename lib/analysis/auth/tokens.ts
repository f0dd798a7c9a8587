/**
 * A small tokenizer for the header values that carry authentication results:
 * Authentication-Results (RFC 8601 §2.2), ARC-Authentication-Results (RFC 8617 §4.1.2)
 * and Received-SPF (RFC 7208 §9.1).
 *
 * One pass over the value, no regular expressions: hostile input (1 MiB of "(" or "\"")
 * costs linear time. Unclosed comments and quoted strings run to the end of the value
 * instead of failing, so a cut header still yields what it said before the cut.
 */

import { commentEnd, quotedEnd, unquote } from "../text/scan";

export type AuthTokenType = "word" | "quoted" | "comment" | "semi" | "eq";

export interface AuthToken {
  type: AuthTokenType;
  /** word: as written; quoted: content with quoted-pairs resolved; comment: inner text; "" for semi/eq. */
  text: string;
  /** Whitespace (or nothing at all, at the start) precedes the token; used to rebuild values like "SRS0=ab=cd@x". */
  spaceBefore: boolean;
}

/**
 * Most tokens read from one value. Real Authentication-Results headers have a few hundred; the
 * engine caps fields at 100 KiB, and a value of punctuation only ("=;=;…") is cut here rather
 * than turned into a million tokens. What follows the cut is ignored.
 */
export const MAX_AUTH_TOKENS = 50_000;

const SPACE = new Set([" ", "\t", "\r", "\n"]);
// Characters that end a word. "=" and ";" are structure (RFC 8601 resinfo, RFC 7208 key-value-list);
// "(" and "\"" open a comment or quoted string (RFC 5322 §3.2.2, §3.2.4).
const WORD_END = new Set([" ", "\t", "\r", "\n", ";", "=", "(", ")", "\""]);

/** Splits a value into words, quoted strings, comments, ";" and "=". Never throws. */
export function tokenizeAuth(value: string): AuthToken[] {
  const tokens: AuthToken[] = [];
  const n = value.length;
  let i = 0;
  let space = true;
  while (i < n && tokens.length < MAX_AUTH_TOKENS) {
    const c = value[i];
    if (SPACE.has(c)) {
      space = true;
      i++;
      continue;
    }
    if (c === ";" || c === "=") {
      tokens.push({ type: c === ";" ? "semi" : "eq", text: "", spaceBefore: space });
      space = false;
      i++;
      continue;
    }
    if (c === ")") {
      // A stray closing parenthesis outside any comment: skip it, it carries nothing.
      space = true;
      i++;
      continue;
    }
    if (c === "(") {
      // An unclosed comment runs to the end of the value.
      const end = commentEnd(value, i);
      tokens.push({ type: "comment", text: value.slice(i + 1, end < 0 ? n : end - 1).trim(), spaceBefore: space });
      space = false;
      i = end < 0 ? n : end;
      continue;
    }
    if (c === "\"") {
      // An unclosed quoted string runs to the end of the value; quoted-pairs are resolved.
      const end = quotedEnd(value, i);
      tokens.push({ type: "quoted", text: unquote(value.slice(i + 1, end < 0 ? n : end - 1)), spaceBefore: space });
      space = false;
      i = end < 0 ? n : end;
      continue;
    }
    let j = i + 1;
    while (j < n && !WORD_END.has(value[j])) j++;
    tokens.push({ type: "word", text: value.slice(i, j), spaceBefore: space });
    space = false;
    i = j;
  }
  return tokens;
}

/** A key=value pair rebuilt from tokens, with the comments seen up to the next pair. */
export interface AuthPair {
  key: string;
  value: string;
}

/**
 * Reads `key = value` pairs from a token run (no ";" inside). The value is the first token after
 * "=" plus every following word, "=" or quoted string that touches it without whitespace, because
 * values such as SRS addresses ("SRS0=63fc=V7=example.org=user@example.net") contain "=".
 * Words not followed by "=" (e.g. "none", a version number) are skipped.
 */
export function readPairs(tokens: readonly AuthToken[]): { pairs: AuthPair[]; comments: string[] } {
  const pairs: AuthPair[] = [];
  const comments: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === "comment") {
      comments.push(t.text);
      i++;
      continue;
    }
    if ((t.type !== "word" && t.type !== "quoted") || nextSolid(tokens, i + 1)?.type !== "eq") {
      i++;
      continue;
    }
    // Skip comments between key and "=" (CFWS is allowed there, RFC 8601 §2.2).
    let j = i + 1;
    while (j < tokens.length && tokens[j].type === "comment") comments.push(tokens[j++].text);
    j++; // the "="
    while (j < tokens.length && tokens[j].type === "comment") comments.push(tokens[j++].text);
    let value = "";
    const first = tokens[j];
    if (first && (first.type === "word" || first.type === "quoted")) {
      const parts = [first.text];
      j++;
      while (j < tokens.length && !tokens[j].spaceBefore && (tokens[j].type === "word" || tokens[j].type === "eq" || tokens[j].type === "quoted")) {
        parts.push(tokens[j].type === "eq" ? "=" : tokens[j].text);
        j++;
      }
      value = parts.join("");
    }
    pairs.push({ key: t.text.toLowerCase(), value });
    i = j;
  }
  return { pairs, comments };
}

function nextSolid(tokens: readonly AuthToken[], from: number): AuthToken | undefined {
  for (let i = from; i < tokens.length; i++) if (tokens[i].type !== "comment") return tokens[i];
  return undefined;
}

/** Splits tokens at ";". */
export function splitSemis(tokens: readonly AuthToken[]): AuthToken[][] {
  const out: AuthToken[][] = [[]];
  for (const t of tokens) {
    if (t.type === "semi") out.push([]);
    else out[out.length - 1].push(t);
  }
  return out;
}

/**
 * "name=value" tokens inside a comment, e.g. "p=NONE sp=QUARANTINE dis=NONE" or
 * "p=none,d=none,d.eval=none" (Fastmail). Keys lower-case; first occurrence wins.
 * Linear: split on separators, then on the first "=".
 */
export function commentTags(comment: string): Map<string, string> {
  const tags = new Map<string, string>();
  let start = 0;
  const n = comment.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? comment[i] : " ";
    if (c === " " || c === "\t" || c === "," || c === ";" || c === "[" || c === "]" || c === "(" || c === ")") {
      if (i > start) {
        const word = comment.slice(start, i);
        const eq = word.indexOf("=");
        if (eq > 0) {
          const key = word.slice(0, eq).toLowerCase();
          if (!tags.has(key)) tags.set(key, word.slice(eq + 1));
        }
      }
      start = i + 1;
    }
  }
  return tags;
}
