import { extractMessage, ExtractError, MAX_EXTRACT_BYTES } from "@/lib/extract";
import { HttpError, handle, json, methodNotAllowed } from "@/lib/http/errors";
import { guardAnalyzeRate } from "@/lib/http/guards";
import { mediaType, readBodyBytes } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/** What browsers send for .msg (no registered type: Outlook's own, or none) and .eml files. */
const FILE_TYPES = new Set(["application/vnd.ms-outlook", "application/octet-stream", "message/rfc822", "text/plain"]);
const STATUS: Record<ExtractError["code"], number> = { unreadable: 400, "no-headers": 400, "too-large": 413 };

/**
 * POST a message file as the raw body (an Outlook .msg or an .eml); answers the header sections
 * in it (ExtractResult, lib/extract/types.ts). `?name=` names the file in the answer.
 */
export function POST(req: Request) {
  return handle(async () => {
    await guardAnalyzeRate(req);
    const type = mediaType(req);
    if (!FILE_TYPES.has(type)) {
      throw new HttpError(415, "unsupported-media-type", "Send the file as application/vnd.ms-outlook, application/octet-stream or message/rfc822.");
    }
    const bytes = await readBodyBytes(req, MAX_EXTRACT_BYTES);
    const name = (new URL(req.url).searchParams.get("name") ?? "").slice(0, 200) || "message";
    try {
      return json(await extractMessage(bytes, name));
    } catch (err) {
      if (err instanceof ExtractError) throw new HttpError(STATUS[err.code], err.code, err.message);
      throw err;
    }
  });
}

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
