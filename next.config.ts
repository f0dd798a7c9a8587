import type { NextConfig } from "next";
import SECURITY from "./lib/http/security-headers.json";

/**
 * Static security headers on every response (pages, route handlers, 404s, assets). The CSP (with a
 * per-request nonce) and HSTS (runtime HSTS=1) are set in proxy.ts. See SECURITY.md.
 */
const SECURITY_HEADERS = Object.entries(SECURITY.common).map(([key, value]) => ({ key, value }));

/** Route handlers answer JSON and never render: nothing may load, nothing may frame them. */
const API_CSP = SECURITY.apiCsp;

const nextConfig: NextConfig = {
  // Tests and parallel builds may use their own output folder (NEXT_DIST_DIR); default ".next".
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  serverExternalPackages: ["better-sqlite3", "pg", "redis", "rate-limiter-flexible"],
  async headers() {
    return [
      // First, so that more specific entries below may override a key for their paths.
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Pages get a CSP with a per-request nonce from proxy.ts instead.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      // Share permalinks: the id in the URL is the only secret, so it must never leak as a referrer
      // or into a search index, whatever the global policy becomes.
      {
        source: "/a/:id*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

export default nextConfig;
