/**
 * The one scanner for RFC 5322 comments and quoted strings (§3.2.2, §3.2.4), used by every reader
 * in the engine: the Received tokenizer, the authentication-results tokenizer, address lists and
 * dates. Comments nest and both allow quoted-pairs ("\)" does not close a comment).
 *
 * Each scan is one pass with a depth counter: 1 MiB of "(" costs one pass, never a retry per
 * start position. A caller that scans several openers in one text keeps linear time by
 * remembering an unclosed result (nothing after an unclosed "(" or '"' can close it either).
 */

const BACKSLASH = 92;
const OPEN = 40;
const CLOSE = 41;
const QUOTE = 34;

/**
 * Index just past the ")" that closes the comment opening at `open` (text[open] === "("), or -1
 * when it never closes (the comment then runs to the end of the text).
 */
export function commentEnd(text: string, open: number): number {
  const n = text.length;
  let depth = 0;
  for (let j = open; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) return j + 1;
  }
  return -1;
}

/**
 * Index just past the '"' that closes the quoted string opening at `open` (text[open] === '"'),
 * or -1 when it never closes.
 */
export function quotedEnd(text: string, open: number): number {
  const n = text.length;
  for (let j = open + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j + 1;
  }
  return -1;
}

/** The content of a quoted string (without its quotes) with quoted-pairs resolved: `a\"b` → `a"b`. */
export function unquote(inner: string): string {
  if (!inner.includes("\\")) return inner;
  let out = "";
  for (let j = 0; j < inner.length; j++) {
    const c = inner.charCodeAt(j);
    if (c === BACKSLASH && j + 1 < inner.length) j++;
    out += inner[j];
  }
  return out;
}

/**
 * The text with every top-level comment replaced by one space. An unclosed comment removes the
 * rest of the text (it cannot hold a closing parenthesis). Quoted strings are kept as they are.
 */
export function withoutComments(text: string): string {
  if (!text.includes("(")) return text;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = quotedEnd(text, i);
      if (end < 0) break;
      i = end - 1;
    } else if (c === OPEN) {
      parts.push(text.slice(from, i), " ");
      const end = commentEnd(text, i);
      if (end < 0) return parts.join("");
      from = end;
      i = end - 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** True for the characters RFC 5322 calls WSP plus CR, LF, FF and VT (what header text folds on). */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}
