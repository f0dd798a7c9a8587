/**
 * The input limit is on the header section (issue 10): a full message with a large body is read
 * for its headers; only a header section over 1 MiB is refused.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, AnalysisError } from "@/lib/analysis";
import { MAX_INPUT_BYTES } from "@/lib/analysis/limits";

const MiB = 1024 * 1024;
const FIXTURE = readFileSync(path.resolve(__dirname, "../fixtures/headers/phishing_pot__sample-65.txt"), "utf8").trimEnd();
const BODY_LINE = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n";

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AnalysisError ? e.code : "other";
  }
}

describe("a full message", () => {
  const expected = analyze(FIXTURE);

  it("with a 3 MiB body is analysed from its header section alone", () => {
    const message = `${FIXTURE}\r\n\r\n${BODY_LINE.repeat(Math.ceil((3 * MiB) / BODY_LINE.length))}`;
    expect(analyze(message)).toEqual(expected);
  });

  it("with a body of multi-byte text over 1 MiB is analysed", () => {
    const message = `${FIXTURE}\n\n${"Grüße aus Köln – ".repeat(120_000)}`;
    expect(analyze(message)).toEqual(expected);
  });

  it("whose body contains header-like lines does not read them", () => {
    const message = `${FIXTURE}\n\n${"Received: from fake by fake; Mon, 1 Jan 2024 10:00:00 +0000\n".repeat(30_000)}`;
    expect(analyze(message).hops).toHaveLength(expected.hops.length);
  });

  it("whose header section is a double-spaced paste is still read past 1 MiB of body", () => {
    const doubled = FIXTURE.split(/\r?\n/).join("\n\n");
    const message = `${doubled}\n\nBody text.\n${"x".repeat(2 * MiB)}\n`;
    expect(analyze(message).headers).toEqual(expected.headers);
  });
});

describe("a header section over the limit", () => {
  it("is refused (too-large) though a body follows", () => {
    expect(code(() => analyze(`${FIXTURE}\nX-Filler: ${"a".repeat(MiB)}\n\nbody\n`))).toBe("too-large");
  });

  it("is refused when the section runs on with no end in sight (5 MiB of fields)", () => {
    expect(code(() => analyze(`X-Filler: ${"a".repeat(1000)}\n`.repeat(5 * 1024)))).toBe("too-large");
  });

  it("is refused when multi-byte characters take it over 1 MiB of UTF-8", () => {
    // 400,000 characters of three bytes each: 1.2 MB of UTF-8, under 1 MiB of characters.
    expect(code(() => analyze(`Subject: ${"€".repeat(400_000)}\n\nbody ${"x".repeat(MiB)}`))).toBe("too-large");
  });

  it("up to the limit exactly is accepted with a large body after it", () => {
    const head = `Received: by b.example; Mon, 1 Jan 2024 10:00:00 +0000\n`;
    const line = `X-Filler: ${"a".repeat(2037)}\n`; // 2,048 bytes: 511 fields, under MAX_FIELDS
    const fields = Math.floor((MAX_INPUT_BYTES - head.length) / line.length);
    const last = `X-Last: ${"z".repeat(MAX_INPUT_BYTES - head.length - fields * line.length - 8)}`;
    const section = head + line.repeat(fields) + last;
    expect(section.length).toBe(MAX_INPUT_BYTES);
    const a = analyze(`${section}\n\n${"b".repeat(2 * MiB)}`);
    expect(a.hops).toHaveLength(1);
    expect(a.headers.at(-1)?.name).toBe("X-Last");
  });

  it("says it is the header section that is too large", () => {
    try {
      analyze(`Subject: ${"a".repeat(2 * MiB)}\n`);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/header section is larger than 1024 KiB/);
    }
  });
});
