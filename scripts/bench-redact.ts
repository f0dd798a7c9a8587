// `npm run bench:redact`: redaction time on ~1 MiB hostile messages (tests/helpers/redaction-hostile.ts)
// and on shapes fuzzed from the maskers' delimiters; prints each and the slowest. Budget: 200 ms.
// Usage: node --import tsx scripts/bench-redact.ts [fuzz runs, default 200]
import { analyze } from "@/lib/analysis";
import { redactAnalysis } from "@/lib/share/redact";
import { FUZZ_PIECES, REDACTION_SHAPES } from "../tests/helpers/redaction-hostile";
import { report, slowestFuzzed } from "./bench-shapes";

const BUDGET_MS = 200;
const REPEAT = 3;

function time(raw: string): number {
  const a = analyze(raw);
  redactAnalysis(a); // warm
  let best = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    redactAnalysis(a);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const rows: [string, number][] = REDACTION_SHAPES.map((s) => [s.name, time(s.raw())]);
const runs = Number(process.argv[2] ?? 200);
rows.push(slowestFuzzed(FUZZ_PIECES, ["Received", "Subject", "To", "X-Note"], runs, time));
report(rows, runs, BUDGET_MS, rows.length);
