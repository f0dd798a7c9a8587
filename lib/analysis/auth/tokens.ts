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
 * Most tokens read from one value. Real Authentication-Results headers have at most a few hundred
 * (Microsoft 365 with four DKIM signatures: ~120); the engine caps fields at 100 KiB, and a value
 * of punctuation only ("; ; …", "=;=;…") is cut here rather than turned into 50,000 tokens per
 * field (ten such fields took ~400 ms). What follows the cut is ignored.
 */
export const MAX_AUTH_TOKENS = 2_000;

// Character classes by char code (a Set look-up per character cost most of the tokenizer's time).
// SPACE: whitespace. WORD_END: characters that end a word: "=" and ";" are structure (RFC 8601
// resinfo, RFC 7208 key-value-list); "(" and "\"" open a comment or quoted string (RFC 5322 §3.2.2, §3.2.4).
const SPACE = 1;
const WORD_END = 2;
const CLASS = new Uint8Array(128);
for (const c of [32, 9, 13, 10]) CLASS[c] |= SPACE | WORD_END;
for (const c of [59, 61, 40, 41, 34]) CLASS[c] |= WORD_END; // ; = ( ) "

/** Splits a value into words, quoted strings, comments, ";" and "=". Never throws. */
export function tokenizeAuth(value: string): AuthToken[] {
  const tokens: AuthToken[] = [];
  const n = value.length;
  let i = 0;
  let space = true;
  while (i < n && tokens.length < MAX_AUTH_TOKENS) {
    const code = value.charCodeAt(i);
    if (code < 128 && (CLASS[code] & SPACE) !== 0) {
      space = true;
      i++;
      continue;
    }
    if (code === 59 /* ; */ || code === 61 /* = */) {
      tokens.push({ type: code === 59 ? "semi" : "eq", text: "", spaceBefore: space });
      space = false;
      i++;
      continue;
    }
    if (code === 41 /* ) */) {
      // A stray closing parenthesis outside any comment: skip it, it carries nothing.
      space = true;
      i++;
      continue;
    }
    if (code === 40 /* ( */) {
      // An unclosed comment runs to the end of the value.
      const end = commentEnd(value, i);
      tokens.push({ type: "comment", text: value.slice(i + 1, end < 0 ? n : end - 1).trim(), spaceBefore: space });
      space = false;
      i = end < 0 ? n : end;
      continue;
    }
    if (code === 34 /* " */) {
      // An unclosed quoted string runs to the end of the value; quoted-pairs are resolved.
      const end = quotedEnd(value, i);
      tokens.push({ type: "quoted", text: unquote(value.slice(i + 1, end < 0 ? n : end - 1)), spaceBefore: space });
      space = false;
      i = end < 0 ? n : end;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = value.charCodeAt(j);
      if (d < 128 && (CLASS[d] & WORD_END) !== 0) break;
      j++;
    }
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
