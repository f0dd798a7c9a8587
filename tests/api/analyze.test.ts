/**
 * POST /api/analyze against a real `next start`: the contract's request forms, statuses and
 * error shape (../shared/api-contract.md). Hostile bodies and limits are in hostile.test.ts.
 */
import { lookupIpInfo } from "@/lib/ipinfo/load";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { startServer, type RunningServer } from "../helpers/server";

const FIXTURE = readFileSync(path.resolve(__dirname, "../fixtures/headers/phishing_pot__sample-65.txt"), "utf8");

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ ANALYZE_RATE_LIMIT: "100000" });
});
afterAll(async () => {
  await server?.stop();
});

async function call(method: string, body?: string, type?: string) {
  const res = await fetch(`${server.url}/api/analyze`, {
    method,
    headers: type ? { "content-type": type } : {},
    // A string body would get fetch's default "text/plain"; bytes go without a content type.
    body: type === undefined && body !== undefined ? new TextEncoder().encode(body) : body,
  });
  const text = await res.text();
  return { res, text, json: text ? JSON.parse(text) : null };
}

describe("POST /api/analyze", () => {
  it.each([
    ["text/plain", FIXTURE],
    ["text/plain; charset=utf-8", FIXTURE],
    ["message/rfc822", FIXTURE + "\r\n\r\nThe body is ignored.\r\nReceived: not a header\r\n"],
    ["application/json", JSON.stringify({ headers: FIXTURE })],
    ["application/json", JSON.stringify({ headers: FIXTURE, options: { dns: false } })],
  ])("answers the engine's analysis for %s", async (type, body) => {
    const { res, json } = await call("POST", body, type);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The API adds the offline network owner of each hop (issue 13) to the engine's analysis.
    expect(json).toEqual(JSON.parse(JSON.stringify(analyze(FIXTURE, { ipInfo: lookupIpInfo }))));
    expect(json.schemaVersion).toBe(1);
    expect(json.hops).toHaveLength(6);
  });

  it.each([
    ["no header lines", "text/plain", "just some words without a colon\nand another line", 400, "no-headers"],
    ["an empty body", "text/plain", "", 400, "no-headers"],
    ["malformed JSON", "application/json", "{ headers: ", 400, "invalid-input"],
    ["JSON without headers", "application/json", JSON.stringify({ text: "x" }), 400, "invalid-input"],
    ["JSON with a non-string headers", "application/json", JSON.stringify({ headers: ["Received: x"] }), 400, "invalid-input"],
    ["JSON that is an array", "application/json", "[]", 400, "invalid-input"],
    ["options.dns that is not a boolean", "application/json", JSON.stringify({ headers: FIXTURE, options: { dns: "yes" } }), 400, "invalid-input"],
    ["an unsupported type", "text/html", FIXTURE, 415, "unsupported-media-type"],
    ["no content type", undefined, FIXTURE, 415, "unsupported-media-type"],
  ])("answers %s with a JSON error", async (_name, type, body, status, code) => {
    const { res, json } = await call("POST", body, type);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json).toEqual({ error: { code, message: expect.any(String) } });
    expect(json.error.message.length).toBeGreaterThan(10);
  });

  it.each(["GET", "PUT", "PATCH", "DELETE"])("answers %s with 405 JSON and an Allow header", async (method) => {
    const { res, json } = await call(method, method === "GET" ? undefined : "x", method === "GET" ? undefined : "text/plain");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(json.error.code).toBe("method-not-allowed");
  });

  it("answers options.dns within a few seconds even when DNS cannot be reached", async () => {
    const t0 = Date.now();
    // A recipient domain forces a look-up; this machine may have no route to any DNS server.
    const headers = `Delivered-To: bob@hoptrace-test.example.org\n${FIXTURE}`;
    const { res, json } = await call("POST", JSON.stringify({ headers, options: { dns: true } }), "application/json");
    expect(res.status).toBe(200);
    expect(json.hops).toHaveLength(6);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("keeps working after a bad request (one bad request never breaks the next)", async () => {
    await call("POST", "{", "application/json");
    const { res } = await call("POST", FIXTURE, "text/plain");
    expect(res.status).toBe(200);
  });
});
