/**
 * The share store on PostgreSQL (`pg` Pool), for deployments with several app instances behind a
 * load balancer. Same behaviour as the SQLite store; the table lives in the first schema of the
 * connection's search_path (tests isolate themselves with `?options=-c search_path=…`).
 *
 * Migrations run once per process before the first query, inside one transaction holding an
 * advisory lock, so instances starting together apply each step exactly once.
 */
import { Pool } from "pg";
import type { Clock, ShareRecord, ShareStore } from "./store";
import { stateOf } from "./store-errors";

/** Advisory lock key for migrations: "hoptrace" in ASCII read as a 64-bit integer. */
const MIGRATION_LOCK_KEY = "7525357147796890469";

/** Ordered schema migrations; index + 1 is the version recorded in share_schema_version. Append only. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS shares (
     id TEXT PRIMARY KEY,
     analysis_json TEXT NOT NULL,
     delete_token_hash TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL,
     redacted BOOLEAN NOT NULL
   );
   CREATE INDEX IF NOT EXISTS shares_expires_at ON shares (expires_at);`,
  // v2: compact storage (compact.ts). Rows written before keep "analysis-json" and read as before.
  `ALTER TABLE shares ADD COLUMN IF NOT EXISTS encoding TEXT NOT NULL DEFAULT 'analysis-json';`,
];

/** A down or black-holed server must fail a request within seconds, not hang it (pg waits forever by default). */
const CONNECT_TIMEOUT_MS = 3_000;
const QUERY_TIMEOUT_MS = 10_000;

interface Row {
  id: string;
  analysis_json: string;
  delete_token_hash: string;
  created_at: Date;
  expires_at: Date;
  redacted: boolean;
  encoding: string;
}

async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY}::bigint)`);
    await client.query("CREATE TABLE IF NOT EXISTS share_schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    const { rows } = await client.query<{ v: number | null }>("SELECT max(version) AS v FROM share_schema_version");
    const current = rows[0]?.v ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`share database schema v${current} is newer than this app (v${MIGRATIONS.length})`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v]);
      await client.query("INSERT INTO share_schema_version (version) VALUES ($1)", [v + 1]);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

function toRecord(r: Row): ShareRecord {
  return {
    id: r.id,
    analysisJson: r.analysis_json,
    deleteTokenHash: r.delete_token_hash,
    createdAt: r.created_at.getTime(),
    expiresAt: r.expires_at.getTime(),
    redacted: r.redacted,
    encoding: r.encoding,
  };
}

export function openPostgresStore(opts: { url: string; now?: Clock; max?: number }): ShareStore {
  const now = opts.now ?? Date.now;
  const pool = new Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", (err) => console.error(`share store: idle PostgreSQL client error (${err.name})`));

  let ready: Promise<void> | null = null;
  const migrated = (): Promise<void> => {
    ready ??= migrate(pool).catch((err: unknown) => {
      ready = null; // retry on the next request instead of failing forever
      throw err;
    });
    return ready;
  };
  const query = async <R extends object = Row>(sql: string, params: unknown[]) => {
    await migrated();
    return pool.query<R>(sql, params);
  };

  return {
    async create(r) {
      await query(
        `INSERT INTO shares (id, analysis_json, delete_token_hash, created_at, expires_at, redacted, encoding)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [r.id, r.analysisJson, r.deleteTokenHash, new Date(r.createdAt), new Date(r.expiresAt), r.redacted, r.encoding],
      );
    },
    async get(id) {
      const { rows } = await query("SELECT * FROM shares WHERE id = $1", [id]);
      const row = rows[0];
      if (!row) return null;
      const t = new Date(now());
      if (row.expires_at <= t) {
        await query("DELETE FROM shares WHERE id = $1 AND expires_at <= $2", [id, t]);
        return null;
      }
      return toRecord(row);
    },
    async delete(id) {
      const res = await query("DELETE FROM shares WHERE id = $1", [id]);
      return (res.rowCount ?? 0) > 0;
    },
    async purgeExpired() {
      const res = await query("DELETE FROM shares WHERE expires_at <= $1", [new Date(now())]);
      return res.rowCount ?? 0;
    },
    async probe() {
      try {
        await query("SELECT 1", []);
        return "ok";
      } catch (err) {
        return stateOf(err);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
