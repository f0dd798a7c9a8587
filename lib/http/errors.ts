import { AnalysisError } from "@/lib/analysis/errors";

/** A request-level failure with its HTTP status and a stable code (contract: { error: { code, message } }). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** The client went away before its body was complete: logged once as such, never as an internal error. */
export class ClientAbortedError extends Error {
  constructor() {
    super("The client aborted the upload.");
    this.name = "ClientAbortedError";
  }
}

const NO_STORE = { "Cache-Control": "no-store" };

export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...NO_STORE, ...headers } });
}

const ANALYSIS_STATUS: Record<AnalysisError["code"], number> = {
  "too-large": 413,
  "no-headers": 400,
  "invalid-input": 400,
};

/**
 * The one try/catch of the route handlers: runs the handler, maps typed errors to JSON responses.
 * Unknown errors become a 500 whose log line names the error class only, never request content.
 */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof HttpError) return jsonError(err.status, err.code, err.message, err.headers);
    if (err instanceof AnalysisError) return jsonError(ANALYSIS_STATUS[err.code], err.code, err.message);
    if (err instanceof ClientAbortedError) {
      // The client is gone: nobody reads this answer. One line, and not as an internal error.
      console.error("request aborted by the client before its body was complete");
      return jsonError(400, "aborted", err.message);
    }
    console.error(`internal error: ${err instanceof Error ? err.name : typeof err}`);
    return jsonError(500, "internal", "Something went wrong on our side.");
  }
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

/** A handler for the methods a route does not serve: 405 JSON with an Allow header. */
export function methodNotAllowed(allow: string): () => Response {
  return () => jsonError(405, "method-not-allowed", `This endpoint accepts ${allow} only.`, { Allow: allow });
}
