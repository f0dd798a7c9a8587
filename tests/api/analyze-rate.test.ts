/**
 * POST /api/analyze is rate limited per client (ANALYZE_RATE_LIMIT per minute): 429 JSON with
 * Retry-After. X-Forwarded-For picks the client only when TRUST_PROXY is set; otherwise a client
 * cannot escape the limit by inventing addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";

const LIMIT = 3;
const BODY = "Received: from a by b; Mon, 1 Jan 2024 10:00:00 +0000\n";

let direct: RunningServer;
let proxied: RunningServer;

beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startServer({ ANALYZE_RATE_LIMIT: String(LIMIT), TRUST_PROXY: "" }),
    startServer({ ANALYZE_RATE_LIMIT: String(LIMIT), TRUST_PROXY: "1" }),
  ]);
});
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

function post(server: RunningServer, xff?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "text/plain" };
  if (xff) headers["x-forwarded-for"] = xff;
  return fetch(`${server.url}/api/analyze`, { method: "POST", headers, body: BODY });
}

describe("analyze rate limit", () => {
  it("answers 429 JSON with Retry-After once a client is over the limit", async () => {
    for (let i = 0; i < LIMIT; i++) expect((await post(direct)).status).toBe(200);
    const res = await post(direct);
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const retry = Number(res.headers.get("retry-after"));
    expect(Number.isInteger(retry) && retry >= 1 && retry <= 60).toBe(true);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate-limited");
    expect(typeof body.error.message).toBe("string");
  });

  it("ignores X-Forwarded-For without TRUST_PROXY (a client cannot pick a fresh key)", async () => {
    const res = await post(direct, "203.0.113.77");
    expect(res.status).toBe(429);
  });

  it("with TRUST_PROXY, limits each forwarded client separately", async () => {
    for (let i = 0; i < LIMIT; i++) expect((await post(proxied, "198.51.100.1")).status).toBe(200);
    expect((await post(proxied, "198.51.100.1")).status).toBe(429);
    expect((await post(proxied, "198.51.100.2")).status).toBe(200);
  });

  it("with TRUST_PROXY, keys on the address the proxy appended, not on entries the client sent", async () => {
    // A proxy appends the address it saw; whatever the client put before it must not make a new key.
    for (let i = 0; i < LIMIT; i++) expect((await post(proxied, `10.9.9.${i}, 198.51.100.3`)).status).toBe(200);
    expect((await post(proxied, "203.0.113.250, 198.51.100.3")).status).toBe(429);
    expect((await post(proxied, "198.51.100.3, 198.51.100.4")).status).toBe(200);
  });

  it("does not limit other routes", async () => {
    const res = await fetch(`${direct.url}/api/health`);
    expect(res.status).toBe(200);
  });
});
