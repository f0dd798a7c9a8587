/**
 * Per-client counters (rate-limiter-flexible), shared by every app instance when a shared store is
 * configured:
 * - REDIS_URL set: Redis (node-redis client), one key per client and window;
 * - else DATABASE_URL set: PostgreSQL, table hoptrace_rate_limits (created on first use);
 * - else in memory, per instance.
 * When the shared store fails (down, timeout), each instance falls back to an in-memory limiter of
 * the same size (rate-limiter-flexible's insuranceLimiter): requests keep working, limits become
 * per instance for a while, and the failure is logged once per minute by error class only.
 */
import { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createClient } from "redis";

export interface LimitResult {
  ok: boolean;
  /** Seconds until the client may try again (0 when ok). */
  retryAfterSeconds: number;
}

export interface Limiter {
  /** Takes `points` (default 1) from the client's budget for the current window. */
  consume(key: string, points?: number): Promise<LimitResult>;
}

export interface LimiterOptions {
  /** Distinct per limiter ("analyze", "share", "share-bytes"): keys are prefixed with it. */
  name: string;
  points: number;
  durationSeconds: number;
}

export interface Backends {
  redisUrl: string | null;
  databaseUrl: string | null;
}

const PG_TABLE = "hoptrace_rate_limits";
/** A shared store slower than this counts as failed for that request (the fallback decides). */
const STORE_TIMEOUT_MS = 500;
const LOG_EVERY_MS = 60_000;

let lastLog = 0;
function logFailure(err: unknown): void {
  const now = Date.now();
  if (now - lastLog < LOG_EVERY_MS) return;
  lastLog = now;
  console.error(`rate-limit store unavailable, limiting per instance (${err instanceof Error ? err.name : typeof err})`);
}

let redis: { client: unknown; ready: Promise<void> } | null = null;
let pool: Pool | null = null;

function redisClient(url: string): { client: unknown; ready: Promise<void> } {
  if (!redis) {
    const client = createClient({
      url,
      // Fail commands at once while disconnected (the in-memory fallback answers), reconnect in the background.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(retries * 200, 5_000) },
    });
    client.on("error", logFailure);
    const ready = client.connect().then(
      () => {},
      (err: unknown) => logFailure(err),
    );
    redis = { client, ready };
  }
  return redis;
}

function pgPool(url: string): Pool {
  if (!pool) {
    pool = new Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 2_000, query_timeout: STORE_TIMEOUT_MS * 4 });
    pool.on("error", logFailure);
  }
  return pool;
}

function memory(o: LimiterOptions): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: o.name, points: o.points, duration: o.durationSeconds });
}

/** How long the first request waits for a shared store to connect (else the fallback decides). */
const READY_WAIT_MS = 3_000;

/**
 * The store-backed limiter for `o` and a promise for when it can answer (Redis connected, the
 * PostgreSQL table created), or a memory one when no shared store is configured.
 */
function backend(o: LimiterOptions, b: Backends, onTableError: (err: unknown) => void): { limiter: RateLimiterAbstract; ready: Promise<void> } {
  const common = { keyPrefix: `hoptrace:${o.name}`, points: o.points, duration: o.durationSeconds, insuranceLimiter: memory(o) };
  if (b.redisUrl) {
    const { client, ready } = redisClient(b.redisUrl);
    return { limiter: new RateLimiterRedis({ ...common, storeClient: client, useRedisPackage: true, rejectIfRedisNotReady: true }), ready };
  }
  if (b.databaseUrl) {
    let done: () => void = () => {};
    const ready = new Promise<void>((resolve) => (done = resolve));
    const limiter = new RateLimiterPostgres({ ...common, storeClient: pgPool(b.databaseUrl), storeType: "pool", tableName: PG_TABLE }, (err?: unknown) => {
      if (err) onTableError(err);
      done();
    });
    return { limiter, ready };
  }
  return { limiter: memory(o), ready: Promise.resolve() };
}

export function createLimiter(o: LimiterOptions, b: Backends): Limiter {
  if (!Number.isInteger(o.points) || o.points < 1) throw new Error("rate limit must be a positive integer");
  if (!(o.durationSeconds > 0)) throw new Error("rate limit window must be positive");
  let current: { limiter: RateLimiterAbstract; ready: Promise<void> } | null = null;
  const make = () =>
    backend(o, b, (err) => {
      // The table could not be created (database down at start): build a new limiter on a later request.
      logFailure(err);
      current = null;
    });
  return {
    async consume(key, points = 1) {
      const c = (current ??= make());
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([c.ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, READY_WAIT_MS)))]);
      clearTimeout(timer);
      try {
        await c.limiter.consume(key, points);
        return { ok: true, retryAfterSeconds: 0 };
      } catch (res) {
        if (res instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
        }
        // A store error without an insurance answer: never refuse a client because our store is down.
        logFailure(res);
        return { ok: true, retryAfterSeconds: 0 };
      }
    },
  };
}
