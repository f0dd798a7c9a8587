import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { inputFromJson } from "@/lib/http/analyze-request";
import { HttpError } from "@/lib/http/errors";

const env = (vars: Record<string, string>) => parseEnv(vars as NodeJS.ProcessEnv);

describe("lib/env.ts", () => {
  it("an empty environment gives the documented defaults", () => {
    expect(env({})).toEqual({
      dataDir: "./data", ipInfoDataDir: null, databaseUrl: null, redisUrl: null, shareRateLimitPerMinute: 30, shareDailyBytes: 50 * 1024 * 1024,
      analyzeRateLimitPerMinute: 120, trustProxy: false, hsts: false, dnsLookups: true, publicUrl: null, shareClockOffsetMs: 0,
    });
  });

  it.each([
    [{ SHARE_RATE_LIMIT: "0" }, /SHARE_RATE_LIMIT must be a positive whole number, got "0"/],
    [{ ANALYZE_RATE_LIMIT: "12.5" }, /ANALYZE_RATE_LIMIT must be a positive whole number/],
    [{ SHARE_DAILY_BYTES: "-1" }, /SHARE_DAILY_BYTES must be a positive whole number/],
    [{ TRUST_PROXY: "maybe" }, /TRUST_PROXY must be 1\/0 or true\/false, got "maybe"/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a postgres:\/\//],
    [{ REDIS_URL: "http://x" }, /REDIS_URL must be a redis:\/\//],
    [{ PUBLIC_URL: "https://x.example/path" }, /PUBLIC_URL must be an origin/],
    [{ HOPTRACE_TEST_CLOCK_OFFSET_MS: "soon" }, /HOPTRACE_TEST_CLOCK_OFFSET_MS must be a whole number/],
  ])("an invalid value %j is refused with a clear message, never replaced by a default", (vars, message) => {
    expect(() => env(vars)).toThrow(message);
  });

  it.each([
    [{ TRUST_PROXY: "yes", HSTS: "TRUE", DNS_LOOKUPS: "off" }, { trustProxy: true, hsts: true, dnsLookups: false }],
    [{ SHARE_RATE_LIMIT: "", DATA_DIR: " " }, { shareRateLimitPerMinute: 30, dataDir: "./data" }],
    [{ PUBLIC_URL: "https://hoptrace.example//", REDIS_URL: "redis://127.0.0.1:6379/2" }, { publicUrl: "https://hoptrace.example", redisUrl: "redis://127.0.0.1:6379/2" }],
  ])("%j reads as %j", (vars, expected) => {
    expect(env(vars)).toMatchObject(expected);
  });
});

describe("the analyze request body (lib/http/analyze-request.ts)", () => {
  it.each([
    ['{"headers":"Received: x"}', { headers: "Received: x", options: {} }],
    ['{"headers":"x","options":{"dns":true},"extra":1}', { headers: "x", options: { dns: true } }],
  ])("%s is read as %j", (body, expected) => {
    expect(inputFromJson(body)).toEqual(expected);
  });

  it.each([
    ["x", "The body is not valid JSON."],
    ["[]", 'The JSON body must be an object: { "headers": "<raw headers>" }.'],
    ['{"headers":1}', 'The JSON body needs "headers" as a string.'],
    ['{"headers":"x","options":null}', '"options" must be an object.'],
    ['{"headers":"x","options":{"dns":"yes"}}', '"options.dns" must be true or false.'],
  ])("%s is a 400 invalid-input: %s", (body, message) => {
    const err = (() => {
      try {
        inputFromJson(body);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, code: "invalid-input", message });
  });
});
