/**
 * The key a client is rate limited by. X-Forwarded-For / X-Real-IP are trusted only when
 * TRUST_PROXY is set (otherwise any client could pick its own key). Without a proxy, Next's
 * route handlers do not expose the socket address, so all direct clients share one key
 * per instance: a deliberate, documented limitation (see SECURITY.md).
 *
 * With a proxy, the key is the LAST X-Forwarded-For entry: the address our proxy saw and appended
 * (nginx $proxy_add_x_forwarded_for, load balancers). Entries before it were sent by the client
 * and can be anything, so taking the first would let a client pick a fresh key per request.
 * One trusted proxy hop is assumed; X-Real-IP is the fallback for proxies that set only that.
 */
const MAX_KEY = 64;

export function clientKey(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = req.headers.get("x-forwarded-for");
    if (xff) {
      const last = xff.slice(xff.lastIndexOf(",") + 1).trim();
      if (last) return last.slice(0, MAX_KEY);
    }
    const real = req.headers.get("x-real-ip")?.trim();
    if (real) return real.slice(0, MAX_KEY);
  }
  return "direct";
}
