import { MAX_INPUT_BYTES, MAX_MESSAGE_BYTES, SECTION_SCAN_CHARS } from "@/lib/analysis/limits";
import { ClientAbortedError, HttpError } from "./errors";

/**
 * A JSON analyze body is parsed whole, so it is buffered: a full message of ordinary size
 * (25 MiB, a common mailbox limit) fits; the engine then reads only its header section.
 */
export const MAX_JSON_BODY_BYTES = 25 * 1024 * 1024;

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
  return decode(await readBody(req, { maxBytes, keepBytes: maxBytes, timeoutMs }));
}

/** The same limits as readBodyText, for binary bodies (an uploaded Outlook .msg file). */
export async function readBodyBytes(req: Request, maxBytes: number = MAX_INPUT_BYTES, timeoutMs: number = BODY_TIMEOUT_MS): Promise<Uint8Array> {
  return readBody(req, { maxBytes, keepBytes: maxBytes, timeoutMs });
}

/**
 * Reads a raw message body (text/plain, message/rfc822) for its header section: the first
 * `keepBytes` bytes are kept (enough to find the end of a header section of MAX_INPUT_BYTES, see
 * SECTION_SCAN_CHARS), the rest is read and dropped without buffering, up to `maxBytes` in all
 * (then 413). The engine finds the section in the kept text and refuses only a section over
 * the limit, so a full message with a large body is fine (api-contract.md).
 */
export async function readHeaderText(
  req: Request,
  maxBytes: number = MAX_MESSAGE_BYTES,
  keepBytes: number = SECTION_SCAN_CHARS,
  timeoutMs: number = BODY_TIMEOUT_MS,
): Promise<string> {
  return decode(await readBody(req, { maxBytes, keepBytes, timeoutMs }));
}

/** Invalid UTF-8 becomes U+FFFD. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

async function readBody(req: Request, { maxBytes, keepBytes, timeoutMs }: { maxBytes: number; keepBytes: number; timeoutMs: number }): Promise<Uint8Array> {
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
      const room = keepBytes - total;
      total += step.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        // The rest of the body is never read: the connection cannot carry another request.
        throw tooLarge(maxBytes, { Connection: "close" });
      }
      // Past keepBytes the bytes are only counted (a message body the analysis never reads).
      if (room > 0) chunks.push(room >= step.value.byteLength ? step.value : step.value.subarray(0, room));
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number, headers: Record<string, string> = {}): HttpError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MiB` : `${Math.round(maxBytes / 1024)} KiB`;
  return new HttpError(413, "too-large", `The request body is larger than ${size}.`, headers);
}

/** The media type of a request, lower-case, without parameters; "" when absent. */
export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}
