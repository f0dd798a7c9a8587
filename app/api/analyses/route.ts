import { HttpError, handle, json, methodNotAllowed } from "@/lib/http/errors";
import { guardShareRate } from "@/lib/http/guards";
import { mediaType, readBodyText } from "@/lib/http/read-body";
import { parseShareRequest } from "@/lib/share/request";
import { createShare } from "@/lib/share/service";

export const dynamic = "force-dynamic";

/** Creates a share permalink (api-contract.md, "Share permalinks"): 201 { id, url, deleteToken, expiresAt }. */
export function POST(req: Request) {
  return handle(async () => {
    await guardShareRate(req);
    if (mediaType(req) !== "application/json") {
      throw new HttpError(415, "unsupported-media-type", "Send application/json.");
    }
    const input = parseShareRequest(await readBodyText(req));
    const created = await createShare(input, req);
    return json(created, { status: 201, headers: { Location: `/api/analyses/${created.id}` } });
  });
}

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
