/**
 * The share API suite, run unchanged against each store (tests/api/share-sqlite.test.ts and
 * tests/api/share-postgres.test.ts) on a real `next start`. Redaction is checked on the raw stored
 * row, read straight from the database, not only through the API.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAnalysis } from "@/lib/share/compact";
import { startServer, type RunningServer } from "./server";

export interface StoreTarget {
  name: string;
  /** Environment selecting and isolating the store (DATA_DIR is always added by the suite). */
  env: Record<string, string>;
  /** The stored row for an id, as the database holds it, or null. */
  rawRow(id: string, dataDir: string): Promise<Record<string, unknown> | null>;
  /** Extra checks after a crash: the database opens and is consistent. */
  checkIntegrity?(dataDir: string): Promise<void>;
  /** Inserts a row as the app wrote them before compact storage (no encoding column value). */
  insertLegacy(row: { id: string; analysisJson: string; expiresAt: number }, dataDir: string): Promise<void>;
}

const DAY = 86_400_000;

/** Fictional message whose personal details must not survive redaction. */
export const SECRET_ADDRESSES = ["jane.doe@example.com", "bob.smith@example.org", "carol.white@example.net", "jdoe-login"];
export const SECRET_NAMES = ["Jane Doe", "Bob Smith", "Carol White"];
export const SUBMISSION_IP = "198.51.100.23";
export const SHARE_HEADERS = [
  "Received: from mx.example.org (localhost [127.0.0.1]) by store.example.org (Dovecot) with LMTP id q1w2e3 for <bob.smith@example.org>; Mon, 9 Nov 2026 15:12:45 +0000",
  "Received: from smtp.example.com (smtp.example.com [203.0.113.5]) by mx.example.org (Postfix) with ESMTPS id 9XyZ (envelope-from <jane.doe@example.com>) for <bob.smith@example.org>; Mon, 9 Nov 2026 15:12:43 +0000",
  `Received: from [192.168.1.20] (c-198-51-100-23.home.example.net [${SUBMISSION_IP}]) (Authenticated sender: jdoe-login) by smtp.example.com (Postfix) with ESMTPSA id 4AbC for <bob.smith@example.org>; Mon, 9 Nov 2026 15:12:40 +0000`,
  "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; i=jane.doe@example.com; h=from:to; bh=Qm9keUhhc2hWYWx1ZQ==; b=U2lnbmF0dXJlVmFsdWVGb3JUZXN0",
  "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=jane.doe@example.com; dkim=pass header.i=@example.com",
  "Received-SPF: Pass (mx.example.org: domain of jane.doe@example.com designates 203.0.113.5 as permitted sender) client-ip=203.0.113.5; envelope-from=jane.doe@example.com;",
  'From: "Jane Doe" <jane.doe@example.com>',
  "To: Bob Smith <bob.smith@example.org>",
  "Cc: Carol White <carol.white@example.net>",
  "Subject: Quarterly numbers",
  "Date: Mon, 9 Nov 2026 15:12:39 +0000",
  "Message-ID: <CAFmsgLocalPart123@mail.example.com>",
  `X-Originating-IP: [${SUBMISSION_IP}]`,
  "",
  "Body text.",
].join("\r\n");
const SECRETS = [...SECRET_ADDRESSES, ...SECRET_NAMES, SUBMISSION_IP, "CAFmsgLocalPart123", "U2lnbmF0dXJlVmFsdWVGb3JUZXN0", "Qm9keUhhc2hWYWx1ZQ"];

interface Created {
  id: string;
  url: string;
  deleteToken: string;
  expiresAt: string;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "hoptrace-share-api-"));
}

async function create(base: string, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/analyses`, { method: "POST", headers: { "Content-Type": "application/json", ...extra }, body: JSON.stringify(body) });
}

/**
 * A client address of its own (sent as X-Real-IP to a TRUST_PROXY=1 server): with DATABASE_URL the
 * limits are shared through the database, so a limit test must not inherit the suite's counts.
 */
function freshClient(): Record<string, string> {
  return { "X-Real-IP": `192.0.2.${Math.floor(Math.random() * 250)}-${Date.now()}` };
}

async function createOk(base: string, body: unknown = { headers: SHARE_HEADERS, redact: false }): Promise<Created> {
  const res = await create(base, body);
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

/** Resolves once the process is gone (signal 0 fails). */
async function exited(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function shareApiSuite(target: StoreTarget): void {
  describe(`share API on ${target.name}`, () => {
    const dataDir = tempDir();
    const env = { ...target.env, DATA_DIR: dataDir, SHARE_RATE_LIMIT: "10000" };
    let server: RunningServer;

    beforeAll(async () => {
      server = await startServer(env);
    });
    afterAll(async () => {
      await server?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("answers 201 with id, url, deleteToken and expiresAt (30 days by default)", async () => {
      const before = Date.now();
      const res = await create(server.url, { headers: SHARE_HEADERS, redact: false });
      expect(res.status).toBe(201);
      expect(res.headers.get("content-type")).toContain("application/json");
      const c = (await res.json()) as Created;
      expect(c.id).toMatch(/^[\w-]{22,}$/);
      expect(c.deleteToken).toMatch(/^[\w-]{22,}$/);
      expect(c.url).toBe(`${server.url}/a/${c.id}`);
      const expires = Date.parse(c.expiresAt);
      expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY - 1000);
      expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY + 1000);
    });

    it("GET returns exactly the analysis the page showed, and the row holds it compactly", async () => {
      const shown = await (await fetch(`${server.url}/api/analyze`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: SHARE_HEADERS })).json();
      const c = await createOk(server.url);
      const res = await fetch(`${server.url}/api/analyses/${c.id}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual(shown);
      const row = await target.rawRow(c.id, dataDir);
      expect(row?.encoding).toBe("compact-v1");
      expect(decodeAnalysis(String(row?.encoding), String(row?.analysis_json))).toBe(text);
      expect(String(row?.analysis_json).length).toBeLessThan(text.length);
      expect(row?.delete_token_hash).not.toContain(c.deleteToken);
      expect(JSON.stringify(row)).not.toContain(c.deleteToken);
    });

    it("stores 1 MiB of headers in about 1 MiB, not 2-3 MB, and gives it back unchanged", async () => {
      const big = [...Array.from({ length: 9 }, (_, i) => `Received: from h${i}.example.org ([203.0.113.${i + 1}]) by mx${i}.example.org with ESMTPS id x${i}${" (comment)".repeat(10_000)}; Mon, 9 Nov 2026 15:12:4${i} +0000`), SHARE_HEADERS].join("\r\n");
      const c = await createOk(server.url, { headers: big, redact: false });
      const text = await (await fetch(`${server.url}/api/analyses/${c.id}`)).text();
      const row = await target.rawRow(c.id, dataDir);
      const stored = String(row?.analysis_json).length;
      expect(stored).toBeLessThan(big.length * 1.2);
      expect(text.length).toBeGreaterThan(big.length * 1.8); // hops[].raw repeats every Received header
      expect(decodeAnalysis(String(row?.encoding), String(row?.analysis_json))).toBe(text);
    });

    it("reads a row written before compact storage, unchanged", async () => {
      const id = "L".repeat(22);
      const legacy = JSON.stringify({ schemaVersion: 1, summary: { subject: "old row" }, hops: [], headers: [] });
      await target.insertLegacy({ id, analysisJson: legacy, expiresAt: Date.now() + DAY }, dataDir);
      const res = await fetch(`${server.url}/api/analyses/${id}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(legacy);
    });

    it("previews what a share would store, masked values listed, without storing anything", async () => {
      const res = await fetch(`${server.url}/api/analyses/preview`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ headers: SHARE_HEADERS }) });
      expect(res.status).toBe(200);
      const p = (await res.json()) as { redact: boolean; analysis: unknown; masked: { names: string[]; ips: string[]; hosts: string[] } };
      expect(p.redact).toBe(true);
      expect(p.masked.names).toEqual(expect.arrayContaining(SECRET_NAMES));
      expect(p.masked.ips).toContain(SUBMISSION_IP);
      const c = await createOk(server.url, { headers: SHARE_HEADERS });
      expect(await (await fetch(`${server.url}/api/analyses/${c.id}`)).json()).toEqual(p.analysis);
      const text = JSON.stringify(p.analysis);
      for (const s of SECRETS) expect(text.toLowerCase()).not.toContain(s.toLowerCase());
    });

    it.each([
      // The submission HELO kept in authentication.spf[].domain (Received-SPF identity=helo).
      ["haraka__queue_1507509981169.txt", ["imac27", "174.24.224.63", "simerson"]],
      // "from [45.133.74.208] (mail.iteca.kz [151.236.198.148])": the HELO literal is the client's address.
      ["phishing_pot__sample-2127.txt", ["45.133.74.208", "151.236.198.148", "mail.iteca.kz"]],
    ])("a redacted share of the real %s stores none of %j in its row", async (file, secrets) => {
      const headers = fs.readFileSync(path.resolve(__dirname, "../fixtures/headers", file), "utf8");
      const c = await createOk(server.url, { headers, redact: true });
      const row = await target.rawRow(c.id, dataDir);
      const stored = decodeAnalysis(String(row?.encoding), String(row?.analysis_json)).toLowerCase();
      for (const s of secrets) expect(stored.includes(s), s).toBe(false);
      expect(JSON.stringify(row).toLowerCase().includes(secrets[0])).toBe(false);
    });

    it.each([
      ["redact: true", { redact: true }],
      ["redact omitted (the API default is to redact)", {}],
    ])("with %s the stored row holds no address, display name or submission IP", async (_n, extra) => {
      const c = await createOk(server.url, { headers: SHARE_HEADERS, ...extra });
      const row = JSON.stringify(await target.rawRow(c.id, dataDir));
      expect(row).toContain("example.org"); // domains and servers stay
      for (const s of SECRETS) expect(row.toLowerCase()).not.toContain(s.toLowerCase());
      expect(row).toMatch(/redacted":(?:1|true)/);
    });

    it("serves the page with noindex and no-referrer, and 404 for an unknown id", async () => {
      const c = await createOk(server.url);
      const res = await fetch(c.url);
      expect(res.status).toBe(200);
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      const html = await res.text();
      expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
      expect(html).toContain("Shared analysis");
      expect(html).toContain("expires on");
      expect((await fetch(`${server.url}/a/${"A".repeat(22)}`)).status).toBe(404);
    });

    it.each([
      ["an unknown id", "A".repeat(22)],
      ["a malformed id", "not-an-id"],
    ])("GET with %s is a 404 JSON error", async (_n, id) => {
      const res = await fetch(`${server.url}/api/analyses/${id}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not-found", message: expect.any(String) } });
    });

    it("deletes with the token: 401 without one, 403 with a wrong one, 204, then 404", async () => {
      const c = await createOk(server.url);
      const del = (auth?: string) =>
        fetch(`${server.url}/api/analyses/${c.id}`, { method: "DELETE", headers: auth ? { Authorization: auth } : {} });
      const missing = await del();
      expect(missing.status).toBe(401);
      expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await del("Bearer wrong-token-wrong-token-00")).status).toBe(403);
      expect((await del(`Bearer ${c.deleteToken}`)).status).toBe(204);
      expect((await fetch(`${server.url}/api/analyses/${c.id}`)).status).toBe(404);
      expect((await fetch(c.url)).status).toBe(404);
      expect((await del(`Bearer ${c.deleteToken}`)).status).toBe(404);
      expect(await target.rawRow(c.id, dataDir)).toBeNull();
    });

    it.each([
      ["invalid JSON", "application/json", "{nope", 400],
      ["a JSON array", "application/json", "[]", 400],
      ["headers that are not a string", "application/json", JSON.stringify({ headers: 42 }), 400],
      ["redact that is not a boolean", "application/json", JSON.stringify({ headers: SHARE_HEADERS, redact: "yes" }), 400],
      ["an unknown expiry", "application/json", JSON.stringify({ headers: SHARE_HEADERS, expiresInDays: 3 }), 400],
      ["no header lines", "application/json", JSON.stringify({ headers: "just text" }), 400],
      ["text/plain", "text/plain", SHARE_HEADERS, 415],
      ["more than 1 MiB", "application/json", JSON.stringify({ headers: `X-Pad: ${"a".repeat(1024 * 1024)}` }), 413],
    ])("refuses %s with a JSON error", async (_n, type, body, status) => {
      const res = await fetch(`${server.url}/api/analyses`, { method: "POST", headers: { "Content-Type": type }, body });
      expect(res.status).toBe(status);
      const j = (await res.json()) as { error: { code: string; message: string } };
      expect(typeof j.error.code).toBe("string");
      expect(typeof j.error.message).toBe("string");
    });

    it.each([1, 7, 365])("accepts expiresInDays %i", async (days) => {
      const c = await createOk(server.url, { headers: SHARE_HEADERS, expiresInDays: days });
      expect(Math.abs(Date.parse(c.expiresAt) - Date.now() - days * DAY)).toBeLessThan(60_000);
    });

    it("keeps 100 concurrent creates: all 201, distinct ids, all readable", async () => {
      const created = await Promise.all(Array.from({ length: 100 }, () => createOk(server.url)));
      expect(new Set(created.map((c) => c.id)).size).toBe(100);
      const reads = await Promise.all(created.map((c) => fetch(`${server.url}/api/analyses/${c.id}`).then((r) => r.status)));
      expect(reads.every((s) => s === 200)).toBe(true);
    });

    it("keeps shares across a restart on the same store", async () => {
      const c = await createOk(server.url);
      const before = await (await fetch(`${server.url}/api/analyses/${c.id}`)).text();
      await server.stop();
      server = await startServer(env);
      const res = await fetch(`${server.url}/api/analyses/${c.id}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(before);
    });

    it("expires: 404 once the time has passed, and expired rows are purged", async () => {
      const short = await createOk(server.url, { headers: SHARE_HEADERS, expiresInDays: 1 });
      const lasting = await createOk(server.url, { headers: SHARE_HEADERS, expiresInDays: 7 });
      await server.stop();
      // Test-only clock offset: the restarted server lives two days later. It purges at start
      // (the store's own tests cover purge on access and the periodic purge).
      server = await startServer({ ...env, HOPTRACE_TEST_CLOCK_OFFSET_MS: String(2 * DAY) });
      try {
        expect((await fetch(`${server.url}/api/analyses/${short.id}`)).status).toBe(404);
        expect((await fetch(`${server.url}/a/${short.id}`)).status).toBe(404);
        expect(await target.rawRow(short.id, dataDir)).toBeNull();
        expect((await fetch(`${server.url}/api/analyses/${lasting.id}`)).status).toBe(200);
        expect(await target.rawRow(lasting.id, dataDir)).not.toBeNull();
      } finally {
        await server.stop();
        server = await startServer(env);
      }
    });

    it("puts a daily byte budget on each client's shares (429 with Retry-After once it is used up)", async () => {
      const small = await startServer({ ...env, SHARE_DAILY_BYTES: "20000", TRUST_PROXY: "1" });
      const client = freshClient();
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 10; i++) statuses.push((await create(small.url, { headers: SHARE_HEADERS }, client)).status);
        expect(statuses.slice(0, 2)).toEqual([201, 201]);
        expect(statuses).toContain(429);
        const res = await create(small.url, { headers: SHARE_HEADERS }, client);
        expect(res.status).toBe(429);
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(3600);
      } finally {
        await small.stop();
      }
    });

    it("rate limits creates per client with 429 and Retry-After", async () => {
      const limited = await startServer({ ...env, SHARE_RATE_LIMIT: "3", TRUST_PROXY: "1" });
      const client = freshClient();
      try {
        for (let i = 0; i < 3; i++) expect((await create(limited.url, { headers: SHARE_HEADERS }, client)).status).toBe(201);
        const res = await create(limited.url, { headers: SHARE_HEADERS }, client);
        expect(res.status).toBe(429);
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate-limited");
      } finally {
        await limited.stop();
      }
    });

    it("never logs header content, ids or tokens", async () => {
      const c = await createOk(server.url);
      await fetch(`${server.url}/api/analyses/${c.id}`, { method: "DELETE", headers: { Authorization: "Bearer wrong" } });
      const out = server.output();
      for (const s of [c.id, c.deleteToken, "jane.doe", "Quarterly numbers"]) expect(out).not.toContain(s);
    });

    it("survives SIGKILL during a burst of creates: every 201 is readable afterwards", async () => {
      await server.stop();
      const victim = await startServer(env);
      const ok: string[] = [];
      let stop = false;
      const worker = async () => {
        while (!stop) {
          try {
            const res = await create(victim.url, { headers: SHARE_HEADERS, redact: true });
            if (res.status === 201) ok.push(((await res.json()) as Created).id);
          } catch {
            return; // the server is gone
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      while (ok.length < 60) await new Promise((r) => setTimeout(r, 5));
      process.kill(victim.pid, "SIGKILL");
      stop = true;
      await Promise.all(workers);
      await exited(victim.pid);
      await target.checkIntegrity?.(dataDir);
      server = await startServer(env);
      const statuses = await Promise.all(ok.map((id) => fetch(`${server.url}/api/analyses/${id}`).then((r) => r.status)));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(ok.length).toBeGreaterThanOrEqual(60);
    }, 120_000);
  });
}
