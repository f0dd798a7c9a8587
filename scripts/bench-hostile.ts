// `npm run bench:hostile`: engine time on ~1 MiB hostile input: the fixed shapes
// (tests/helpers/hostile-corpus.ts, tests/helpers/redaction-hostile.ts) and tokens fuzzed from the
// grammar's delimiters; prints the slowest and the budget (issue 11: under 100 ms each).
// Usage: node --import tsx scripts/bench-hostile.ts [fuzz runs, default 300]
import { analyze } from "@/lib/analysis";
import { HOSTILE_CASES } from "../tests/helpers/hostile-corpus";
import { ENGINE_FUZZ_FIELDS, ENGINE_FUZZ_PIECES, ENGINE_SHAPES, REDACTION_SHAPES } from "../tests/helpers/redaction-hostile";
import { report, slowestFuzzed } from "./bench-shapes";

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
rows.push(slowestFuzzed(ENGINE_FUZZ_PIECES, ENGINE_FUZZ_FIELDS, runs, time));
report(rows, runs, BUDGET_MS);
