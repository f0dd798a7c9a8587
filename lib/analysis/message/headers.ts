import libmime from "libmime";
import { MAX_FIELD_CHARS, MAX_FIELDS } from "../limits";
import type { Finding } from "../types";

/** One header field of the block, in original order. */
export interface RawField {
  /** Name as written (case kept). */
  name: string;
  /** Lower-case name, for look-ups. */
  key: string;
  /** Value unfolded (CRLF + WSP → WSP), not decoded, trimmed. Received parsing works on this. */
  value: string;
  /** Value with RFC 2047 encoded words decoded; what the contract's headers[] shows. */
  decoded: string;
}

export interface HeaderBlock {
  fields: RawField[];
  findings: Finding[];
}

// RFC 5322 §2.2: a field name is printable US-ASCII except ":"; we also refuse spaces inside
// the name so that a pasted continuation line like "Mon, 1 Jan 2024 10:00:00" is not a field.
const FIELD_START = /^([!-9;-~]+)[ \t]*:/;
const MBOX_FROM = /^From [^\s@]+(?:@\S+)?\s/;

/**
 * Splits the header section of a message into fields.
 * - CRLF, LF, CR-only and mixed line endings give identical results.
 * - Stops at the first empty line (the body is ignored).
 * - Unfolds continuation lines (RFC 5322 §2.2.3). A line with no leading whitespace that is not
 *   "Name:" is treated as a continuation too: Outlook's message-options dialog mangles folding.
 * - Skips an mbox "From " separator line and blank lines before the first field.
 * Never throws on content; cuts at MAX_FIELDS fields and MAX_FIELD_CHARS per field with a finding.
 */
export function splitHeaderBlock(input: string): HeaderBlock {
  const findings: Finding[] = [];
  const lines = input.split(/\r\n|\r|\n/);
  let i = 0;
  while (i < lines.length && lines[i].trim() === "") i++;
  if (i < lines.length && MBOX_FROM.test(lines[i])) i++;

  const parts: { name: string; chunks: string[]; size: number }[] = [];
  let cutFields = 0;
  let cutChars = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") break; // end of the header section
    const m = /^[ \t]/.test(line) ? null : FIELD_START.exec(line);
    if (m) {
      if (parts.length >= MAX_FIELDS) {
        cutFields++;
        continue;
      }
      const rest = line.slice(m[0].length);
      parts.push({ name: m[1], chunks: [rest], size: rest.length });
    } else if (parts.length > 0) {
      if (parts.length > MAX_FIELDS || (cutFields > 0)) continue;
      const cur = parts[parts.length - 1];
      if (cur.size >= MAX_FIELD_CHARS) {
        cutChars = true;
        continue;
      }
      // Unfold: the line break goes, the whitespace stays. A mangled line gets one space.
      const chunk = /^[ \t]/.test(line) ? line : " " + line;
      cur.chunks.push(chunk);
      cur.size += chunk.length;
    }
    // Text before the first field that is not a field: ignored (e.g. a pasted title line).
  }

  const fields: RawField[] = parts.map((p) => {
    let value = p.chunks.join("");
    if (value.length > MAX_FIELD_CHARS) {
      value = value.slice(0, MAX_FIELD_CHARS);
      cutChars = true;
    }
    value = value.trim();
    return { name: p.name, key: p.name.toLowerCase(), value, decoded: decodeValue(value) };
  });

  if (cutFields > 0) {
    findings.push({
      code: "too-many-headers",
      severity: "warning",
      message: `Only the first ${MAX_FIELDS} header fields were read; ${cutFields} more were ignored.`,
    });
  }
  if (cutChars) {
    findings.push({
      code: "header-too-long",
      severity: "warning",
      message: `At least one header field was longer than ${MAX_FIELD_CHARS / 1024} KiB and was cut.`,
    });
  }
  return { fields, findings };
}

/** RFC 2047 decoding that never throws: bad base64 or unknown charsets leave the text as written. */
export function decodeValue(value: string): string {
  if (!value.includes("=?")) return value;
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

/** All fields with this (case-insensitive) name, in order. */
export function fieldsNamed(fields: readonly RawField[], name: string): RawField[] {
  const key = name.toLowerCase();
  return fields.filter((f) => f.key === key);
}

/** The first field with this name, or undefined. */
export function firstField(fields: readonly RawField[], name: string): RawField | undefined {
  const key = name.toLowerCase();
  return fields.find((f) => f.key === key);
}
