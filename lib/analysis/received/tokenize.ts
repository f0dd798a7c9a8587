/**
 * Lexer for one Received header value (RFC 5321 §4.4, RFC 5322 §3.6.7 and §3.2.2 for comments).
 *
 * Hand-written on purpose: real headers carry unbalanced parentheses, stray brackets and
 * NUL bytes, and a regex grammar over them invites super-linear backtracking. Every scan
 * below either consumes the characters it looks at or remembers that a closing delimiter
 * does not exist further on, so tokenising is O(n) for any input (1 MiB of "(" or "[").
 */

import { commentEnd, quotedEnd } from "../text/scan";
import { memoRecent } from "../memo";

export type TokenKind =
  | "word" //    a run of non-delimiter characters ("from", "mail.example.com", "helo=x", "15.20.1.2")
  | "comment" // "( … )", text is the inside without the outer parentheses; nesting kept as text
  | "literal" // "[ … ]" domain literal, text includes the brackets
  | "angle" //   "<…>" without whitespace, text excludes the brackets
  | "quoted" //  "\"…\"", text excludes the quotes
  | "semi"; //   ";"

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the first character of the token (the delimiter itself for comments etc.). */
  start: number;
  /** Offset just past the token. */
  end: number;
}

// Characters that end a word. "]" and ">" do not: they are ordinary in "unknown]" junk.
// Character classes as bit flags in one table (a Set look-up per character cost a third of the
// tokenizer's time): SPACE (CFWS whitespace) and the stop sets of words, literals and angles.
const SPACE = 1;
const WORD_STOP = 2;
const LITERAL_STOP = 4;
const ANGLE_STOP = 8;
const CLASS = new Uint8Array(128);
for (const c of [32, 9, 10, 13, 12, 11]) CLASS[c] |= SPACE | WORD_STOP | ANGLE_STOP;
for (const c of [40, 41, 59, 91, 60, 34]) CLASS[c] |= WORD_STOP; // ( ) ; [ < "

// A domain literal ends at "]"; any of these first means the "[" was not a literal
// (e.g. "[(134.97.4.21)]" written by MDaemon, or a lone "[").
for (const c of [93, 91, 40, 41, 59]) CLASS[c] |= LITERAL_STOP; // ] [ ( ) ;

// An angle address is short and has no whitespace ("<unknown>", "<a@b>").
for (const c of [62, 60, 40, 41, 59, 91, 93, 34]) CLASS[c] |= ANGLE_STOP; // > < ( ) ; [ ] "

function isSpace(c: number): boolean {
  return c < 128 && (CLASS[c] & SPACE) !== 0;
}

/** Tokenises `text`. Never throws; linear time. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let noQuoteCloseAfter = n + 1; // once a '"' found no partner, none after it will
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 40 /* ( */) {
      const end = commentEnd(text, i);
      const closed = end > 0;
      const stop = closed ? end : n;
      tokens.push({ kind: "comment", text: text.slice(i + 1, closed ? end - 1 : n), start: i, end: stop });
      i = stop;
      continue;
    }
    if (c === 41 /* stray ) */) {
      i++;
      continue;
    }
    if (c === 59 /* ; */) {
      tokens.push({ kind: "semi", text: ";", start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === 91 /* [ */) {
      const k = scanUntil(text, i + 1, LITERAL_STOP);
      if (k < n && text.charCodeAt(k) === 93) {
        tokens.push({ kind: "literal", text: text.slice(i, k + 1), start: i, end: k + 1 });
        i = k + 1;
        continue;
      }
      i = pushWord(tokens, text, i, true);
      continue;
    }
    if (c === 60 /* < */) {
      const k = scanUntil(text, i + 1, ANGLE_STOP);
      if (k < n && text.charCodeAt(k) === 62) {
        tokens.push({ kind: "angle", text: text.slice(i + 1, k), start: i, end: k + 1 });
        i = k + 1;
        continue;
      }
      i = pushWord(tokens, text, i, true);
      continue;
    }
    if (c === 34 /* " */) {
      if (i < noQuoteCloseAfter) {
        const end = quotedEnd(text, i);
        if (end > 0) {
          tokens.push({ kind: "quoted", text: text.slice(i + 1, end - 1), start: i, end });
          i = end;
          continue;
        }
        noQuoteCloseAfter = i;
      }
      i = pushWord(tokens, text, i, true);
      continue;
    }
    i = pushWord(tokens, text, i, false);
  }
  return tokens;
}

/** Pushes a word starting at i; `forceFirst` takes the delimiter at i as part of the word. */
function pushWord(tokens: Token[], text: string, i: number, forceFirst: boolean): number {
  let j = forceFirst ? i + 1 : i;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c < 128 && (CLASS[c] & WORD_STOP) !== 0) break;
    j++;
  }
  tokens.push({ kind: "word", text: text.slice(i, j), start: i, end: j });
  return j;
}

/** Index of the first character of the class `stops` at or after i; n if none. */
function scanUntil(text: string, i: number, stops: number): number {
  const n = text.length;
  for (let j = i; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c < 128 && (CLASS[c] & stops) !== 0) return j;
  }
  return n;
}

/**
 * tokenize() for the text of a comment, which several readers of one header each take apart (the
 * from part, its address-only shape, the by part's address, the envelope, nested comments): the
 * last few answers are kept, so each comment is tokenised once. The list is shared: read only.
 */
export const tokenizeComment: (text: string) => readonly Token[] = memoRecent(tokenize, 8);
