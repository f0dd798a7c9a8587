/**
 * text/tag-list.ts reads DKIM-style tag lists (RFC 6376 §3.2) as the plain split-and-trim reading
 * does, in linear time, and a repeated value gets the same list.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseTagList } from "@/lib/analysis/text/tag-list";

/** The reading spelled out: split on ";", the first "=" separates name and value. */
function reference(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const tag of value.split(";")) {
    const eq = tag.indexOf("=");
    if (eq <= 0) continue;
    const name = tag.slice(0, eq).trim().toLowerCase();
    if (!tags.has(name)) tags.set(name, tag.slice(eq + 1).trim());
  }
  return tags;
}

describe("parseTagList", () => {
  it("reads a DKIM-Signature's tags", () => {
    const tags = parseTagList("v=1; a=rsa-sha256; c=relaxed/relaxed; D=Example.COM; s=sel1;\r\n\th=from:to; bh=abc=; b=x=y=");
    expect(tags.get("d")).toBe("Example.COM");
    expect(tags.get("s")).toBe("sel1");
    expect(tags.get("bh")).toBe("abc=");
    expect(tags.get("b")).toBe("x=y=");
  });
  it("agrees with the plain reading on any mix of names, '=', ';' and spaces", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("d", "S", " ", "=", ";", "x", "=;", " =", "a=b", ";;", "\t"), { maxLength: 30 }), (parts) => {
        const v = parts.join("");
        expect([...parseTagList(v)]).toEqual([...reference(v)]);
      }),
      { numRuns: 3000 },
    );
  });
  it("reads 200,000 ';' with no '=' and 100,000 'a=' without blowing up", () => {
    const t0 = performance.now();
    expect(parseTagList(";".repeat(200_000)).size).toBe(0);
    expect(parseTagList("a=".repeat(100_000)).get("a")).toBe("a=".repeat(99_999));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
