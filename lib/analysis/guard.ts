/**
 * The one place where an unforeseen exception in a reader becomes a finding instead of a broken
 * analysis. The readers themselves have no catch-alls: a bug must not turn into a quiet null.
 * build.ts runs the work of each header under a guard; a header whose reader throws keeps its
 * raw text, the analysis goes on without what it would have said, and an `internal-error`
 * finding names the header. Under test (tests/setup/engine-strict.ts) the guard rethrows, so a
 * bug fails the suite instead of hiding in a finding.
 */
import type { Finding } from "./types";

let rethrow = false;

/** Tests call this with true: a reader that throws then fails the test. */
export function rethrowInternalErrors(on: boolean): void {
  rethrow = on;
}

/** Runs `fn` for the header(s) named `header`; on an exception returns `fallback` and records the failure. */
export type Guard = <T>(header: string, fn: () => T, fallback: T) => T;

/** A guard that adds one `internal-error` finding per failing header name to `findings`. */
export function createGuard(findings: Finding[]): Guard {
  const reported = new Set<string>();
  return <T>(header: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (err) {
      if (rethrow) throw err;
      if (reported.has(header.toLowerCase())) return fallback;
      reported.add(header.toLowerCase());
      findings.push({
        code: "internal-error",
        severity: "warning",
        message: `Hoptrace could not read the ${header} header (an error on our side); it is shown as written and left out of the analysis.`,
      });
      return fallback;
    }
  };
}
