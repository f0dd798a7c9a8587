/**
 * PostgreSQL for the share-store suites: HOPTRACE_TEST_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test). Each suite gets its own schema, selected through the
 * connection string's `options=-c search_path=…`, and drops it afterwards, so runs never collide.
 * When CI=true an unreachable database fails the suite loudly instead of skipping it.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";

export const TEST_DATABASE_URL = process.env.HOPTRACE_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** True when PostgreSQL answers; throws under CI=true when it does not. */
export async function postgresAvailable(): Promise<boolean> {
  const c = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch (err) {
    if (process.env.CI === "true" || process.env.CI === "1") {
      throw new Error(`PostgreSQL is required in CI but ${TEST_DATABASE_URL} is unreachable: ${String(err)}`);
    }
    console.warn("PostgreSQL unreachable: skipping the PostgreSQL share-store suite (set CI=true to fail instead)");
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export interface TestSchema {
  /** DATABASE_URL whose search_path is the fresh schema. */
  url: string;
  schema: string;
  query<R extends object>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const schema = `hoptrace_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const sep = TEST_DATABASE_URL.includes("?") ? "&" : "?";
  const url = `${TEST_DATABASE_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    schema,
    async query<R extends object>(sql: string, params: unknown[] = []) {
      const r = await admin.query<R>(sql.replaceAll("{schema}", schema), params);
      return r.rows;
    },
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
