import path from "node:path";
import fs from "node:fs";
import os from "node:os";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { startServer } from "../helpers/server";
import { SQLITE_FILE } from "@/lib/share/sqlite-store";
import { shareApiSuite } from "../helpers/share-api-suite";

function openRaw(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
}

shareApiSuite({
  name: "SQLite (DATA_DIR)",
  env: { DATABASE_URL: "" },
  async rawRow(id, dataDir) {
    const db = openRaw(dataDir);
    try {
      return (db.prepare("SELECT * FROM shares WHERE id = ?").get(id) as Record<string, unknown> | undefined) ?? null;
    } finally {
      db.close();
    }
  },
  async insertLegacy(row, dataDir) {
    const db = new Database(path.join(dataDir, SQLITE_FILE), { fileMustExist: true });
    try {
      db.prepare("INSERT INTO shares (id, analysis_json, delete_token_hash, created_at, expires_at, redacted) VALUES (?, ?, ?, ?, ?, 0)").run(row.id, row.analysisJson, "ab".repeat(32), Date.now(), row.expiresAt);
    } finally {
      db.close();
    }
  },
  async checkIntegrity(dataDir) {
    const db = new Database(path.join(dataDir, SQLITE_FILE), { fileMustExist: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  },
});

describe("SQLite store at start", () => {
  it("creates DATA_DIR and the migrated database when the server starts, before any share", async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "hoptrace-share-start-"));
    const dataDir = path.join(parent, "nested", "data");
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
    try {
      const db = openRaw(dataDir);
      try {
        expect(db.pragma("user_version", { simple: true })).toBe(2);
        expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        db.close();
      }
    } finally {
      await server.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
