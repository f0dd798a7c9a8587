import { describe, expect, it } from "vitest";
import { headerSection } from "@/lib/format/header-section";

describe("headerSection", () => {
  const cases: [string, string, string][] = [
    ["LF message", "Subject: a\nFrom: b\n\nbody\n\nmore", "Subject: a\nFrom: b"],
    ["CRLF message", "Subject: a\r\nFrom: b\r\n\r\nbody", "Subject: a\r\nFrom: b"],
    ["CR message", "Subject: a\rFrom: b\r\rbody", "Subject: a\rFrom: b"],
    ["headers only", "Subject: a\nFrom: b\n", "Subject: a\nFrom: b\n"],
    ["leading blank lines are skipped", "\n\n  \nSubject: a\n\nbody", "Subject: a"],
    ["folded lines are kept", "Subject: a\n b\nTo: c\n\nbody", "Subject: a\n b\nTo: c"],
    ["a whitespace-only line before a field is folding, not the end", "Subject: a\n\t\t\nTo: b\n\nbody", "Subject: a\n\t\t\nTo: b"],
    ["a whitespace-only line before body text ends the section", "Subject: a\n \nHello there", "Subject: a"],
    ["a double-spaced paste is one section", "To: a\n\nFrom: b\n\nSubject: c\n\nDate: d\n", "To: a\n\nFrom: b\n\nSubject: c\n\nDate: d\n"],
    ["an mbox From_ line is dropped", "From x@y Mon Jan  1 00:00:00 2024\nSubject: a\n\nbody", "Subject: a"],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(headerSection(input)).toBe(expected);
  });

  it("the body never survives, however long", () => {
    const out = headerSection(`Subject: a\n\n${"secret body ".repeat(10_000)}`);
    expect(out).not.toContain("secret");
  });
});
