/** The one error the engine throws: for contract violations (limits, no headers), never for messy content. */
export type AnalysisErrorCode = "too-large" | "no-headers" | "invalid-input";

export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  constructor(code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = "AnalysisError";
    this.code = code;
  }
}
