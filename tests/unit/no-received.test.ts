/**
 * A header block without Received headers is a visible warning (issue 10): "hello: world" alone
 * used to give an empty analysis without a word.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";

const noReceived = (headers: string) => analyze(headers).warnings.filter((w) => w.code === "no-received");

describe("no Received headers", () => {
  it("a lone 'hello: world' line is a warning that it does not look like a message's headers", () => {
    const a = analyze("hello: world\n");
    expect(a.hops).toEqual([]);
    expect(noReceived("hello: world\n")).toEqual([
      { code: "no-received", severity: "warning", message: expect.stringMatching(/^No Received headers: this does not look like a message's headers/) },
    ]);
  });

  it("a real header set with its Received headers removed still gets the warning", () => {
    const real = readFileSync(path.resolve(__dirname, "../fixtures/headers/phishing_pot__sample-65.txt"), "utf8");
    const stripped = real.replace(/^Received:.*(?:\r?\n[ \t].*)*\r?\n/gm, "");
    expect(stripped).not.toMatch(/^Received:/m);
    expect(noReceived(stripped)).toHaveLength(1);
    expect(noReceived(stripped)[0].severity).toBe("warning");
  });

  it("a header set with a Received header has no such warning", () => {
    expect(noReceived("Received: from a.example ([192.0.2.1]) by b.example; Mon, 1 Jan 2024 10:00:00 +0000\nhello: world\n")).toEqual([]);
  });
});
