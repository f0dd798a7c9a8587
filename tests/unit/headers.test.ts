import { describe, expect, it } from "vitest";
import { splitHeaderBlock } from "@/lib/analysis/message/headers";

const LF = "Received: from a by b; Mon, 1 Jan 2024 10:00:00 +0000\nSubject: =?utf-8?B?SGVsbG8g8J+Yig==?=\n folded\nX-Test: one\n\nbody: not a header\n";

describe("splitHeaderBlock", () => {
  it.each([
    ["LF", LF],
    ["CRLF", LF.replace(/\n/g, "\r\n")],
    ["CR", LF.replace(/\n/g, "\r")],
    ["mixed", LF.split("\n").map((l, i) => l + ["\r\n", "\r", "\n"][i % 3]).join("")],
  ])("%s line endings give the same fields", (_name, input) => {
    const { fields } = splitHeaderBlock(input);
    expect(fields.map((f) => [f.name, f.decoded])).toEqual([
      ["Received", "from a by b; Mon, 1 Jan 2024 10:00:00 +0000"],
      ["Subject", "Hello 😊 folded"],
      ["X-Test", "one"],
    ]);
  });

  it("stops at the first empty line so the body is ignored", () => {
    expect(splitHeaderBlock(LF).fields.some((f) => f.key === "body")).toBe(false);
  });

  it("treats a mangled continuation line without leading whitespace as a continuation", () => {
    const { fields } = splitHeaderBlock("Received: from a by b;\nMon, 1 Jan 2024 10:00:00 +0000\nTo: x@y\n");
    expect(fields[0].value).toBe("from a by b; Mon, 1 Jan 2024 10:00:00 +0000");
    expect(fields[1].name).toBe("To");
  });

  it("keeps an encoded word with bad base64 or an unknown charset as text without throwing", () => {
    const { fields } = splitHeaderBlock("Subject: =?x-unknown?B?@@@?= and =?utf-8?B?!!!?=\n");
    expect(typeof fields[0].decoded).toBe("string");
  });

  it("skips an mbox From_ line and leading blank lines", () => {
    const { fields } = splitHeaderBlock("\n\nFrom alice@example.com Mon Jan  1 10:00:00 2024\nTo: b@example.com\n");
    expect(fields.map((f) => f.name)).toEqual(["To"]);
  });

  it("keeps header names like __proto__ as ordinary fields", () => {
    const { fields } = splitHeaderBlock("__proto__: x\nconstructor: y\n");
    expect(fields.map((f) => f.key)).toEqual(["__proto__", "constructor"]);
  });
});
