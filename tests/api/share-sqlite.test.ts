import path from "node:path";
import Database from "better-sqlite3";
import { expect } from "vitest";
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
