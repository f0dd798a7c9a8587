import { decodeEncodedWords } from "../text/encoded-words";
import { fieldNameLength, findHeaderSection, isFolded, splitLines } from "./section";
import { MAX_FIELD_CHARS, MAX_FIELDS } from "../limits";
import { memoPerAnalysis } from "../memo";
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

/**
 * Splits the header section of a message into fields.
 * - CRLF, LF, CR-only and mixed line endings give identical results.
 * - The section ends at the first truly empty line (section.ts has the rules: whitespace-only
 *   lines, double-spaced pastes, leading blank lines and an mbox "From " line).
 * - Unfolds continuation lines (RFC 5322 §2.2.3). A line with no leading whitespace that does not
 *   start a field is a continuation too: Outlook's message-options dialog mangles folding.
 * Never throws on content; cuts at MAX_FIELDS fields and MAX_FIELD_CHARS per field with a finding.
 */
export function splitHeaderBlock(input: string): HeaderBlock {
  const findings: Finding[] = [];
  const lines = splitLines(input);
  const section = findHeaderSection(lines);

  // One pass: the field being read is `name` + `value` (its unfolded text so far); it is stored
  // when the next field starts, or at the end.
  const fields: RawField[] = [];
  let name: string | null = null;
  let value = "";
  let cutFields = 0;
  let cutChars = false;
  const store = () => {
    if (name === null) return;
    if (value.length > MAX_FIELD_CHARS) {
      value = value.slice(0, MAX_FIELD_CHARS);
      cutChars = true;
    }
    const v = value.trim();
    fields.push({ name, key: name.toLowerCase(), value: v, decoded: decodeValue(v) });
  };
  for (let i = section.start; i < section.end; i++) {
    const line = lines[i];
    if (line === "") continue; // a separator of a double-spaced paste
    const folded = isFolded(line);
    const nameLength = folded ? -1 : fieldNameLength(line);
    if (nameLength > 0) {
      if (fields.length + (name === null ? 0 : 1) >= MAX_FIELDS) {
        cutFields++;
        continue;
      }
      store();
      name = line.slice(0, nameLength);
      value = line.slice(line.indexOf(":", nameLength) + 1);
    } else if (name !== null && cutFields === 0) {
      if (value.length >= MAX_FIELD_CHARS) {
        cutChars = true;
        continue;
      }
      // Unfold: the line break goes, the whitespace stays. A mangled line gets one space.
      value += folded ? line : " " + line;
    }
    // Text before the first field that is not a field: ignored (e.g. a pasted title line).
  }
  store();

  if (section.doubleSpaced && fields.length > 1) {
    findings.push({
      code: "double-spaced-paste",
      severity: "info",
      message: "The headers were pasted with an empty line after every line; they were read as one header section.",
    });
  }
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
  return decodeEncodedWords(value);
}

/**
 * Fields by lower-case name, built once per header block: an analysis looks fields up by name
 * dozens of times, and a scan of the whole block each time was a measurable part of it. Keyed by
 * the block's array (a few recent blocks are kept).
 */
const NONE: readonly RawField[] = Object.freeze([]);

const index = memoPerAnalysis((fields: readonly RawField[]): Map<string, RawField[]> => {
  const map = new Map<string, RawField[]>();
  for (const f of fields) {
    const list = map.get(f.key);
    if (list) list.push(f);
    else map.set(f.key, [f]);
  }
  return map;
}, 8);

/** All fields with this (case-insensitive) name, in order. The list is shared: do not change it. */
export function fieldsNamed(fields: readonly RawField[], name: string): readonly RawField[] {
  return index(fields).get(name.toLowerCase()) ?? NONE;
}

/** The first field with this name, or undefined. */
export function firstField(fields: readonly RawField[], name: string): RawField | undefined {
  return index(fields).get(name.toLowerCase())?.[0];
}
