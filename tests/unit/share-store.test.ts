/**
 * The two share stores against the same table of behaviours, with an injected clock:
 * SQLite in a temp dir, PostgreSQL in a throw-away schema (required under CI=true).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "@/lib/share/postgres-store";
import { SQLITE_FILE, openSqliteStore } from "@/lib/share/sqlite-store";
import type { ShareRecord, ShareStore } from "@/lib/share/store";
import { createTestSchema, postgresAvailable, type TestSchema } from "../helpers/share-pg";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 9, 15, 0, 0);

interface Harness {
  /** A store on the shared backing database, reading the harness clock. */
  open(): ShareStore;
  clock: { t: number };
  /** Row count straight from the database (not through the store). */
  rawCount(id: string): Promise<number>;
}

function record(id: string, expiresInDays = 30, createdAt = T0): ShareRecord {
  return {
    id, analysisJson: JSON.stringify({ schemaVersion: 1, id }), deleteTokenHash: "ab".repeat(32),
    createdAt, expiresAt: createdAt + expiresInDays * DAY, redacted: true, encoding: "analysis-json",
  };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoptrace-share-unit-"));
const sqliteClock = { t: T0 };
const sqlite: Harness = {
  clock: sqliteClock,
  open: () => openSqliteStore({ dir: tmp, now: () => sqliteClock.t }),
  async rawCount(id) {
    const db = new Database(path.join(tmp, SQLITE_FILE), { readonly: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM shares WHERE id = ?").get(id) as { n: number }).n;
    } finally {
      db.close();
    }
  },
};

const pgUp = await postgresAvailable();
const schema: TestSchema | null = pgUp ? await createTestSchema() : null;
const pgClock = { t: T0 };
const postgres: Harness = {
  clock: pgClock,
  open: () => openPostgresStore({ url: schema!.url, now: () => pgClock.t, max: 4 }),
  async rawCount(id) {
    const rows = await schema!.query<{ n: string }>("SELECT count(*) AS n FROM {schema}.shares WHERE id = $1", [id]);
    return Number(rows[0].n);
  },
};

const opened: ShareStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await schema?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each([
  { name: "SQLite", h: sqlite, enabled: true },
  { name: "PostgreSQL", h: postgres, enabled: pgUp },
])("$name share store", ({ h, enabled }) => {
  if (!enabled) {
    it.skip("PostgreSQL is not reachable", () => {});
    return;
  }
  const open = () => {
    const s = h.open();
    opened.push(s);
    return s;
  };

  it("returns a created record exactly as it was stored", async () => {
    const s = open();
    const r = record("round-trip-aaaaaaaaaaa");
    await s.create(r);
    expect(await s.get(r.id)).toEqual(r);
  });

  it("refuses a second record with the same id instead of overwriting it", async () => {
    const s = open();
    await s.create(record("duplicate-aaaaaaaaaaaa"));
    await expect(s.create({ ...record("duplicate-aaaaaaaaaaaa"), analysisJson: "{}" })).rejects.toThrow();
    expect((await s.get("duplicate-aaaaaaaaaaaa"))?.analysisJson).toContain("duplicate");
  });

  it("answers null for an unknown id", async () => {
    expect(await open().get("unknown-aaaaaaaaaaaaaa")).toBeNull();
  });

  it("hides an expired record and deletes it on access", async () => {
    const s = open();
    await s.create(record("expires-aaaaaaaaaaaaaa", 1));
    h.clock.t = T0 + DAY - 1;
    expect(await s.get("expires-aaaaaaaaaaaaaa")).not.toBeNull();
    h.clock.t = T0 + DAY;
    expect(await s.get("expires-aaaaaaaaaaaaaa")).toBeNull();
    expect(await h.rawCount("expires-aaaaaaaaaaaaaa")).toBe(0);
    h.clock.t = T0;
  });

  it("purges expired records only", async () => {
    const s = open();
    await s.create(record("purge-short-aaaaaaaaaa", 1));
    await s.create(record("purge-long-aaaaaaaaaaa", 365));
    h.clock.t = T0 + 2 * DAY;
    expect(await s.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await h.rawCount("purge-short-aaaaaaaaaa")).toBe(0);
    expect(await h.rawCount("purge-long-aaaaaaaaaaa")).toBe(1);
    h.clock.t = T0;
  });

  it("deletes a record once", async () => {
    const s = open();
    await s.create(record("delete-aaaaaaaaaaaaaaa"));
    expect(await s.delete("delete-aaaaaaaaaaaaaaa")).toBe(true);
    expect(await s.delete("delete-aaaaaaaaaaaaaaa")).toBe(false);
    expect(await s.get("delete-aaaaaaaaaaaaaaa")).toBeNull();
  });

  it("migrates safely when several instances open the same database at once", async () => {
    const stores = [open(), open(), open()];
    await Promise.all(stores.map((s, i) => s.create(record(`parallel-${i}-aaaaaaaaaaaa`))));
    for (const [i, s] of stores.entries()) expect(await s.get(`parallel-${i}-aaaaaaaaaaaa`)).not.toBeNull();
  });

  it("keeps 100 concurrent creates, all distinct and all readable", async () => {
    const s = open();
    const ids = Array.from({ length: 100 }, (_, i) => `burst-${String(i).padStart(3, "0")}-aaaaaaaaaaa`);
    await Promise.all(ids.map((id) => s.create(record(id))));
    const back = await Promise.all(ids.map((id) => s.get(id)));
    expect(back.map((r) => r?.id)).toEqual(ids);
  });
});

describe("SQLite file", () => {
  it("is in WAL mode with the schema version recorded", () => {
    openSqliteStore({ dir: tmp }).close();
    const db = new Database(path.join(tmp, SQLITE_FILE), { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("user_version", { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });
});
