/**
 * Per-request security headers that cannot be static (Next 16 "proxy", formerly middleware):
 * - Content-Security-Policy with a fresh nonce for pages. Next.js reads the nonce from the
 *   request's CSP header while rendering and puts it on its own scripts, so pages must render
 *   per request (app/layout.tsx is force-dynamic for that reason).
 * - Strict-Transport-Security when HSTS=1 (runtime env: next.config headers() are fixed at build).
 *   Sent on pages, where browsers pick it up for the whole host.
 * The static headers (nosniff, Referrer-Policy, X-Frame-Options, Permissions-Policy, and the API's
 * CSP) are in next.config.ts. See SECURITY.md.
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

const isDev = process.env.NODE_ENV === "development";

/**
 * style-src has 'unsafe-inline' and no nonce: React writes `style="…"` attributes (recharts sizes
 * its SVG that way, Next's route announcer too), and attributes cannot carry a nonce; a nonce in
 * style-src would also make browsers ignore 'unsafe-inline'. Inline styles cannot run code, and
 * script-src stays strict: nonce + 'strict-dynamic', no 'unsafe-inline', no 'unsafe-eval'
 * (development only: React uses eval there for error overlays).
 */
function pageCsp(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function proxy(request: NextRequest): NextResponse {
  const { hsts } = env();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = pageCsp(nonce, hsts);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (hsts) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  // Pages only. Not build assets (_next/static, immutable) or the favicon, and not route handlers
  // (/api/…): they render no HTML, get a fixed CSP from next.config.ts, and a proxy in front of
  // them makes Next hand them "localhost" as Host under `next start`, which breaks share URLs.
  matcher: ["/((?!api/|_next/static|favicon.ico).*)"],
};
