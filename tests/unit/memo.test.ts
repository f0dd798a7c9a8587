/**
 * lib/analysis/memo.ts: the memos answer exactly what the function answers, compute each key once
 * while it is remembered, stay bounded, and forget objects when told.
 */
import { describe, expect, it } from "vitest";
import { forgetAnalysis, memoByKey, memoPerAnalysis, memoByPair } from "@/lib/analysis/memo";

describe("memoByKey", () => {
  it("computes a key once, remembers undefined and null answers, and keeps answering after the last-key shortcut", () => {
    const calls: string[] = [];
    const f = memoByKey((k: string) => {
      calls.push(k);
      return k === "none" ? null : k === "undef" ? undefined : k.length;
    });
    expect([f("ab"), f("ab"), f("none"), f("none"), f("undef"), f("undef"), f("ab")]).toEqual([2, 2, null, null, undefined, undefined, 2]);
    expect(calls).toEqual(["ab", "none", "undef"]);
  });
  it("stays bounded: when full it starts again", () => {
    let n = 0;
    const f = memoByKey((k: string) => (n++, k), 2);
    f("a");
    f("b");
    f("c"); // clears, then holds c
    f("a");
    expect(n).toBe(4);
  });
});

describe("memoByPair", () => {
  it("treats null and the empty string alike, as the function sees them (null)", () => {
    const seen: [string | null, string | null][] = [];
    const f = memoByPair((a, b) => {
      seen.push([a, b]);
      return `${a}|${b}`;
    });
    expect(f(null, "x")).toBe("null|x");
    expect(f("", "x")).toBe("null|x");
    expect(f("h", null)).toBe("h|null");
    expect(f("h", "")).toBe("h|null");
    expect(f("h", "ip")).toBe("h|ip");
    expect(f("h", null)).toBe("h|null");
    expect(seen).toEqual([[null, "x"], ["h", null], ["h", "ip"]]);
  });
});

describe("memoPerAnalysis", () => {
  it("remembers by identity, not by content, and forgetAnalysis() empties it", () => {
    let n = 0;
    const f = memoPerAnalysis((o: { v: number }) => (n++, o.v * 2), 8);
    const a = { v: 1 };
    expect([f(a), f(a), f({ v: 1 })]).toEqual([2, 2, 2]);
    expect(n).toBe(2);
    forgetAnalysis();
    f(a);
    expect(n).toBe(3);
  });
  it("refuses a size that is not a positive integer", () => {
    expect(() => memoPerAnalysis((o: object) => o, 0)).toThrow();
  });
});
