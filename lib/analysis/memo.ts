/**
 * A bounded memo for pure functions of a string (host → organisation/operator). Chains repeat the
 * same host names many times; the table look-ups behind them are not free. Bounded so that
 * hostile input cannot grow it: when full it is simply cleared.
 */
const DEFAULT_MAX = 4096;

export function memoByKey<T>(fn: (key: string) => T, max: number = DEFAULT_MAX): (key: string) => T {
  if (!Number.isInteger(max) || max < 1) throw new Error("memo size must be a positive integer");
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}
