/**
 * The header section of a message: everything up to the first empty line (RFC 5322 §2.1).
 * Used in the browser so that only headers leave the person's machine, never a message body.
 */

/** Largest file we read in the browser; the API's own limit is 1 MiB of headers. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * Returns the header section of `text` (CRLF, LF or CR line endings). Leading blank lines are
 * skipped first (people paste with a stray newline); a mbox "From " separator line is dropped.
 * Text without an empty line is returned whole (it is all headers).
 */
export function headerSection(text: string): string {
  let s = text.replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, "");
  if (s.startsWith("From ")) {
    const nl = s.search(/\r\n|\n|\r/);
    s = nl === -1 ? "" : s.slice(nl).replace(/^(?:\r\n|\n|\r)/, "");
  }
  // Walk line by line: one regex over the text would read the "\r" and "\n" of a CRLF as two
  // line ends with an empty line between them.
  const eol = /\r\n|\n|\r/g;
  let lineStart = 0;
  for (let m = eol.exec(s); m; m = eol.exec(s)) {
    if (lineStart > 0 && s.slice(lineStart, m.index).trim() === "") return s.slice(0, lineStart - eolLength(s, lineStart));
    lineStart = m.index + m[0].length;
  }
  return s;
}

/** Length of the line ending that finishes just before `pos` (2 for CRLF, else 1). */
function eolLength(s: string, pos: number): number {
  return pos >= 2 && s[pos - 2] === "\r" && s[pos - 1] === "\n" ? 2 : 1;
}
