/**
 * Trimming runs of punctuation without regexes: `s.replace(/,+$/, "")` is quadratic on a long
 * run of commas that does not reach the end (V8 retries the run from every start position), and
 * hostile headers contain exactly such runs.
 */

/** `s` without any of `chars` at its end. */
export function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without any of `chars` at its start. */
export function trimStart(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}
