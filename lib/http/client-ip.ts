/**
 * The key a client is rate limited by. X-Real-IP / X-Forwarded-For are trusted only when
 * TRUST_PROXY is set (otherwise any client could pick its own key). Without a proxy, Next's
 * route handlers do not expose the socket address, so all direct clients share one key per
 * instance: a deliberate, documented limitation (see SECURITY.md).
 *
 * Which header does the proxy control? X-Real-IP is SET by the proxy (nginx `proxy_set_header
 * X-Real-IP $remote_addr` replaces whatever the client sent), while X-Forwarded-For is often
 * passed through from the client, or only appended to. So X-Real-IP wins when present; otherwise
 * the LAST X-Forwarded-For entry, the one our proxy appended ($proxy_add_x_forwarded_for, load
 * balancers). Earlier entries come from the client and are ignored. One trusted proxy is assumed.
 */
const MAX_KEY = 64;

export function clientKey(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const real = req.headers.get("x-real-ip")?.trim();
    if (real) return real.slice(0, MAX_KEY);
    const xff = req.headers.get("x-forwarded-for");
    if (xff) {
      const last = xff.slice(xff.lastIndexOf(",") + 1).trim();
      if (last) return last.slice(0, MAX_KEY);
    }
  }
  return "direct";
}
