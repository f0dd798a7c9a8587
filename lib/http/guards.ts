import { env } from "@/lib/env";
import { clientKey } from "./client-ip";
import { HttpError } from "./errors";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

let analyzeLimiter: RateLimiter | null = null;

/** Per-client limit on POST /api/analyze (ANALYZE_RATE_LIMIT per minute); throws a 429 HttpError. */
export function guardAnalyzeRate(req: Request): void {
  const e = env();
  analyzeLimiter ??= createRateLimiter({ limit: e.analyzeRateLimitPerMinute, windowMs: 60_000 });
  const r = analyzeLimiter.check(clientKey(req, e.trustProxy));
  if (!r.ok) {
    throw new HttpError(429, "rate-limited", "Too many analyses from this client; try again shortly.", {
      "Retry-After": String(r.retryAfterSeconds),
    });
  }
}

let shareLimiter: RateLimiter | null = null;

/** Per-client limit on POST /api/analyses (SHARE_RATE_LIMIT per minute); throws a 429 HttpError. */
export function guardShareRate(req: Request): void {
  const e = env();
  shareLimiter ??= createRateLimiter({ limit: e.shareRateLimitPerMinute, windowMs: 60_000 });
  const r = shareLimiter.check(clientKey(req, e.trustProxy));
  if (!r.ok) {
    throw new HttpError(429, "rate-limited", "Too many shares from this client; try again shortly.", {
      "Retry-After": String(r.retryAfterSeconds),
    });
  }
}
