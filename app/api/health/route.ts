import { json } from "@/lib/http/errors";
import { shareStoreState } from "@/lib/share/service";

export const dynamic = "force-dynamic";

/**
 * Liveness plus the share store's state. Always 200 while the app can analyze: `ok` is about this
 * instance; `store.state` ("ok", "full", "read-only", "unavailable") says whether sharing works.
 */
export async function GET() {
  return json({ ok: true, store: await shareStoreState() });
}
