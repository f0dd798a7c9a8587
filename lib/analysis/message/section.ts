/**
 * Where the header section of a pasted or uploaded message starts and ends (RFC 5322 §2.1), and
 * which lines start a field. Dependency-free: the page uses it too (lib/format/header-section.ts),
 * so the browser sends exactly the section the engine reads.
 *
 * Real pastes forced these rules:
 * - Only a truly EMPTY line ends the section. A whitespace-only line ("\t\t") inside the section is
 *   obsolete folding (RFC 5322 §4.2, obs-FWS), as Exchange writes it: 13 of 9,080 real messages lost
 *   3-43 fields when it ended the section. It still ends the section when the line after it is
 *   body text (neither a field nor a folded line), as a trailing "   " before a body does.
 * - Double-spaced pastes (an empty line after every line, as some webmail and ticket systems copy
 *   headers) are recognised by their shape (the first lines alternate line / empty line, and the
 *   lines after the empty ones start fields or are folded) and read as one section.
 * - A field starts with a name and a colon (RFC 5322 §2.2: printable US-ASCII except ":", here
 *   without spaces). Not a field, though the colon is there: a line that starts with "(", "[", "<"
 *   or a quote, and an IPv6 fragment ("2603:10b6:…", "10:00:00"): Outlook output that lost its
 *   indentation puts "(2603:1096:100:41::31) by …" at the start of a line.
 */

/** Lines of a text, on CRLF, CR or LF (mixed endings give the same lines). */
export function splitLines(text: string): string[] {
  // Most pastes have LF endings only: a split on one character is several times cheaper.
  return text.indexOf("\r") < 0 ? text.split("\n") : text.split(/\r\n|\r|\n/);
}

/** Length of the field name when the line starts a field ("Name:" or "Name :"), else -1. */
export function fieldNameLength(line: string): number {
  const n = Math.min(line.length, 1000);
  let i = 0;
  for (; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 58 || c === 32 || c === 9) break;
    if (c < 33 || c > 126) return -1;
  }
  if (i === 0 || i === n) return -1;
  const first = line.charCodeAt(0);
  if (first === 40 || first === 91 || first === 60 || first === 34 || first === 41) return -1;
  let j = i;
  while (j < n && (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9)) j++;
  if (line.charCodeAt(j) !== 58) return -1;
  if (j === i && isHexFragment(line, i)) return -1;
  return i;
}

/** "2603:10b6:…", "::1", "10:00:00": up to four hex digits, a colon, then a hex digit or a colon. */
function isHexFragment(line: string, nameEnd: number): boolean {
  if (nameEnd > 4) return false;
  for (let k = 0; k < nameEnd; k++) if (!isHex(line.charCodeAt(k))) return false;
  const next = line.charCodeAt(nameEnd + 1);
  return isHex(next) || next === 58;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** A folded line: it starts with whitespace (RFC 5322 §2.2.3). */
export function isFolded(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 32 || c === 9;
}

/** Whitespace only, at least one character. */
export function isBlankLine(line: string): boolean {
  if (line.length === 0) return false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

const MBOX_FROM = /^From [^\s@]+(?:@\S+)?\s/;

export interface HeaderSection {
  /** Index of the first line of the section (leading blank lines and an mbox "From " line skipped). */
  start: number;
  /** Index just past the last line of the section. */
  end: number;
  /** The paste had an empty line after every line: empty lines inside [start, end) are separators. */
  doubleSpaced: boolean;
}

/** Continues the header section: a field, a folded line, or (after a blank line) either of them. */
function continuesSection(line: string | undefined): boolean {
  return line !== undefined && line !== "" && (isFolded(line) || fieldNameLength(line) > 0);
}

/** The header section among `lines` (see the file comment for the rules). */
export function findHeaderSection(lines: readonly string[]): HeaderSection {
  const n = lines.length;
  let start = 0;
  while (start < n && (lines[start] === "" || isBlankLine(lines[start]))) start++;
  if (start < n && MBOX_FROM.test(lines[start])) start++;
  const doubleSpaced = isDoubleSpaced(lines, start);
  let end = start;
  for (; end < n; end++) {
    const line = lines[end];
    if (line === "") {
      if (!doubleSpaced) break;
      // Double-spaced: an empty line is a separator while a field or folded line follows.
      if (!continuesSection(lines[end + 1])) break;
      continue;
    }
    if (isBlankLine(line) && !continuesSection(lines[end + 1])) break;
  }
  return { start, end, doubleSpaced };
}

/**
 * The first lines alternate: line, empty, line, empty, line, empty, and the lines after the
 * empty ones start a field or are folded. Three pairs at least, so that a one-field paste
 * followed by a body ("To: x", "", "Hello") is not taken for it.
 */
function isDoubleSpaced(lines: readonly string[], start: number): boolean {
  const PAIRS = 3;
  if (start + PAIRS * 2 > lines.length) return false;
  for (let k = 0; k < PAIRS; k++) {
    const line = lines[start + 2 * k];
    if (line === "" || lines[start + 2 * k + 1] !== "") return false;
    if (k > 0 && !continuesSection(line)) return false;
  }
  const after = lines[start + PAIRS * 2];
  return fieldNameLength(lines[start]) > 0 && (after === undefined || after === "" || continuesSection(after));
}

/**
 * Returns the header section of `text` as written (its own line endings kept). Leading blank
 * lines and an mbox "From " separator line are dropped. Text without an empty line is returned
 * whole (it is all headers).
 */
export function headerSection(text: string): string {
  const lines = splitLines(text);
  const { start, end } = findHeaderSection(lines);
  const from = offsetOfLine(text, lines, start);
  // The section runs to the end (at most the empty remainder after a final line break follows).
  const n = lines.length;
  if (end === n || (end === n - 1 && lines[n - 1] === "")) return text.slice(from);
  const to = end > start ? offsetOfLine(text, lines, end - 1) + lines[end - 1].length : from;
  return text.slice(from, to);
}

/** Offset in `text` where line `index` starts (a CRLF counts as one line ending). */
function offsetOfLine(text: string, lines: readonly string[], index: number): number {
  let at = 0;
  for (let i = 0; i < index; i++) {
    at += lines[i].length;
    at += text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
  }
  return at;
}
