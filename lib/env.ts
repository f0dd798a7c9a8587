/**
 * Environment, read once, validated, typed. Nothing else reads process.env for configuration.
 * An invalid value is rejected with a clear error at first use, never silently replaced.
 */

export interface Env {
  /** Folder of the embedded SQLite share store. DATA_DIR, default "./data". */
  dataDir: string;
  /** DATABASE_URL (postgres://…): use PostgreSQL for shares instead of SQLite. */
  databaseUrl: string | null;
  /** Share creates per client per minute. SHARE_RATE_LIMIT, default 30. */
  shareRateLimitPerMinute: number;
  /** Analyses per client per minute. ANALYZE_RATE_LIMIT, default 120. */
  analyzeRateLimitPerMinute: number;
  /** Trust X-Forwarded-For / X-Real-IP for the client address. TRUST_PROXY=1, default off. */
  trustProxy: boolean;
  /** Send Strict-Transport-Security. HSTS=1, default off (only behind HTTPS). */
  hsts: boolean;
  /** Allow live MX look-ups when a request asks (options.dns). DNS_LOOKUPS, default on. */
  dnsLookups: boolean;
  /** Public origin for share URLs, e.g. "https://hoptrace.example". PUBLIC_URL, default: from the request. */
  publicUrl: string | null;
  /**
   * TEST ONLY: shifts the share store's clock by this many milliseconds so expiry can be tested
   * against a real `next start`. HOPTRACE_TEST_CLOCK_OFFSET_MS, default 0. Never set it in production.
   */
  shareClockOffsetMs: number;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  }
  return Number(raw);
}

function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === "") return false;
  const v = raw.toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  throw new Error(`${name} must be 1/0 or true/false, got "${raw}"`);
}

function wholeInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^-?\d{1,15}$/.test(raw)) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

/** Without a regex: /\/+$/ is quadratic on a long run of "/" followed by another character. */
function stripTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x2f) end--;
  return s.slice(0, end);
}

function readEnv(e: NodeJS.ProcessEnv): Env {
  const databaseUrl = e.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
  }
  const publicUrl = stripTrailingSlashes(e.PUBLIC_URL?.trim() ?? "") || null;
  if (publicUrl && !/^https?:\/\/[^/\s]+$/.test(publicUrl)) {
    throw new Error("PUBLIC_URL must be an origin such as https://hoptrace.example");
  }
  return {
    dataDir: e.DATA_DIR?.trim() || "./data",
    databaseUrl,
    shareRateLimitPerMinute: positiveInt("SHARE_RATE_LIMIT", e.SHARE_RATE_LIMIT, 30),
    analyzeRateLimitPerMinute: positiveInt("ANALYZE_RATE_LIMIT", e.ANALYZE_RATE_LIMIT, 120),
    trustProxy: flag("TRUST_PROXY", e.TRUST_PROXY),
    hsts: flag("HSTS", e.HSTS),
    dnsLookups: e.DNS_LOOKUPS === undefined || e.DNS_LOOKUPS === "" ? true : flag("DNS_LOOKUPS", e.DNS_LOOKUPS),
    publicUrl,
    shareClockOffsetMs: wholeInt("HOPTRACE_TEST_CLOCK_OFFSET_MS", e.HOPTRACE_TEST_CLOCK_OFFSET_MS, 0),
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
