/**
 * Rate limits shared by several instances (issue 11): two app servers on one PostgreSQL database
 * (DATABASE_URL), or on one Redis (REDIS_URL), count one client's requests together. Each run uses
 * a fresh client address (X-Real-IP behind TRUST_PROXY=1) and, for PostgreSQL, its own schema.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { createTestSchema, postgresAvailable } from "../helpers/share-pg";

const LIMIT = 3;
const BODY = "Received: from a by b; Mon, 1 Jan 2024 10:00:00 +0000\n";
const REDIS_URL = process.env.HOPTRACE_TEST_REDIS_URL || "redis://127.0.0.1:6379";

function post(server: RunningServer, headers: Record<string, string>): Promise<number> {
  return fetch(`${server.url}/api/analyze`, { method: "POST", headers: { "content-type": "text/plain", ...headers }, body: BODY }).then((r) => r.status);
}

const freshClient = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(4).toString("hex")}`;

async function redisAvailable(): Promise<boolean> {
  const u = new URL(REDIS_URL);
  const ok = await new Promise<boolean>((resolve) => {
    const s = net.connect(Number(u.port || 6379), u.hostname, () => {
      s.write("PING\r\n");
    });
    s.on("data", (d) => {
      resolve(String(d).startsWith("+PONG"));
      s.destroy();
    });
    s.on("error", () => resolve(false));
    s.setTimeout(2000, () => {
      resolve(false);
      s.destroy();
    });
  });
  if (!ok && (process.env.CI === "true" || process.env.CI === "1")) throw new Error(`Redis is required in CI but ${REDIS_URL} does not answer`);
  return ok;
}

async function twoInstances(env: Record<string, string>): Promise<[RunningServer, RunningServer]> {
  const common = { ANALYZE_RATE_LIMIT: String(LIMIT), TRUST_PROXY: "1", ...env };
  return Promise.all([startServer(common), startServer(common)]);
}

function sharedLimitSuite(name: string, available: () => Promise<boolean>, envFor: () => Promise<{ env: Record<string, string>; done(): Promise<void> }>) {
  describe(`rate limits shared through ${name}`, () => {
    let servers: [RunningServer, RunningServer] | null = null;
    let done: (() => Promise<void>) | null = null;
    afterAll(async () => {
      await Promise.all(servers?.map((s) => s.stop()) ?? []);
      await done?.();
    });

    it("two instances count one client together: the limit holds across them", async (ctx) => {
      if (!(await available())) return ctx.skip();
      const setup = await envFor();
      done = setup.done;
      servers = await twoInstances(setup.env);
      const [a, b] = servers;
      const client = { "x-real-ip": freshClient() };
      expect(await post(a, client)).toBe(200);
      expect(await post(b, client)).toBe(200);
      expect(await post(a, client)).toBe(200);
      expect(await post(b, client)).toBe(429);
      expect(await post(a, client)).toBe(429);
      // Another client is not affected.
      expect(await post(b, { "x-real-ip": freshClient() })).toBe(200);
    });

    it("X-Real-IP set by the proxy wins over a client-sent X-Forwarded-For", async (ctx) => {
      if (!servers) return ctx.skip();
      const [a, b] = servers;
      const real = freshClient();
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) statuses.push(await post(i % 2 ? a : b, { "x-real-ip": real, "x-forwarded-for": `203.0.113.${i}` }));
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });
}

sharedLimitSuite("PostgreSQL (DATABASE_URL)", postgresAvailable, async () => {
  const schema = await createTestSchema();
  return { env: { DATABASE_URL: schema.url }, done: () => schema.drop() };
});

sharedLimitSuite("Redis (REDIS_URL)", redisAvailable, async () => ({ env: { REDIS_URL, DATABASE_URL: "" }, done: async () => {} }));
