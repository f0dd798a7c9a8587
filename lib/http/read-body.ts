import { MAX_INPUT_BYTES } from "@/lib/analysis/limits";
import { ClientAbortedError, HttpError } from "./errors";

/**
 * Time a client has to send the whole body, from the first read (a 1 byte/s upload held a socket
 * for 325 s before). scripts/server.mjs closes the socket a little later as a backstop.
 */
export const BODY_TIMEOUT_MS = 15_000;

/**
 * Reads a request body as UTF-8 text, enforcing the byte limit while streaming (not only via
 * Content-Length, which a client can omit or lie about) and the time limit (408 after
 * BODY_TIMEOUT_MS). Invalid UTF-8 becomes U+FFFD.
 */
export async function readBodyText(req: Request, maxBytes: number = MAX_INPUT_BYTES, timeoutMs: number = BODY_TIMEOUT_MS): Promise<string> {
  return new TextDecoder("utf-8", { fatal: false }).decode(await readBodyBytes(req, maxBytes, timeoutMs));
}

/** The same limits as readBodyText, for binary bodies (an uploaded Outlook .msg file). */
export async function readBodyBytes(req: Request, maxBytes: number = MAX_INPUT_BYTES, timeoutMs: number = BODY_TIMEOUT_MS): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array> | "timeout";
      try {
        step = await Promise.race([reader.read(), deadline]);
      } catch {
        throw new ClientAbortedError();
      }
      if (step === "timeout") {
        await reader.cancel().catch(() => {});
        throw new HttpError(408, "timeout", `The request body did not arrive within ${timeoutMs / 1000} s.`, { Connection: "close" });
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      chunks.push(step.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, "too-large", `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
}

/** The media type of a request, lower-case, without parameters; "" when absent. */
export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}
