/**
 * The key a client is rate limited by. X-Forwarded-For / X-Real-IP are trusted only when
 * TRUST_PROXY is set (otherwise any client could pick its own key). Without a proxy, Next's
 * route handlers do not expose the socket address, so all direct clients share one key
 * per instance: a deliberate, documented limitation (see SECURITY.md).
 */
export function clientKey(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = req.headers.get("x-forwarded-for");
    if (xff) {
      const first = xff.split(",")[0].trim();
      if (first) return first.slice(0, 64);
    }
    const real = req.headers.get("x-real-ip")?.trim();
    if (real) return real.slice(0, 64);
  }
  return "direct";
}
