/**
 * Live MX look-ups for `options.dns` (the engine itself never does I/O). Bounded in every way a
 * request could abuse: at most MAX_DOMAINS domains, one try with a short timeout each, answers
 * cached for CACHE_TTL_MS in a cache of at most CACHE_MAX domains. A failed look-up (no network,
 * NXDOMAIN, timeout) is simply left out: the analysis then rests on the headers alone.
 */
import { Resolver } from "node:dns/promises";
import type { MxRecordSet } from "@/lib/analysis/types";

export const MAX_DOMAINS = 3;
export const LOOKUP_TIMEOUT_MS = 2_000;
const CACHE_TTL_MS = 5 * 60_000;
const CACHE_MAX = 1_000;

export interface MxResolver {
  resolveMx(domain: string): Promise<{ exchange: string; priority: number }[]>;
}

let defaultResolver: MxResolver | null = null;
function systemResolver(): MxResolver {
  defaultResolver ??= new Resolver({ timeout: LOOKUP_TIMEOUT_MS, tries: 1 });
  return defaultResolver;
}

const cache = new Map<string, { at: number; value: MxRecordSet | null }>();

/** For tests: forget cached answers. */
export function clearMxCache(): void {
  cache.clear();
}

export async function lookupMx(
  domains: readonly string[],
  opts: { resolver?: MxResolver; timeoutMs?: number; now?: () => number } = {},
): Promise<MxRecordSet[]> {
  const resolver = opts.resolver ?? systemResolver();
  const timeoutMs = opts.timeoutMs ?? LOOKUP_TIMEOUT_MS;
  const now = opts.now ?? Date.now;
  const wanted = [...new Set(domains.map((d) => d.toLowerCase()))].slice(0, MAX_DOMAINS);
  const answers = await Promise.all(wanted.map((d) => lookupOne(d, resolver, timeoutMs, now)));
  return answers.filter((a): a is MxRecordSet => a !== null);
}

async function lookupOne(domain: string, resolver: MxResolver, timeoutMs: number, now: () => number): Promise<MxRecordSet | null> {
  const hit = cache.get(domain);
  if (hit && now() - hit.at < CACHE_TTL_MS) return hit.value;
  let value: MxRecordSet | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const records = await Promise.race([
      resolver.resolveMx(domain),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    const hosts = records
      .filter((r) => typeof r.exchange === "string" && r.exchange !== "" && Number.isFinite(r.priority))
      .slice(0, 50)
      .map((r) => ({ host: r.exchange.toLowerCase().replace(/\.$/, ""), priority: r.priority }));
    value = hosts.length > 0 ? { domain, hosts } : null;
  } catch {
    value = null; // no answer is an answer too: cached so a dead resolver is not asked again at once
  } finally {
    clearTimeout(timer);
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(domain, { at: now(), value });
  return value;
}
