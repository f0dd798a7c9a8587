import { HttpError, handle, json, methodNotAllowed } from "@/lib/http/errors";
import { guardAnalyzeRate } from "@/lib/http/guards";
import { mediaType, readBodyText } from "@/lib/http/read-body";
import { parseShareRequest } from "@/lib/share/request";
import { previewShare } from "@/lib/share/service";

export const dynamic = "force-dynamic";

/**
 * What POST /api/analyses would store for the same body, without storing anything:
 * 200 { redact, analysis, masked } (masked: what redaction takes out, null when redact is false).
 * Counted as an analysis for rate limiting; nothing is kept or logged.
 */
export function POST(req: Request) {
  return handle(async () => {
    await guardAnalyzeRate(req);
    if (mediaType(req) !== "application/json") {
      throw new HttpError(415, "unsupported-media-type", "Send application/json.");
    }
    return json(previewShare(parseShareRequest(await readBodyText(req))));
  });
}

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
