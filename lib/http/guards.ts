import { env, type Env } from "@/lib/env";
import { clientKey } from "./client-ip";
import { HttpError } from "./errors";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

/**
 * A per-client limit per minute, read from the environment on first use; the guard throws a 429
 * HttpError with Retry-After when the client is over it.
 */
function rateGuard(limitOf: (e: Env) => number, what: string): (req: Request) => void {
  let limiter: RateLimiter | null = null;
  return (req) => {
    const e = env();
    limiter ??= createRateLimiter({ limit: limitOf(e), windowMs: 60_000 });
    const r = limiter.check(clientKey(req, e.trustProxy));
    if (!r.ok) {
      throw new HttpError(429, "rate-limited", `Too many ${what} from this client; try again shortly.`, {
        "Retry-After": String(r.retryAfterSeconds),
      });
    }
  };
}

/** POST /api/analyze: ANALYZE_RATE_LIMIT per client per minute. */
export const guardAnalyzeRate = rateGuard((e) => e.analyzeRateLimitPerMinute, "analyses");

/** POST /api/analyses: SHARE_RATE_LIMIT per client per minute. */
export const guardShareRate = rateGuard((e) => e.shareRateLimitPerMinute, "shares");
