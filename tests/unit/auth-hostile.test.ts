/**
 * parseAuthentication never throws and stays linear on hostile input: arbitrary values
 * (fast-check) and 1 MiB values made of the characters that make naive parsers backtrack.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAuthentication } from "@/lib/analysis/auth/authentication";
import { addressDomain } from "@/lib/analysis/message/addresses";
import type { RawField } from "@/lib/analysis/message/headers";

const NAMES = ["Authentication-Results", "ARC-Authentication-Results", "ARC-Seal", "Received-SPF"];
const field = (name: string, value: string): RawField => ({ name, key: name.toLowerCase(), value, decoded: value });

/** Strings built from the grammar's own punctuation, so the parser's branches are exercised. */
const authish = fc
  .array(fc.constantFrom("spf", "dkim", "dmarc", "arc", "=", ";", "(", ")", "\"", "\\", " ", "pass", "header.d", "smtp.mailfrom", "@", "i=1", "p=NONE", "x.example"), { maxLength: 60 })
  .map((parts) => parts.join(""));

const MIB = 1024 * 1024;
const hostile: { name: string; value: string }[] = [
  { name: "a run of opening parentheses", value: "(".repeat(MIB) },
  { name: "a run of quotes", value: "\"".repeat(MIB) },
  { name: "a run of backslashes", value: "\\".repeat(MIB) },
  { name: "alternating '=' and ';'", value: "=;".repeat(MIB / 2) },
  { name: "one huge word", value: "a".repeat(MIB) },
  { name: "a key with a huge '='-joined value", value: "spf=pass smtp.mailfrom=" + "a=".repeat(MIB / 2) },
  { name: "many resinfos", value: "mx.example; " + "dkim=pass header.d=example.com; ".repeat(MIB / 32) },
  { name: "many distinct resinfos", value: "mx.example;" + Array.from({ length: 20000 }, (_, i) => ` spf=pass smtp.mailfrom=d${i}.example;`).join("") },
  { name: "nested comments", value: "spf=pass " + "(a".repeat(MIB / 2) },
  { name: "domain of domain of …", value: "pass (" + "domain of ".repeat(MIB / 10) + ")" },
];

describe("parseAuthentication on hostile input", () => {
  it("never throws on arbitrary values in any authentication header", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.oneof(fc.string(), authish, fc.string({ unit: "grapheme" })), fc.option(fc.string()), (name, value, from) => {
        const a = parseAuthentication([field(name, value)], from);
        expect(Array.isArray(a.spf) && Array.isArray(a.dkim) && Array.isArray(a.dmarc) && Array.isArray(a.arc)).toBe(true);
        for (const e of [...a.spf, ...a.dkim, ...a.dmarc]) expect(e.result).toBe(e.result.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it.each(hostile)("finishes fast on 1 MiB of $name in every header kind", ({ value }) => {
    const started = performance.now();
    const a = parseAuthentication(NAMES.map((n) => field(n, value)), "example.com");
    expect(a.spf.length).toBeLessThanOrEqual(200);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("addressDomain finishes fast on 1 MiB of parentheses and quotes", () => {
    const started = performance.now();
    addressDomain("(".repeat(MIB));
    addressDomain("\"".repeat(MIB) + "a@b.example");
    addressDomain("<".repeat(MIB));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
