import { handle, methodNotAllowed } from "@/lib/http/errors";
import { analysisText, deleteShare, requireShare } from "@/lib/share/service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** The stored Analysis, exactly as it was shown when shared (404 when unknown or expired). */
export function GET(_req: Request, ctx: Ctx) {
  return handle(async () => {
    const record = await requireShare((await ctx.params).id);
    return new Response(analysisText(record), {
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
    });
  });
}

/** Removes the share with `Authorization: Bearer <deleteToken>`: 204, 401, 403 or 404. */
export function DELETE(req: Request, ctx: Ctx) {
  return handle(async () => {
    await deleteShare((await ctx.params).id, req.headers.get("authorization"));
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}

const notAllowed = methodNotAllowed("GET, DELETE");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
