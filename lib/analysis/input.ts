import { AnalysisError } from "./errors";

/**
 * The headers text of an analyze request body, by media type (contract: text/plain,
 * message/rfc822, application/json { headers, options? }). Throws AnalysisError on a malformed body.
 */
export type AnalyzeInput = { headers: string; options: { dns?: boolean } };

export function inputFromJson(body: string): AnalyzeInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AnalysisError("invalid-input", "The body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AnalysisError("invalid-input", 'The JSON body must be an object: { "headers": "<raw headers>" }.');
  }
  const { headers, options } = parsed as { headers?: unknown; options?: unknown };
  if (typeof headers !== "string") {
    throw new AnalysisError("invalid-input", 'The JSON body needs "headers" as a string.');
  }
  const out: AnalyzeInput = { headers, options: {} };
  if (options !== undefined) {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      throw new AnalysisError("invalid-input", '"options" must be an object.');
    }
    const dns = (options as { dns?: unknown }).dns;
    if (dns !== undefined && typeof dns !== "boolean") {
      throw new AnalysisError("invalid-input", '"options.dns" must be true or false.');
    }
    if (dns !== undefined) out.options.dns = dns;
  }
  return out;
}
