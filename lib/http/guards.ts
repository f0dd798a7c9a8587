import { env, type Env } from "@/lib/env";
import { clientKey } from "./client-ip";
import { HttpError } from "./errors";
import { createLimiter, type Limiter } from "./rate-limit";

/**
 * A per-client budget (rate-limit.ts: shared through REDIS_URL or DATABASE_URL when set), read from
 * the environment on first use; the guard throws a 429 HttpError with Retry-After when it is used up.
 */
function guard(name: string, pointsOf: (e: Env) => number, durationSeconds: number, message: string): (req: Request, points?: number) => Promise<void> {
  let limiter: Limiter | null = null;
  return async (req, points = 1) => {
    const e = env();
    limiter ??= createLimiter({ name, points: pointsOf(e), durationSeconds }, { redisUrl: e.redisUrl, databaseUrl: e.databaseUrl });
    const r = await limiter.consume(clientKey(req, e.trustProxy), points);
    if (!r.ok) throw new HttpError(429, "rate-limited", message, { "Retry-After": String(r.retryAfterSeconds) });
  };
}

/** POST /api/analyze: ANALYZE_RATE_LIMIT per client per minute. */
export const guardAnalyzeRate = guard("analyze", (e) => e.analyzeRateLimitPerMinute, 60, "Too many analyses from this client; try again shortly.");

/** POST /api/analyses: SHARE_RATE_LIMIT per client per minute. */
export const guardShareRate = guard("share", (e) => e.shareRateLimitPerMinute, 60, "Too many shares from this client; try again shortly.");

/**
 * POST /api/analyses: SHARE_DAILY_BYTES of stored shares per client per day; `points` is the size
 * of the share about to be stored. A share larger than the whole budget is refused too.
 */
export const guardShareBytes = guard("share-bytes", (e) => e.shareDailyBytes, 86_400, "This client has stored its daily volume of shares; try again tomorrow.");
