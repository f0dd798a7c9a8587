/**
 * Fixed-window rate limiter per client key, in memory (per instance). Bounded: at most
 * MAX_KEYS keys are tracked; the oldest windows are dropped first.
 */
const MAX_KEYS = 50_000;

export interface RateLimitResult {
  ok: boolean;
  /** Seconds until the client may try again (0 when ok). */
  retryAfterSeconds: number;
  remaining: number;
}

export interface RateLimiter {
  check(key: string, now?: number): RateLimitResult;
}

export function createRateLimiter(opts: { limit: number; windowMs: number }): RateLimiter {
  if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new Error("rate limit must be a positive integer");
  if (!(opts.windowMs > 0)) throw new Error("rate limit window must be positive");
  const windows = new Map<string, { start: number; count: number }>();
  return {
    check(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= opts.windowMs) {
        if (w) windows.delete(key);
        w = { start: now, count: 0 };
        windows.set(key, w);
        if (windows.size > MAX_KEYS) {
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
      }
      w.count++;
      if (w.count > opts.limit) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + opts.windowMs - now) / 1000)), remaining: 0 };
      }
      return { ok: true, retryAfterSeconds: 0, remaining: opts.limit - w.count };
    },
  };
}
