// `npm run bench:redact`: redaction time on ~1 MiB hostile messages (tests/helpers/redaction-hostile.ts)
// and on shapes fuzzed from the maskers' delimiters; prints each and the slowest. Budget: 200 ms.
// Usage: node --import tsx scripts/bench-redact.ts [fuzz runs, default 200]
import fc from "fast-check";
import { analyze } from "@/lib/analysis";
import { redactAnalysis } from "@/lib/share/redact";
import { FUZZ_PIECES, REDACTION_SHAPES, fuzzMessage } from "../tests/helpers/redaction-hostile";

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
const samples = fc.sample(fc.tuple(fc.array(fc.constantFrom(...FUZZ_PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join("")), fc.constantFrom("Received", "Subject", "To", "X-Note")), runs);
let slowestFuzz: [string, number] = ["", 0];
for (const [token, field] of samples) {
  const ms = time(fuzzMessage(field, token));
  if (ms > slowestFuzz[1]) slowestFuzz = [`fuzzed: ${field} full of ${JSON.stringify(token)}`, ms];
}
rows.push(slowestFuzz);
rows.sort((a, b) => b[1] - a[1]);
for (const [name, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
console.log(`slowest: ${rows[0][1].toFixed(1)} ms (${rows[0][0]}); budget ${BUDGET_MS} ms: ${rows[0][1] < BUDGET_MS ? "met" : "NOT met"}`);
