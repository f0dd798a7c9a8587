/**
 * The header block keeps every field of real messages whose pastes broke other readers
 * (message/section.ts, message/headers.ts). Fixtures: tests/fixtures/headers (real-2026-12 set).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { splitHeaderBlock } from "@/lib/analysis/message/headers";
import { fieldNameLength, findHeaderSection, splitLines } from "@/lib/analysis/message/section";

const fixture = (name: string) => readFileSync(path.resolve(__dirname, "../fixtures/headers", name), "utf8");
/** Lines that start a field the way every real header name does (a letter first). */
const nameLines = (raw: string) => splitLines(raw.slice(0, raw.search(/\r?\n\r?\n|$/))).filter((l) => /^[A-Za-z][\w.-]*[ \t]*:/.test(l)).length;

describe("whitespace-only lines are folding, not the end of the headers", () => {
  it.each([
    ["phishing_pot__sample-1304.txt", "a line of two tabs before X-IncomingHeaderCount"],
    ["phishing_pot__sample-1393.txt", "a line of one space before To"],
  ])("%s (%s) loses no field", (name) => {
    const raw = fixture(name);
    const a = analyze(raw);
    expect(a.headers.length).toBe(nameLines(raw));
    expect(a.summary.to).not.toBeNull();
    expect(a.summary.messageId).not.toBeNull();
  });

  it("a whitespace-only line followed by body text still ends the section", () => {
    const { fields } = splitHeaderBlock("Subject: a\n   \nDear customer, your invoice: attached\n");
    expect(fields.map((f) => [f.name, f.value])).toEqual([["Subject", "a"]]);
  });
});

describe("unindented continuation lines", () => {
  it("Outlook's \"(2603:…) by …\" line that lost its indentation continues the Received header (sisimai office365-11)", () => {
    const a = analyze(fixture("sisimai__lhost-office365-11.txt"));
    expect(a.headers.some((h) => h.name.startsWith("("))).toBe(false);
    const first = a.hops[a.hops.length - 1];
    expect(first.raw).toContain("(2603:1096:100:41::31) by SLXP216MB0381.KORP216.PROD.OUTLOOK.COM with HTTPS");
    expect(first.by?.host).toBe("slxp216mb0381.korp216.prod.outlook.com");
    expect(first.timestamp).toBe("2019-04-17T05:44:55.000Z");
  });

  it.each([
    ["an IPv6 fragment", "2603:10b6:5:60::19) by x"],
    ["a time", "10:00:00 +0000"],
    ["a parenthesis", "(version=TLS1_2, cipher=x):"],
    ["a bracket", "[192.0.2.1]: x"],
    ["a date with a comma before the colon", "Mon, 1 Jan 2024 10:00:00 +0000"],
  ])("%s does not start a field: %s", (_name, line) => {
    expect(fieldNameLength(line)).toBe(-1);
  });

  it.each([["Received: x", 8], ["X-MS-Exchange-Organization-SCL: 1", 30], ["Subject : obsolete space", 7], ["__proto__: x", 9], ["hello: world", 5]])(
    "%s starts a field",
    (line, length) => {
      expect(fieldNameLength(line)).toBe(length);
    },
  );
});

describe("double-spaced pastes", () => {
  const single = fixture("phishing_pot__sample-1304.txt").split(/\r\n|\r|\n/).filter((l) => l.trim() !== "");
  const doubled = single.join("\n\n") + "\n\n\n\nbody text that must not be read\n";

  it("are read as one header section, with a finding that says so", () => {
    const a = analyze(doubled);
    const plain = analyze(single.join("\n"));
    expect(a.headers).toEqual(plain.headers);
    expect(a.hops).toEqual(plain.hops);
    expect(a.warnings.map((w) => w.code)).toContain("double-spaced-paste");
    expect(plain.warnings.map((w) => w.code)).not.toContain("double-spaced-paste");
  });

  it("end at the first run of empty lines or at body text", () => {
    const lines = splitLines("To: a\n\nFrom: b\n\nSubject: c\n\nDate: d\n\n\nHello there\n");
    const s = findHeaderSection(lines);
    expect(s.doubleSpaced).toBe(true);
    expect(lines.slice(s.start, s.end).filter((l) => l !== "")).toEqual(["To: a", "From: b", "Subject: c", "Date: d"]);
  });

  it("a single header followed by a body is not taken for a double-spaced paste", () => {
    expect(findHeaderSection(splitLines("To: a\n\nHello\n\nFrom: me\n")).doubleSpaced).toBe(false);
  });
});
