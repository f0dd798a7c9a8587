/**
 * Security headers on every kind of response (SECURITY.md): pages, route handlers (success and
 * error), the health check, a 404 page; CSP with a per-request nonce and without 'unsafe-eval';
 * HSTS only when HSTS=1; /_next/image is not an optimizer (images.unoptimized).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";

const HOPS = "Received: from a.example by b.example; Mon, 1 Jan 2024 10:00:00 +0000\nSubject: hi\n";

let server: RunningServer;
let hstsServer: RunningServer;

beforeAll(async () => {
  [server, hstsServer] = await Promise.all([startServer({ ANALYZE_RATE_LIMIT: "10000" }), startServer({ HSTS: "1", ANALYZE_RATE_LIMIT: "10000" })]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), hstsServer?.stop()]);
});

type Probe = { name: string; path: string; init?: RequestInit; status: number; page: boolean };

const PROBES: Probe[] = [
  { name: "the home page", path: "/", status: 200, page: true },
  { name: "POST /api/analyze", path: "/api/analyze", init: { method: "POST", headers: { "content-type": "text/plain" }, body: HOPS }, status: 200, page: false },
  { name: "an /api/analyze error (415)", path: "/api/analyze", init: { method: "POST", headers: { "content-type": "image/png" }, body: "x" }, status: 415, page: false },
  { name: "an /api/analyze error (400)", path: "/api/analyze", init: { method: "POST", headers: { "content-type": "text/plain" }, body: "no headers here" }, status: 400, page: false },
  { name: "GET /api/analyze (405)", path: "/api/analyze", status: 405, page: false },
  { name: "/api/health", path: "/api/health", status: 200, page: false },
  { name: "a 404 page", path: "/definitely-not-a-page", status: 404, page: true },
];

function cspDirectives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

describe("security headers", () => {
  it.each(PROBES)("$name carries them", async ({ path, init, status, page }) => {
    const res = await fetch(server.url + path, init);
    await res.arrayBuffer();
    expect(res.status).toBe(status);
    const h = res.headers;
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("referrer-policy")).toBe("no-referrer");
    expect(h.get("x-frame-options")).toBe("DENY");
    expect(h.get("permissions-policy")).toMatch(/camera=\(\)/);
    expect(h.get("strict-transport-security")).toBeNull(); // HSTS off unless configured
    const csp = h.get("content-security-policy") ?? "";
    expect(csp).not.toBe("");
    expect(csp).not.toContain("unsafe-eval");
    const d = cspDirectives(csp);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src") ?? d.get("default-src")).toEqual(["'none'"]);
    if (page) {
      const script = d.get("script-src") ?? [];
      expect(script).not.toContain("'unsafe-inline'");
      expect(script.some((v) => /^'nonce-[A-Za-z\d+/=]{16,}'$/.test(v))).toBe(true);
    } else {
      expect(d.get("default-src")).toEqual(["'none'"]);
    }
  });

  it("gives each page response a fresh nonce, and Next's scripts carry it", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(server.url + "/");
      const html = await res.text();
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce).toBeTruthy();
      nonces.push(nonce!);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  // Pages only: route handlers sit outside proxy.ts, and a browser learns HSTS for the whole host
  // from the page it loads first. (A TLS-terminating proxy may add it everywhere.)
  it("sends Strict-Transport-Security on pages when HSTS=1", async () => {
    for (const path of ["/", "/definitely-not-a-page"]) {
      const res = await fetch(hstsServer.url + path);
      await res.arrayBuffer();
      expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    }
  });

  it("/_next/image is not an image optimizer (images.unoptimized): 4xx", async () => {
    for (const q of ["url=%2Ffavicon.ico&w=64&q=75", "url=https%3A%2F%2Fexample.com%2Fx.png&w=64&q=75", ""]) {
      const res = await fetch(`${server.url}/_next/image?${q}`);
      await res.arrayBuffer();
      expect(res.status, q).toBeGreaterThanOrEqual(400);
      expect(res.status, q).toBeLessThan(500);
      expect(res.headers.get("content-type") ?? "").not.toMatch(/^image\//);
    }
  });
});
