/**
 * Bounded memos for pure functions of strings (host → organisation/operator). Chains repeat the
 * same host names many times; the table look-ups behind them are not free. Bounded so that
 * hostile input cannot grow them: when full they are simply cleared.
 */
const DEFAULT_MAX = 4096;

function checkMax(max: number): void {
  if (!Number.isInteger(max) || max < 1) throw new Error("memo size must be a positive integer");
}

export function memoByKey<T>(fn: (key: string) => T, max: number = DEFAULT_MAX): (key: string) => T {
  checkMax(max);
  const cache = new Map<string, T>();
  // The last key and its value: callers ask about the same host several times in a row.
  let lastKey: string | null = null;
  let lastValue: T | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as T;
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, value);
    }
    lastKey = key;
    lastValue = value;
    return value as T;
  };
}

/**
 * A memo of a function of two optional strings (host, address), without building a joined key:
 * a nested map, the first level by `a`. Bounded by the total number of entries.
 */
export function memoByPair<T>(fn: (a: string | null, b: string | null) => T, max: number = DEFAULT_MAX): (a: string | null, b: string | null) => T {
  checkMax(max);
  const cache = new Map<string, Map<string, T>>();
  let size = 0;
  let lastA: string | null = null;
  let lastB: string | null = null;
  let lastValue: T | undefined;
  return (a, b) => {
    const ka = a ?? "";
    const kb = b ?? "";
    if (ka === lastA && kb === lastB) return lastValue as T;
    const value = pairLookup(ka, kb);
    lastA = ka;
    lastB = kb;
    lastValue = value;
    return value;
  };
  function pairLookup(ka: string, kb: string): T {
    let inner = cache.get(ka);
    const hit = inner?.get(kb);
    if (hit !== undefined || inner?.has(kb)) return hit as T;
    const value = fn(ka || null, kb || null);
    if (size >= max) {
      cache.clear();
      size = 0;
      inner = undefined;
    }
    if (!inner) {
      inner = new Map();
      cache.set(ka, inner);
    }
    inner.set(kb, value);
    size++;
    return value;
  }
}

/**
 * A memo whose entries last one analysis: for values the analysis reads many times (the header
 * block's field list and each header field, by identity; an address-list value). A WeakMap did
 * the object case before, but every WeakMap entry is an ephemeron the garbage collector must
 * trace: on short-lived keys that cost more than the look-ups saved (a fifth of an analysis of a
 * one-header message). Bounded (when full it is cleared), and emptied by forgetAnalysis() when an
 * analysis ends, so no message's headers stay referenced after its analysis.
 */
const perAnalysis: (() => void)[] = [];

export function memoPerAnalysis<K, T>(fn: (key: K) => T, max: number): (key: K) => T {
  checkMax(max);
  const cache = new Map<K, T>();
  perAnalysis.push(() => {
    if (cache.size > 0) cache.clear(); // Map#clear allocates a new table even when empty
  });
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}

/**
 * A memo of the last `size` keys only, compared with ===: for values one analysis reads several
 * times in a row (a comment's text, a DKIM-Signature, a with-token). No hashing of long strings,
 * and it holds at most `size` entries, until the analysis ends (forgetAnalysis). The answers are
 * shared: read them, never change them.
 */
export function memoRecent<K, T>(fn: (key: K) => T, size: number): (key: K) => T {
  checkMax(size);
  let keys: K[] = [];
  let values: T[] = [];
  let next = 0;
  perAnalysis.push(() => {
    if (keys.length > 0) {
      keys = [];
      values = [];
      next = 0;
    }
  });
  return (key) => {
    for (let k = 0; k < keys.length; k++) if (keys[k] === key) return values[k];
    const value = fn(key);
    keys[next] = key;
    values[next] = value;
    next = (next + 1) % size;
    return value;
  };
}

/** Empties every memoPerAnalysis() and memoRecent() memo (index.ts calls it when an analysis ends). */
export function forgetAnalysis(): void {
  for (const forget of perAnalysis) forget();
}
