import { afterAll, describe, it } from "vitest";
import { createTestSchema, postgresAvailable } from "../helpers/share-pg";
import { shareApiSuite } from "../helpers/share-api-suite";

// Required under CI=true (postgresAvailable throws there); skipped with a notice elsewhere.
const available = await postgresAvailable();

if (available) {
  const schema = await createTestSchema();
  afterAll(() => schema.drop());
  shareApiSuite({
    name: "PostgreSQL (DATABASE_URL)",
    env: { DATABASE_URL: schema.url },
    async rawRow(id) {
      const rows = await schema.query<Record<string, unknown>>("SELECT * FROM {schema}.shares WHERE id = $1", [id]);
      return rows[0] ?? null;
    },
    async insertLegacy(row) {
      await schema.query("INSERT INTO {schema}.shares (id, analysis_json, delete_token_hash, created_at, expires_at, redacted) VALUES ($1, $2, $3, now(), $4, false)", [row.id, row.analysisJson, "ab".repeat(32), new Date(row.expiresAt)]);
    },
    async checkIntegrity() {
      await schema.query("SELECT count(*) FROM {schema}.shares");
    },
  });
} else {
  describe("share API on PostgreSQL", () => {
    it.skip("PostgreSQL is not reachable (HOPTRACE_TEST_DATABASE_URL)", () => {});
  });
}
