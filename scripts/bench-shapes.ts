// Shared by bench-hostile.ts and bench-redact.ts: time fuzzed ~1 MiB shapes, keep the slowest,
// print the slowest rows against a budget.
import fc from "fast-check";
import { fuzzMessage } from "../tests/helpers/redaction-hostile";

/** The slowest of `runs` messages fuzzed from `pieces` in `fields`, timed by `time`. */
export function slowestFuzzed(pieces: readonly string[], fields: readonly string[], runs: number, time: (raw: string) => number): [string, number] {
  const samples = fc.sample(fc.tuple(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((p) => p.join("")), fc.constantFrom(...fields)), runs);
  let slowest: [string, number] = ["", 0];
  for (const [token, field] of samples) {
    const ms = time(fuzzMessage(field, token));
    if (ms > slowest[1]) slowest = [`fuzzed: ${field} full of ${JSON.stringify(token)}`, ms];
  }
  return slowest;
}

/** Prints the slowest rows and whether the slowest meets the budget. */
export function report(rows: [string, number][], runs: number, budgetMs: number, show = 15): void {
  rows.sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of rows.slice(0, show)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log(`${rows.length} shapes (${runs} fuzzed); slowest: ${rows[0][1].toFixed(1)} ms (${rows[0][0]}); budget ${budgetMs} ms: ${rows[0][1] < budgetMs ? "met" : "NOT met"}`);
}
