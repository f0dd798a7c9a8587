import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Tests and parallel builds may use their own output folder (NEXT_DIST_DIR); default ".next".
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  serverExternalPackages: ["better-sqlite3", "pg"],
};

export default nextConfig;
