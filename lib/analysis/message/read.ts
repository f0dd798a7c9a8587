/**
 * Reading a message: the header block, then every Received header the analysis will use, parsed
 * once. The result feeds both recipientDomains() (for the caller's MX look-ups) and the analysis,
 * so a message is read once however it is analysed.
 */
import { AnalysisError } from "../errors";
import { createGuard } from "../guard";
import { MAX_HOPS, MAX_INPUT_BYTES, SECTION_SCAN_CHARS } from "../limits";
import { parseReceived, unreadableReceived } from "../received/parse-received";
import type { ReceivedHeader } from "../route/chain";
import type { Finding } from "../types";
import { fieldsNamed, splitHeaderBlock, type HeaderBlock } from "./headers";
import { headerSection } from "./section";

export interface MessageInput {
  block: HeaderBlock;
  /** The latest MAX_HOPS Received headers in header order (topmost first), parsed. */
  received: ReceivedHeader[];
  /** Older Received headers beyond MAX_HOPS, not parsed. */
  truncated: number;
  /** Findings of the reading itself (a header whose reader failed). */
  findings: Finding[];
}

/**
 * Reads the header section of `raw`. Throws AnalysisError only for contract violations: not a
 * string, a header section larger than MAX_INPUT_BYTES, no header lines at all. A full message
 * is fine however large its body: the limit is on the header section (api-contract.md).
 */
export function readMessage(raw: string): MessageInput {
  if (typeof raw !== "string") throw new AnalysisError("invalid-input", "Headers must be a string.");
  const block = splitHeaderBlock(withinLimit(raw));
  if (block.fields.length === 0) {
    throw new AnalysisError("no-headers", "No header lines were found (expected lines like \"Received: …\").");
  }
  const findings: Finding[] = [];
  const guard = createGuard(findings);
  const all = fieldsNamed(block.fields, "received");
  // Beyond MAX_HOPS the most recent hops are kept: the oldest are the least trustworthy.
  const received = all.slice(0, MAX_HOPS).map((field) => ({
    field,
    parsed: guard(field.name, () => parseReceived(field.value), unreadableReceived()),
  }));
  return { block, received, truncated: all.length - received.length, findings };
}

/**
 * The text to read: `raw` itself when it is within the limit, else its header section, found in
 * the first SECTION_SCAN_CHARS characters (the body is never split into lines). A section that
 * is still running there, or is larger than the limit, is refused.
 */
function withinLimit(raw: string): string {
  if (raw.length <= MAX_INPUT_BYTES && utf8Length(raw) <= MAX_INPUT_BYTES) return raw;
  const section = headerSection(raw.length > SECTION_SCAN_CHARS ? raw.slice(0, SECTION_SCAN_CHARS) : raw);
  if (utf8Length(section) > MAX_INPUT_BYTES) {
    throw new AnalysisError("too-large", `The header section is larger than ${MAX_INPUT_BYTES / 1024} KiB.`);
  }
  return section;
}

/** UTF-8 byte length without Buffer (the engine stays runtime-neutral). */
function utf8Length(s: string): number {
  if (s.length * 3 <= MAX_INPUT_BYTES) return s.length; // cannot exceed the limit: skip the count
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
