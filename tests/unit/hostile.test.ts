import { describe, expect, it } from "vitest";
import { analyze, AnalysisError } from "@/lib/analysis";
import { HOSTILE_CASES } from "../helpers/hostile-corpus";
import { analysisShapeProblems } from "../helpers/contract-shape";

/**
 * Generous on 2 shared CI cores, yet far below what a quadratic path costs on ~1 MiB
 * (a linear pass over 1 MiB takes milliseconds; a quadratic one takes minutes).
 */
const BOUND_MS = 3_000;

describe("analyze() on hostile input", () => {
  it.each(HOSTILE_CASES)("$name: answers as expected, in bounded time, in the contract's shape", ({ input, expect: outcome }) => {
    const raw = input();
    const t0 = performance.now();
    let result: unknown;
    let error: unknown;
    try {
      result = analyze(raw);
    } catch (err) {
      error = err;
    }
    const ms = performance.now() - t0;
    expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);

    if (error !== undefined) {
      expect(error, String(error)).toBeInstanceOf(AnalysisError);
      const code = (error as AnalysisError).code;
      if (outcome === "ok") expect.fail(`expected an analysis, got AnalysisError ${code}`);
      if (outcome !== "either") expect(code).toBe(outcome);
      return;
    }
    if (outcome !== "ok" && outcome !== "either") expect.fail(`expected AnalysisError ${outcome}, got an analysis`);
    expect(analysisShapeProblems(result)).toEqual([]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("keeps header names like __proto__ as ordinary data (no prototype pollution)", () => {
    const a = analyze("__proto__: polluted\nconstructor: x\nReceived: from a by b; Mon, 1 Jan 2024 10:00:00 +0000\n");
    expect(a.headers.map((h) => h.name)).toEqual(["__proto__", "constructor", "Received"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("returns <script> values as plain text, unchanged", () => {
    const a = analyze('Subject: <script>alert(1)</script>\nFrom: "<img src=x onerror=alert(1)>" <a@b.example>\n');
    expect(a.summary.subject).toBe("<script>alert(1)</script>");
    expect(a.headers[1].value).toContain("<img src=x onerror=alert(1)>");
  });

  it("analyses at most MAX_HOPS hops of 10,000 Received headers and says so", () => {
    const a = analyze("Received: from a by b; Mon, 1 Jan 2024 10:00:00 +0000\n".repeat(10_000));
    expect(a.hops.length).toBeLessThanOrEqual(100);
    expect(a.summary.hopCount).toBe(a.hops.length);
    const codes = [...a.warnings, ...a.hops.flatMap((h) => h.findings)].map((f) => f.code);
    expect(codes.length).toBeGreaterThan(0); // too-many-headers and/or a truncation finding
  });

  it.each([
    ["a number", 42],
    ["null", null],
    ["undefined", undefined],
    ["an object", { headers: "Subject: x" }],
  ])("rejects %s as input with invalid-input", (_name, value) => {
    expect(() => analyze(value as unknown as string)).toThrow(AnalysisError);
  });
});
