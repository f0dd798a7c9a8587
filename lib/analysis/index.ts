/**
 * The engine's public entry points (../shared/api-contract.md). Pure TypeScript, no I/O, no
 * Next.js. Throws AnalysisError only for contract violations (input too large, no header lines);
 * messy content degrades into findings.
 *
 *   analyze(raw, options)          one call: read and analyse
 *   readMessage(raw)               read once, then
 *   recipientDomains(message)      the domains a caller may look up (MX records for options.dns)
 *   analyzeMessage(message, opts)  and analyse with what it found
 */
import { buildAnalysis } from "./build";
import { forgetAnalysis } from "./memo";
import { readMessage, type MessageInput } from "./message/read";
import { recipientDomainList } from "./route/recipients";
import type { Analysis, AnalyzeOptions } from "./types";

export type * from "./types";
export { AnalysisError } from "./errors";
export { readMessage, type MessageInput } from "./message/read";

export function analyze(raw: string, options: AnalyzeOptions = {}): Analysis {
  try {
    return buildAnalysis(readMessage(raw), options);
  } finally {
    forgetAnalysis();
  }
}

/** Analyses a message read by readMessage(). */
export function analyzeMessage(message: MessageInput, options: AnalyzeOptions = {}): Analysis {
  try {
    return buildAnalysis(message, options);
  } finally {
    forgetAnalysis();
  }
}

/**
 * The recipient domains of a message, most telling first (envelope recipients of the hops, latest
 * first; Delivered-To / X-Original-To / Envelope-To; To and Cc outside the sender's organisation;
 * list ids), lower-case, without repeats.
 */
export function recipientDomains(message: MessageInput): string[] {
  return recipientDomainList(message.block.fields, message.received.map((r) => r.parsed));
}
