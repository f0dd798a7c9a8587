/**
 * Environment, read once, validated (zod), typed. Nothing else in lib/ or app/ reads process.env
 * for configuration (scripts/server.mjs reads HOSTNAME, PORT and MAX_CONNECTIONS itself, before
 * Next.js loads). An invalid value is rejected with a clear error at first use, never silently
 * replaced by a default; an empty value counts as unset.
 */
import { z } from "zod";

export interface Env {
  /** Folder of the embedded SQLite share store. DATA_DIR, default "./data". */
  dataDir: string;
  /** DATABASE_URL (postgres://…): use PostgreSQL for shares (and shared rate limits) instead of SQLite. */
  databaseUrl: string | null;
  /** REDIS_URL (redis://…): keep rate-limit counters in Redis, shared by every instance. Default unset. */
  redisUrl: string | null;
  /** Share creates per client per minute. SHARE_RATE_LIMIT, default 30. */
  shareRateLimitPerMinute: number;
  /** Bytes of shares one client may store per day (after compaction). SHARE_DAILY_BYTES, default 50 MiB. */
  shareDailyBytes: number;
  /** Analyses per client per minute. ANALYZE_RATE_LIMIT, default 120. */
  analyzeRateLimitPerMinute: number;
  /** Trust X-Real-IP / X-Forwarded-For for the client address. TRUST_PROXY=1, default off. */
  trustProxy: boolean;
  /** Send Strict-Transport-Security. HSTS=1, default off (only behind HTTPS). */
  hsts: boolean;
  /** Allow live MX look-ups when a request asks (options.dns). DNS_LOOKUPS, default on. */
  dnsLookups: boolean;
  /** Public origin for share URLs, e.g. "https://hoptrace.example". PUBLIC_URL, default: from the request. */
  publicUrl: string | null;
  /** Folder of the network-owner data (asn/, geo-whois-asn-country/). IPINFO_DATA_DIR, default: the installed @ip-location-db packages. */
  ipInfoDataDir: string | null;
  /**
   * TEST ONLY: shifts the share store's clock by this many milliseconds so expiry can be tested
   * against a real server. HOPTRACE_TEST_CLOCK_OFFSET_MS, default 0. Never set it in production.
   */
  shareClockOffsetMs: number;
}

/** Unset or "" → undefined, so every default below applies to both. */
const unset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const positiveInt = (name: string, fallback: number) =>
  z.preprocess(
    unset,
    z
      .string()
      .regex(/^\d{1,15}$/, { error: (i) => `${name} must be a positive whole number, got "${String(i.input)}"` })
      .transform(Number)
      .refine((n) => n >= 1, { error: `${name} must be a positive whole number, got "0"` })
      .optional()
      .transform((n) => n ?? fallback),
  );

const FLAG_TRUE = new Set(["1", "true", "yes", "on"]);
const FLAG_FALSE = new Set(["0", "false", "no", "off"]);
const flag = (name: string, fallback: boolean) =>
  z.preprocess(
    unset,
    z
      .string()
      .refine((v) => FLAG_TRUE.has(v.toLowerCase()) || FLAG_FALSE.has(v.toLowerCase()), {
        error: (i) => `${name} must be 1/0 or true/false, got "${String(i.input)}"`,
      })
      .transform((v) => FLAG_TRUE.has(v.toLowerCase()))
      .optional()
      .transform((b) => b ?? fallback),
  );

const url = (name: string, pattern: RegExp, example: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? unset(v.trim()) : v),
    z
      .string()
      .regex(pattern, { error: `${name} must be a ${example} URL` })
      .optional()
      .transform((s) => s ?? null),
  );

/** Without a regex: /\/+$/ is quadratic on a long run of "/" followed by another character. */
function stripTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x2f) end--;
  return s.slice(0, end);
}

const schema = z.object({
  DATA_DIR: z.preprocess((v) => (typeof v === "string" ? unset(v.trim()) : v), z.string().optional().transform((s) => s ?? "./data")),
  IPINFO_DATA_DIR: z.preprocess((v) => (typeof v === "string" ? unset(v.trim()) : v), z.string().optional().transform((s) => s ?? null)),
  DATABASE_URL: url("DATABASE_URL", /^postgres(?:ql)?:\/\//, "postgres:// or postgresql://"),
  REDIS_URL: url("REDIS_URL", /^rediss?:\/\//, "redis:// or rediss://"),
  SHARE_RATE_LIMIT: positiveInt("SHARE_RATE_LIMIT", 30),
  SHARE_DAILY_BYTES: positiveInt("SHARE_DAILY_BYTES", 50 * 1024 * 1024),
  ANALYZE_RATE_LIMIT: positiveInt("ANALYZE_RATE_LIMIT", 120),
  TRUST_PROXY: flag("TRUST_PROXY", false),
  HSTS: flag("HSTS", false),
  DNS_LOOKUPS: flag("DNS_LOOKUPS", true),
  PUBLIC_URL: z.preprocess(
    (v) => (typeof v === "string" ? unset(stripTrailingSlashes(v.trim())) : v),
    z
      .string()
      .regex(/^https?:\/\/[^/\s]+$/, { error: "PUBLIC_URL must be an origin such as https://hoptrace.example" })
      .optional()
      .transform((s) => s ?? null),
  ),
  HOPTRACE_TEST_CLOCK_OFFSET_MS: z.preprocess(
    unset,
    z
      .string()
      .regex(/^-?\d{1,15}$/, { error: (i) => `HOPTRACE_TEST_CLOCK_OFFSET_MS must be a whole number, got "${String(i.input)}"` })
      .transform(Number)
      .optional()
      .transform((n) => n ?? 0),
  ),
});

function readEnv(e: NodeJS.ProcessEnv): Env {
  const r = schema.safeParse(e);
  if (!r.success) throw new Error(r.error.issues.map((i) => i.message).join("; "));
  const v = r.data;
  return {
    dataDir: v.DATA_DIR,
    ipInfoDataDir: v.IPINFO_DATA_DIR,
    databaseUrl: v.DATABASE_URL,
    redisUrl: v.REDIS_URL,
    shareRateLimitPerMinute: v.SHARE_RATE_LIMIT,
    shareDailyBytes: v.SHARE_DAILY_BYTES,
    analyzeRateLimitPerMinute: v.ANALYZE_RATE_LIMIT,
    trustProxy: v.TRUST_PROXY,
    hsts: v.HSTS,
    dnsLookups: v.DNS_LOOKUPS,
    publicUrl: v.PUBLIC_URL,
    shareClockOffsetMs: v.HOPTRACE_TEST_CLOCK_OFFSET_MS,
  };
}

let cached: Env | null = null;

/** The validated environment (read on first call). */
export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** For tests: validate an arbitrary environment without touching the cached one. */
export const parseEnv = readEnv;
