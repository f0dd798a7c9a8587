/**
 * The header section of a message, by the engine's own rules (lib/analysis/message/section.ts:
 * only a truly empty line ends it; whitespace-only folding lines and double-spaced pastes are
 * recognised). Used in the browser so that only headers leave the person's machine, never a body.
 */
import { findHeaderSection, splitLines } from "@/lib/analysis/message/section";

/** Largest file we read in the browser; the API's own limit is 1 MiB of headers. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

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
