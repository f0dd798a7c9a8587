/**
 * Real-world header sets (tests/fixtures/headers, copied from public sources) against expected
 * JSON that was written by reading each header set (tests/fixtures/expected).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { project } from "../helpers/projection";

const FIXTURES = path.resolve(__dirname, "../fixtures");
const expectedFiles = readdirSync(path.join(FIXTURES, "expected")).filter((f) => f.endsWith(".json")).sort();
const cases = expectedFiles.map((file) => ({
  name: file.replace(/\.json$/, ""),
  raw: readFileSync(path.join(FIXTURES, "headers", file.replace(/\.json$/, ".txt")), "utf8"),
  expected: JSON.parse(readFileSync(path.join(FIXTURES, "expected", file), "utf8")),
}));

describe("real-world header sets", () => {
  it("has at least 60 reviewed fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)("$name parses to its reviewed hops", ({ raw, expected }) => {
    expect(project(analyze(raw))).toEqual(expected);
  });

  it.each(cases)("$name gives the same analysis with LF, CRLF and CR line endings", ({ raw }) => {
    const lines = raw.split(/\r\n|\r|\n/);
    const lf = analyze(lines.join("\n"));
    expect(analyze(lines.join("\r\n"))).toEqual(lf);
    expect(analyze(lines.join("\r"))).toEqual(lf);
  });
});
