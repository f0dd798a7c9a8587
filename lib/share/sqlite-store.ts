/**
 * The embedded share store: SQLite (better-sqlite3 v12) in DATA_DIR/shares.db.
 *
 * Durability: WAL journal + synchronous=FULL: a create that answered 201 survives a power cut too
 * (NORMAL would only survive a process crash; the fsync per commit costs ~1 ms, far below the
 * analysis). Every create is a single INSERT, so a share either exists completely or not at all.
 * Several processes may open the same file (busy_timeout makes writers wait instead of failing).
 *
 * Full disk: a RESERVE_BYTES ballast file is kept in DATA_DIR. When a delete fails for lack of
 * space, the ballast is removed, the WAL is checkpointed and the delete retried, so owners can
 * always delete their shares; the ballast is written again once there is room.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Clock, ShareRecord, ShareStore } from "./store";
import { stateOf } from "./store-errors";

export const SQLITE_FILE = "shares.db";
/** Ballast that makes room for deletes on a full disk. */
export const RESERVE_FILE = "shares.reserve";
const RESERVE_BYTES = 1024 * 1024;
/** Below this much free space the store reports itself full (a share is at most ~2 MB). */
const MIN_FREE_BYTES = 4 * 1024 * 1024;

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
  // v2: compact storage (compact.ts). Rows written before keep "analysis-json" and read as before.
  `ALTER TABLE shares ADD COLUMN encoding TEXT NOT NULL DEFAULT 'analysis-json';`,
];

interface Row {
  id: string;
  analysis_json: string;
  delete_token_hash: string;
  created_at: number;
  expires_at: number;
  redacted: number;
  encoding: string;
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
    encoding: r.encoding,
  };
}

function writeReserve(dir: string): void {
  const file = path.join(dir, RESERVE_FILE);
  try {
    if (!fs.existsSync(file)) fs.writeFileSync(file, Buffer.alloc(RESERVE_BYTES));
  } catch {
    fs.rmSync(file, { force: true }); // no room for it yet: try again later
  }
}

/** Opens (creating the folder and file if needed) and migrates the store in `dir`. */
export function openSqliteStore(opts: { dir: string; now?: Clock }): ShareStore {
  const now = opts.now ?? Date.now;
  fs.mkdirSync(opts.dir, { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path.join(opts.dir, SQLITE_FILE));
  } catch (err) {
    // SQLite says only SQLITE_CANTOPEN; a read-only or unwritable folder is the usual reason: say so.
    fs.accessSync(opts.dir, fs.constants.W_OK);
    throw err;
  }
  db.pragma("busy_timeout = 5000");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  migrate(db);
  writeReserve(opts.dir);

  const insert = db.prepare(
    `INSERT INTO shares (id, analysis_json, delete_token_hash, created_at, expires_at, redacted, encoding)
     VALUES (@id, @analysis_json, @delete_token_hash, @created_at, @expires_at, @redacted, @encoding)`,
  );
  const select = db.prepare<[string], Row>("SELECT * FROM shares WHERE id = ?");
  const remove = db.prepare<[string]>("DELETE FROM shares WHERE id = ?");
  const removeIfExpired = db.prepare<[string, number]>("DELETE FROM shares WHERE id = ? AND expires_at <= ?");
  const purge = db.prepare<[number]>("DELETE FROM shares WHERE expires_at <= ?");

  const insertRow = (r: ShareRecord) =>
    insert.run({
      id: r.id,
      analysis_json: r.analysisJson,
      delete_token_hash: r.deleteTokenHash,
      created_at: r.createdAt,
      expires_at: r.expiresAt,
      redacted: r.redacted ? 1 : 0,
      encoding: r.encoding,
    });

  /** A checkpoint is housekeeping: its failure (busy, disk full) must not fail the request. */
  const checkpoint = (mode: "PASSIVE" | "TRUNCATE") => {
    try {
      db.pragma(`wal_checkpoint(${mode})`);
    } catch {
      /* retried by the next write and by SQLite's automatic checkpoints */
    }
  };

  return {
    async create(r) {
      try {
        insertRow(r);
      } finally {
        // Keep the WAL from growing between automatic checkpoints (every 1,000 pages): the next
        // write reuses it from the start, so a later delete needs no new disk space.
        checkpoint("PASSIVE");
      }
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
      try {
        return remove.run(id).changes > 0;
      } catch (err) {
        if (stateOf(err) !== "full") throw err;
        // Disk full: free the ballast, move the WAL into the database, and try once more.
        fs.rmSync(path.join(opts.dir, RESERVE_FILE), { force: true });
        checkpoint("TRUNCATE");
        const removed = remove.run(id).changes > 0;
        checkpoint("TRUNCATE");
        return removed;
      }
    },
    async probe() {
      try {
        db.prepare("SELECT 1").get();
        fs.accessSync(opts.dir, fs.constants.W_OK);
        const st = fs.statfsSync(opts.dir);
        if (st.bavail * st.bsize < MIN_FREE_BYTES) return "full";
        if (!fs.existsSync(path.join(opts.dir, RESERVE_FILE))) writeReserve(opts.dir);
        return "ok";
      } catch (err) {
        return stateOf(err);
      }
    },
    async purgeExpired() {
      return purge.run(now()).changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
