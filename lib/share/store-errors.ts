/**
 * Store failures as the API reports them (issue 11): a full disk, a read-only DATA_DIR or an
 * unreachable PostgreSQL answer 503 with a code that says which, never "500 internal". The last
 * failure is remembered so /api/health can report the store's state between probes.
 */
import { HttpError } from "@/lib/http/errors";

export type StoreState = "ok" | "full" | "read-only" | "unavailable";

/** Seconds a client is asked to wait before trying again (Retry-After). */
const RETRY_AFTER_SECONDS = 30;

const MESSAGES: Record<Exclude<StoreState, "ok">, [string, string]> = {
  full: ["store-full", "Sharing is unavailable: the share store's disk is full. Deleting shares still works."],
  "read-only": ["store-read-only", "Sharing is unavailable: the share store is read-only."],
  unavailable: ["store-unavailable", "Sharing is unavailable: the share store cannot be reached. Try again later."],
};

/**
 * The state a driver error means. SQLite (better-sqlite3 codes), file system (Node errno codes),
 * PostgreSQL (SQLSTATE: 53100 disk_full, 25006 read_only_sql_transaction; class 08 connection,
 * 53 resources, 57 operator intervention) and socket errors.
 */
export function stateOf(err: unknown): Exclude<StoreState, "ok"> {
  const code = typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : "";
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT" || code === "53100") return "full";
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || code === "EACCES" || code === "EPERM" || code === "25006") return "read-only";
  return "unavailable";
}

let last: { state: Exclude<StoreState, "ok">; at: number } | null = null;

/** The last failure if it is recent (within `withinMs`), else null. */
export function lastFailure(withinMs: number, now = Date.now()): Exclude<StoreState, "ok"> | null {
  return last && now - last.at < withinMs ? last.state : null;
}

export function noteSuccess(): void {
  last = null;
}

/** The 503 HttpError for a driver error, recording it for /api/health. Logged by class only. */
export function storeFailure(err: unknown): HttpError {
  const state = stateOf(err);
  last = { state, at: Date.now() };
  const [code, message] = MESSAGES[state];
  console.error(`share store ${state} (${err instanceof Error ? err.name : typeof err}${hasCode(err) ? ` ${String(err.code)}` : ""})`);
  return new HttpError(503, code, message, { "Retry-After": String(RETRY_AFTER_SECONDS) });
}

function hasCode(err: unknown): err is { code: unknown } {
  return typeof err === "object" && err !== null && "code" in err;
}

/** Runs a store operation; a driver error becomes the 503 of storeFailure. */
export async function storeCall<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    const out = await fn();
    noteSuccess();
    return out;
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw storeFailure(err);
  }
}
