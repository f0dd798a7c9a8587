import { MAX_INPUT_BYTES } from "@/lib/analysis/limits";
import { HttpError } from "./errors";

/**
 * Reads a request body as UTF-8 text, enforcing the byte limit while streaming (not only via
 * Content-Length, which a client can omit or lie about). Invalid UTF-8 becomes U+FFFD.
 */
export async function readBodyText(req: Request, maxBytes: number = MAX_INPUT_BYTES): Promise<string> {
  const declared = req.headers.get("content-length");
  if (declared && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, "too-large", `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
}

/** The media type of a request, lower-case, without parameters; "" when absent. */
export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}
