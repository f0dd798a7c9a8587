/**
 * The one place the share store is chosen: PostgreSQL when DATABASE_URL is set, otherwise SQLite
 * in DATA_DIR. Created lazily on first use (so `next build` never opens a database), once per process.
 */
import { env } from "@/lib/env";
import { openPostgresStore } from "./postgres-store";
import { openSqliteStore } from "./sqlite-store";
import type { Clock, ShareStore } from "./store";

/** How often expired shares are deleted in the background, besides on access and on create. */
const PURGE_INTERVAL_MS = 10 * 60_000;

let store: ShareStore | null = null;

/** The store's clock: the real time, shifted by HOPTRACE_TEST_CLOCK_OFFSET_MS (test only, default 0). */
export const shareClock: Clock = () => Date.now() + env().shareClockOffsetMs;

export function shareStore(): ShareStore {
  if (store) return store;
  // Opening may throw (unwritable DATA_DIR); nothing is cached then, so the next call retries.
  const e = env();
  const s = e.databaseUrl
    ? openPostgresStore({ url: e.databaseUrl, now: shareClock })
    : openSqliteStore({ dir: e.dataDir, now: shareClock });
  store = s;
  const timer = setInterval(() => {
    s.purgeExpired().catch((err: unknown) => console.error(`share purge failed (${err instanceof Error ? err.name : "error"})`));
  }, PURGE_INTERVAL_MS);
  timer.unref();
  return s;
}

/**
 * Called once at server start (instrumentation.ts): creates DATA_DIR / runs the migrations and
 * purges expired shares, so a misconfigured store shows up in the log at boot, not at the first
 * share. A failure is logged (by error class only) and retried on first use; the app still serves.
 */
export async function prepareShareStore(): Promise<void> {
  try {
    await shareStore().purgeExpired();
  } catch (err) {
    console.error(`share store not ready at start (${err instanceof Error ? err.name : "error"}); retrying on first use`);
  }
}
