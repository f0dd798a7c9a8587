import { analyzeWithDns } from "@/lib/dns/analyze-with-dns";
import { env } from "@/lib/env";
import { inputFromJson } from "@/lib/http/analyze-request";
import { HttpError, handle, json, methodNotAllowed } from "@/lib/http/errors";
import { MAX_JSON_BODY_BYTES, mediaType, readBodyText, readHeaderText } from "@/lib/http/read-body";
import { guardAnalyzeRate } from "@/lib/http/guards";

export const dynamic = "force-dynamic";

const TEXT_TYPES = new Set(["text/plain", "message/rfc822"]);

export function POST(req: Request) {
  return handle(async () => {
    await guardAnalyzeRate(req);
    const type = mediaType(req);
    if (type !== "application/json" && !TEXT_TYPES.has(type)) {
      throw new HttpError(415, "unsupported-media-type", "Send text/plain, message/rfc822 or application/json.");
    }
    // A raw message is streamed: its header section is kept, its body counted and dropped. JSON
    // cannot be cut before it is parsed, so it is read whole (a larger bound) and the engine
    // reads only the header section of the "headers" string.
    const input =
      type === "application/json" ? inputFromJson(await readBodyText(req, MAX_JSON_BODY_BYTES)) : { headers: await readHeaderText(req), options: {} };
    return json(await analyzeWithDns(input.headers, input.options, env().dnsLookups));
  });
}

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
