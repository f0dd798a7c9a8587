import type { NextConfig } from "next";

/**
 * Static security headers on every response (pages, route handlers, 404s, assets). The CSP (with a
 * per-request nonce) and HSTS (runtime HSTS=1) are set in proxy.ts. See SECURITY.md.
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
];

/** Route handlers answer JSON and never render: nothing may load, nothing may frame them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const nextConfig: NextConfig = {
  // Tests and parallel builds may use their own output folder (NEXT_DIST_DIR); default ".next".
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  serverExternalPackages: ["better-sqlite3", "pg"],
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
