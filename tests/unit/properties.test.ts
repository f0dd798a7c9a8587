/**
 * Properties over random and mutated real headers (fast-check): analyze() never throws anything
 * but AnalysisError, finishes in bounded time, and returns plain JSON in the contract's shape.
 * Mutations start from the real fixtures (tests/fixtures/headers/*.txt): insert, delete and
 * duplicate characters, splice random Unicode, cut at a random point.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, AnalysisError } from "@/lib/analysis";
import { analysisShapeProblems } from "../helpers/contract-shape";

const DIR = path.resolve(__dirname, "../fixtures/headers");
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(path.join(DIR, f), "utf8"));

/** Per run; fixtures are a few KiB, so anything near this is a slow path worth a report. */
const BOUND_MS = 1_000;
/** CI: FC_RUNS=… raises or lowers the number of runs per property (default 300). */
const RUNS = Number(process.env.FC_RUNS) || 300;

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number; times: number }
  | { kind: "cut"; at: number };

/** Text that tends to break header parsers: grammar characters, encodings, Unicode. */
const nasty = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(..."()[]<>\"\\;:=?@., \t\r\n\u0000\ufffd".split("")), maxLength: 20 }),
  fc.constantFrom("=?utf-8?B?", "=?x?Q?=ZZ?=", "?=", "[IPv6:", "(", ")", "\r\n ", "\n\n", "Received: ", "from ", " by ", " with ESMTPS ", "; ", " +0000", "\ud800", "\udc00"),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: nasty }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }), times: fc.integer({ min: 2, max: 50 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "duplicate":
      return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at + m.length);
    case "cut":
      return text.slice(0, at);
  }
}

const mutatedFixture = fc
  .tuple(fc.nat({ max: Math.max(0, FIXTURES.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([i, ms]) => ms.reduce(mutate, FIXTURES[i] ?? ""));

/** Header-shaped random text: "Name: value" lines of random tokens and nasty pieces. */
const headerLike = fc
  .array(
    fc.tuple(
      fc.constantFrom("Received", "From", "To", "Subject", "Date", "Message-ID", "Authentication-Results", "ARC-Authentication-Results", "Received-SPF", "DKIM-Signature", "__proto__", "X-Other"),
      fc.array(fc.oneof(nasty, fc.string({ maxLength: 12 }), fc.ipV4(), fc.ipV6(), fc.domain(), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString())), { maxLength: 12 }),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((fields) => fields.map(([name, parts]) => `${name}: ${parts.join(" ")}`).join("\r\n"));

function check(raw: string): void {
  const t0 = performance.now();
  let result: unknown;
  try {
    result = analyze(raw);
  } catch (err) {
    if (!(err instanceof AnalysisError)) throw err;
    return;
  } finally {
    const ms = performance.now() - t0;
    if (ms > BOUND_MS) throw new Error(`analyze took ${ms.toFixed(0)} ms on ${raw.length} characters`);
  }
  const problems = analysisShapeProblems(result);
  if (problems.length > 0) throw new Error(`contract shape: ${problems.slice(0, 5).join("; ")}`);
  const back: unknown = JSON.parse(JSON.stringify(result));
  expect(back).toEqual(result);
}

describe("analyze() properties", () => {
  it("found the real fixtures to mutate", () => {
    expect(FIXTURES.length).toBeGreaterThan(10);
  });

  it("on mutated real headers: only AnalysisError, bounded time, plain JSON in the contract's shape", () => {
    fc.assert(fc.property(mutatedFixture, check), { numRuns: RUNS });
  });

  it("on random header-like text: the same", () => {
    fc.assert(fc.property(headerLike, check), { numRuns: RUNS });
  });

  it("on arbitrary Unicode strings: the same", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 2_000 }), check), { numRuns: RUNS });
  });

  it("CRLF, LF and CR line endings give the same analysis of every fixture", () => {
    for (const text of FIXTURES) {
      const lf = text.replace(/\r\n?/g, "\n");
      const a = JSON.stringify(analyze(lf));
      expect(JSON.stringify(analyze(lf.replace(/\n/g, "\r\n")))).toBe(a);
      expect(JSON.stringify(analyze(lf.replace(/\n/g, "\r")))).toBe(a);
    }
  });
});
