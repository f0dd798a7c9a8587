import { analyzeWithDns } from "@/lib/dns/analyze-with-dns";
import { env } from "@/lib/env";
import { inputFromJson } from "@/lib/http/analyze-request";
import { HttpError, handle, json, methodNotAllowed } from "@/lib/http/errors";
import { mediaType, readBodyText } from "@/lib/http/read-body";
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
    const body = await readBodyText(req);
    const input = type === "application/json" ? inputFromJson(body) : { headers: body, options: {} };
    return json(await analyzeWithDns(input.headers, input.options, env().dnsLookups));
  });
}

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
