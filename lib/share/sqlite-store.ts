/**
 * The embedded share store: SQLite (better-sqlite3 v12) in DATA_DIR/shares.db.
 *
 * Durability: WAL journal + synchronous=NORMAL is crash-safe for the database file (a process
 * killed mid-write loses at most the write in flight, never the file); every create is a single
 * INSERT, so a share either exists completely or not at all. Several processes may open the same
 * file (busy_timeout makes writers wait instead of failing).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Clock, ShareRecord, ShareStore } from "./store";

export const SQLITE_FILE = "shares.db";

/** Ordered schema migrations; index + 1 is the version recorded in PRAGMA user_version. Append only. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE shares (
     id TEXT PRIMARY KEY,
     analysis_json TEXT NOT NULL,
     delete_token_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     redacted INTEGER NOT NULL CHECK (redacted IN (0, 1))
   ) STRICT;
   CREATE INDEX shares_expires_at ON shares (expires_at);`,
];

interface Row {
  id: string;
  analysis_json: string;
  delete_token_hash: string;
  created_at: number;
  expires_at: number;
  redacted: number;
}

function migrate(db: Database.Database): void {
  // IMMEDIATE takes the write lock first, so two processes starting together apply each step once.
  db.transaction(() => {
    const current = db.pragma("user_version", { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`share database schema v${current} is newer than this app (v${MIGRATIONS.length})`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    if (current < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

function toRecord(r: Row): ShareRecord {
  return {
    id: r.id,
    analysisJson: r.analysis_json,
    deleteTokenHash: r.delete_token_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    redacted: r.redacted === 1,
  };
}

/** Opens (creating the folder and file if needed) and migrates the store in `dir`. */
export function openSqliteStore(opts: { dir: string; now?: Clock }): ShareStore {
  const now = opts.now ?? Date.now;
  fs.mkdirSync(opts.dir, { recursive: true });
  const db = new Database(path.join(opts.dir, SQLITE_FILE));
  db.pragma("busy_timeout = 5000");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  migrate(db);

  const insert = db.prepare(
    `INSERT INTO shares (id, analysis_json, delete_token_hash, created_at, expires_at, redacted)
     VALUES (@id, @analysis_json, @delete_token_hash, @created_at, @expires_at, @redacted)`,
  );
  const select = db.prepare<[string], Row>("SELECT * FROM shares WHERE id = ?");
  const remove = db.prepare<[string]>("DELETE FROM shares WHERE id = ?");
  const removeIfExpired = db.prepare<[string, number]>("DELETE FROM shares WHERE id = ? AND expires_at <= ?");
  const purge = db.prepare<[number]>("DELETE FROM shares WHERE expires_at <= ?");

  return {
    async create(r) {
      insert.run({
        id: r.id,
        analysis_json: r.analysisJson,
        delete_token_hash: r.deleteTokenHash,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
        redacted: r.redacted ? 1 : 0,
      });
    },
    async get(id) {
      const row = select.get(id);
      if (!row) return null;
      const t = now();
      if (row.expires_at <= t) {
        removeIfExpired.run(id, t);
        return null;
      }
      return toRecord(row);
    },
    async delete(id) {
      return remove.run(id).changes > 0;
    },
    async purgeExpired() {
      return purge.run(now()).changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
