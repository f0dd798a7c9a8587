/**
 * The origin share URLs are built on when PUBLIC_URL is unset: the Host the client used (Next's
 * req.url says "localhost" under `next start`), and behind a trusted proxy (TRUST_PROXY=1) the
 * forwarded host and protocol. The URL goes back only to the client that asked, so a forged Host
 * fools only its sender; the shape is still checked. Set PUBLIC_URL in production.
 */
const HOST = /^[\w.-]+(?::\d{1,5})?$|^\[[\da-f:.]+\](?::\d{1,5})?$/i;

function first(v: string | null): string | null {
  return v?.split(",")[0]?.trim() || null;
}

export function requestOrigin(req: Request, trustProxy: boolean): string {
  const fallback = new URL(req.url);
  const host = (trustProxy ? first(req.headers.get("x-forwarded-host")) : null) ?? req.headers.get("host");
  const proto = (trustProxy ? first(req.headers.get("x-forwarded-proto")) : null) ?? fallback.protocol.slice(0, -1);
  if (host && HOST.test(host) && (proto === "http" || proto === "https")) return `${proto}://${host}`;
  return fallback.origin;
}
