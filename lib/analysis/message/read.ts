/**
 * Reading a message: the header block, then every Received header the analysis will use, parsed
 * once. The result feeds both recipientDomains() (for the caller's MX look-ups) and the analysis,
 * so a message is read once however it is analysed.
 */
import { AnalysisError } from "../errors";
import { createGuard } from "../guard";
import { MAX_HOPS, MAX_INPUT_BYTES } from "../limits";
import { parseReceived, unreadableReceived } from "../received/parse-received";
import type { ReceivedHeader } from "../route/chain";
import type { Finding } from "../types";
import { fieldsNamed, splitHeaderBlock, type HeaderBlock } from "./headers";

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
 * string, larger than MAX_INPUT_BYTES, no header lines at all.
 */
export function readMessage(raw: string): MessageInput {
  if (typeof raw !== "string") throw new AnalysisError("invalid-input", "Headers must be a string.");
  if (utf8Length(raw) > MAX_INPUT_BYTES) {
    throw new AnalysisError("too-large", `The input is larger than ${MAX_INPUT_BYTES / 1024} KiB.`);
  }
  const block = splitHeaderBlock(raw);
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
