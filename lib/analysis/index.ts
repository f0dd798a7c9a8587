/**
 * The engine's one public entry: analyze(raw, options) → Analysis (../shared/api-contract.md).
 * Pure TypeScript, no I/O, no Next.js. Throws AnalysisError only for contract violations
 * (input too large, no header lines); messy content degrades into findings.
 */
import { AnalysisError } from "./errors";
import { MAX_INPUT_BYTES } from "./limits";
import { splitHeaderBlock } from "./headers";
import { buildAnalysis } from "./build";
import type { Analysis, AnalyzeOptions } from "./types";

export type * from "./types";
export { AnalysisError } from "./errors";

export function analyze(raw: string, options: AnalyzeOptions = {}): Analysis {
  if (typeof raw !== "string") throw new AnalysisError("invalid-input", "Headers must be a string.");
  if (utf8Length(raw) > MAX_INPUT_BYTES) {
    throw new AnalysisError("too-large", `The input is larger than ${MAX_INPUT_BYTES / 1024} KiB.`);
  }
  const block = splitHeaderBlock(raw);
  if (block.fields.length === 0) {
    throw new AnalysisError("no-headers", "No header lines were found (expected lines like \"Received: …\").");
  }
  return buildAnalysis(block, options);
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
