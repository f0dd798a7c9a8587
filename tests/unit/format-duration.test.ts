import { describe, expect, it } from "vitest";
import { formatDelay, formatDelaySigned, formatSeconds, MINUS } from "@/lib/format/duration";

describe("formatSeconds", () => {
  const cases: [number, string][] = [
    [0, "0 s"],
    [0.85, "850 ms"],
    [0.0004, "1 ms"],
    [1, "1 s"],
    [2.4, "2.4 s"],
    [14, "14 s"],
    [59.6, "1 min"],
    [61, "1 min 1 s"],
    [7260, "2 h 1 min"],
    [7265, "2 h 1 min"],
    [3600, "1 h"],
    [93784, "1 d 2 h"],
    [7 * 86400, "7 d"],
  ];
  it.each(cases)("%s seconds read as %s", (input, expected) => {
    expect(formatSeconds(input)).toBe(expected);
  });

  it("keeps three units when asked", () => {
    expect(formatSeconds(7265, 3)).toBe("2 h 1 min 5 s");
  });

  it("drops the sign (callers decide what negative means)", () => {
    expect(formatSeconds(-14)).toBe("14 s");
  });

  it("says unknown for non-finite input instead of NaN", () => {
    expect(formatSeconds(Number.NaN)).toBe("unknown");
  });
});

describe("formatDelay", () => {
  const cases: [number | null, string, string][] = [
    [null, "unknown", "unknown"],
    [0, "0 s", "+0 s"],
    [0.056, "56 ms", "+56 ms"],
    [7260, "2 h 1 min", "+2 h 1 min"],
    [-14, `clock skew ${MINUS}14 s`, `clock skew ${MINUS}14 s`],
    [-2940, `clock skew ${MINUS}49 min`, `clock skew ${MINUS}49 min`],
  ];
  it.each(cases)("a delay of %s seconds reads as %s (signed: %s)", (input, plain, signed) => {
    expect(formatDelay(input)).toBe(plain);
    expect(formatDelaySigned(input)).toBe(signed);
  });

  it("a negative delay is never shown as elapsed time", () => {
    expect(formatDelay(-1)).toMatch(/^clock skew /);
  });
});
