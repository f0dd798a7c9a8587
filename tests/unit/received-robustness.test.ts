import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { parseReceived } from "@/lib/analysis/received/parse-received";

/** Every real line in the fixture table: parses, and yields what the line plainly has. */
const rows = readFileSync(path.resolve(__dirname, "../fixtures/received-lines.tsv"), "utf8")
  .split(/\r?\n/)
  .slice(1)
  .filter((l) => l.trim().length > 0)
  .map((l) => {
    const [format = "", line = ""] = l.split("\t");
    return { format, value: line.replace(/^Received:\s*/, "") };
  });

describe("every fixture line", () => {
  it("the fixture table is loaded", () => {
    expect(rows.length).toBeGreaterThan(300);
  });

  it.each(rows)("a $format line parses without throwing and keeps what it plainly says", ({ value }) => {
    const p = parseReceived(value);
    if (/^\s*(?:received\s+)?from\s/i.test(value)) expect(p.from).not.toBeNull();
    if (/\sby\s+[\w[]/i.test(value) && !value.startsWith("(")) expect(p.by).not.toBeNull();
    // A ";" followed by a day and a month name is a date the parser must read.
    if (/;\s*(?:[A-Z][a-z]{2},?\s+)?\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+[+-]\d{4}/.test(value)) {
      expect(p.timestamp).not.toBeNull();
    }
    expect(p.problems).not.toContain("unreadable-header");
  });
});

const hostile: { name: string; input: string }[] = [
  { name: "1 MiB of nested open parentheses", input: "from x " + "(".repeat(1 << 20) },
  { name: "50,000 balanced nested parentheses", input: "from a " + "(".repeat(50_000) + ")".repeat(50_000) + " by b; Mon, 1 Jan 2024 10:00:00 +0000" },
  { name: "1 MiB of open brackets", input: "from " + "[".repeat(1 << 20) },
  { name: "1 MiB of quotes", input: "from " + '"'.repeat(1 << 20) },
  { name: "1 MiB of angle brackets", input: "from " + "<".repeat(1 << 20) + " by x" },
  { name: "1 MiB of NUL bytes", input: "\u0000".repeat(1 << 20) },
  { name: "1 MiB of semicolons", input: ";".repeat(1 << 20) },
  { name: "1 MiB of keywords", input: "from by with id for via ".repeat(45_000) },
  { name: "1 MiB of weekday words without a semicolon", input: "by x id y " + "Mon, ".repeat(200_000) },
  { name: "bracket then 1 MiB of text", input: "from [" + "a".repeat(1 << 20) },
  { name: "IPv6-like junk", input: "from x (" + "1:".repeat(300_000) + ") by y" },
];

describe("hostile input", () => {
  it.each(hostile)("$name parses in linear time without throwing", ({ input }) => {
    const t0 = performance.now();
    const p = parseReceived(input);
    const ms = performance.now() - t0;
    expect(p).toBeDefined();
    expect(ms).toBeLessThan(2000);
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const p = parseReceived(s);
        expect(Array.isArray(p.problems)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on strings built from Received-header pieces", () => {
    const piece = fc.constantFrom(
      "from", "by", "with", "id", "for", "via", "(", ")", "[", "]", "<", ">", '"', ";", " ", "\\",
      "ESMTPS", "helo=", "HELO", "[192.0.2.1]", "IPv6:", "2001:db8::1%9", "Mon, 1 Jan 2024 10:00:00 +0000",
      "using TLSv1.3 with cipher X", "version=TLS1_2", "\u0000", "mail.example.com.", "unknown",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const p = parseReceived(parts.join(" "));
        expect(p.timestamp === null || /^\d{4}-\d{2}-\d{2}T/.test(p.timestamp)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("the duplicated Received keyword is tolerated", () => {
    const p = parseReceived("Received: from a.example (a.example [192.0.2.1]) by b.example with ESMTP id 1; Mon, 1 Jan 2024 10:00:00 +0000");
    expect(p.from?.ip).toBe("192.0.2.1");
    expect(p.by?.host).toBe("b.example");
  });

  it("an empty value is reported as unreadable, not thrown", () => {
    expect(parseReceived("").problems).toEqual(["unreadable-header", "missing-date"]);
  });
});
