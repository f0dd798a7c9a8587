// `npm run bench:hostile`: engine time on ~1 MiB hostile input: the fixed shapes
// (tests/helpers/hostile-corpus.ts, tests/helpers/redaction-hostile.ts) and tokens fuzzed from the
// grammar's delimiters; prints the slowest and the budget (issue 11: under 100 ms each).
// Usage: node --import tsx scripts/bench-hostile.ts [fuzz runs, default 300]
import fc from "fast-check";
import { analyze } from "@/lib/analysis";
import { HOSTILE_CASES } from "../tests/helpers/hostile-corpus";
import { ENGINE_FUZZ_FIELDS, ENGINE_FUZZ_PIECES, ENGINE_SHAPES, REDACTION_SHAPES, fuzzMessage } from "../tests/helpers/redaction-hostile";

const BUDGET_MS = 100;
const REPEAT = 3;

function time(raw: string): number {
  let best = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    try {
      analyze(raw);
    } catch {
      // typed refusals (too-large, no-headers) are answers too
    }
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const rows: [string, number][] = [
  ...HOSTILE_CASES.map((c): [string, number] => [c.name, time(c.input())]),
  ...[...ENGINE_SHAPES, ...REDACTION_SHAPES].map((s): [string, number] => [s.name, time(s.raw())]),
];
const runs = Number(process.argv[2] ?? 300);
const samples = fc.sample(
  fc.tuple(fc.array(fc.constantFrom(...ENGINE_FUZZ_PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join("")), fc.constantFrom(...ENGINE_FUZZ_FIELDS)),
  runs,
);
let slowestFuzz: [string, number] = ["", 0];
for (const [token, field] of samples) {
  const ms = time(fuzzMessage(field, token));
  if (ms > slowestFuzz[1]) slowestFuzz = [`fuzzed: ${field} full of ${JSON.stringify(token)}`, ms];
}
rows.push(slowestFuzz);
rows.sort((a, b) => b[1] - a[1]);
for (const [name, ms] of rows.slice(0, 15)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
console.log(`${rows.length} shapes (${runs} fuzzed); slowest: ${rows[0][1].toFixed(1)} ms (${rows[0][0]}); budget ${BUDGET_MS} ms: ${rows[0][1] < BUDGET_MS ? "met" : "NOT met"}`);
