/**
 * text/encoded-words.ts decodes RFC 2047 words as libmime (mailparser's decoder) does, fast.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import libmime from "libmime";
import { describe, expect, it } from "vitest";
import { splitHeaderBlock } from "@/lib/analysis/message/headers";
import { decodeEncodedWords, isCleanBase64 } from "@/lib/analysis/text/encoded-words";

const DIR = path.resolve(__dirname, "../fixtures/headers");
const values = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .flatMap((f) => splitHeaderBlock(readFileSync(path.join(DIR, f), "utf8")).fields.map((x) => x.value))
  .filter((v) => v.includes("=?"));

describe("RFC 2047 encoded words", () => {
  it.each([
    ["a UTF-8 B word", "=?utf-8?B?SGVsbG8gV8O2cmxk?=", "Hello Wörld"],
    ["a Q word with underscores and =XX", "=?iso-8859-1?Q?Caf=E9_cr=E8me?=", "Café crème"],
    ["whitespace between adjacent words is dropped", "=?utf-8?Q?a?= \t =?utf-8?Q?b?=", "ab"],
    ["text around words is kept", "Re: =?utf-8?Q?gr=C3=BC=C3=9Fe?= from Bob", "Re: grüße from Bob"],
    ["a language tag is ignored", "=?UTF-8*en?Q?hi?=", "hi"],
    ["ISO-2022-JP", "=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=", "テスト"],
    ["a malformed word stays as written", "=?utf-8?X?abc?= and =?utf-8?B?", "=?utf-8?X?abc?= and =?utf-8?B?"],
    ["an unknown charset falls back to libmime", "=?x-unknown-cs?Q?abc?=", libmime.decodeWords("=?x-unknown-cs?Q?abc?=")],
  ])("%s", (_name, input, expected) => {
    expect(decodeEncodedWords(input)).toBe(expected);
  });

  it("joins ASCII base64 words as text and mixes them with non-ASCII words of the same run in order", () => {
    const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));
    const ascii = `=?utf-8?B?${b64([0x61, 0x62])}?=`; // "ab"
    const eAcute = `=?utf-8?B?${b64([0xc3, 0xa9])}?=`; // "é"
    const halfA = `=?utf-8?B?${b64([0x78, 0xc3])}?=`; // "x" + first byte of "é"
    const halfB = `=?utf-8?B?${b64([0xa9])}?=`; // its second byte
    for (const v of [`${ascii} ${ascii}`, `${ascii} ${eAcute} ${ascii}`, `${eAcute} ${ascii}`, `${halfA} ${halfB} ${ascii}`, `${ascii} ${halfA} ${halfB}`, `=?us-ascii?B?${b64([0x41])}?= =?iso-2022-jp?B?${b64([0x1b, 0x24, 0x42, 0x30, 0x21, 0x1b, 0x28, 0x42])}?=`]) {
      expect(decodeEncodedWords(v), v).toBe(libmime.decodeWords(v));
    }
    expect(decodeEncodedWords(`${ascii} ${eAcute} ${ascii}`)).toBe("abéab");
    expect(decodeEncodedWords(`${halfA} ${halfB} ${ascii}`)).toBe("xéab");
  });

  it("decodes a split UTF-8 character across adjacent words", () => {
    // "é" is C3 A9: one byte in each word.
    expect(decodeEncodedWords("=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=")).toBe("café");
  });

  it(`agrees with libmime on the ${values.length} encoded header values of the fixtures`, () => {
    expect(values.length).toBeGreaterThan(50);
    for (const v of values) expect(decodeEncodedWords(v)).toBe(libmime.decodeWords(v));
  });

  it("agrees with libmime on random text encoded by libmime", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.constantFrom("B", "Q"), fc.constantFrom("utf-8", "iso-8859-1"), (text, enc, cs) => {
        const encoded = `Subject ${libmime.encodeWords(text, enc, 40, cs)} end`;
        expect(decodeEncodedWords(encoded)).toBe(libmime.decodeWords(encoded));
      }),
      { numRuns: 500 },
    );
  });

  it("sends to atob exactly the base64 texts atob accepts (a refusal costs a DOMException)", () => {
    const accepts = (t: string) => {
      try {
        atob(t);
        return true;
      } catch {
        return false;
      }
    };
    for (const t of ["cipher=", "cipher==", "ciphe==", "YQ==", "YQ=", "YQ", "Y", "====", "==", "", "QUFB", "QUF=", "a=bc"]) {
      expect(isCleanBase64(t, 0, t.length), t).toBe(accepts(t));
    }
    const text = fc.array(fc.constantFrom(..."ABCXYZabcxyz0189+/=!-"), { maxLength: 12 }).map((cs) => cs.join(""));
    fc.assert(fc.property(text, (t) => isCleanBase64(t, 0, t.length) === accepts(t)), { numRuns: 3000 });
  });

  it("decodes base64 words padded in the wrong place as their digits, the same with or without atob", () => {
    expect(decodeEncodedWords("=?utf-8?B?YWJj=?=")).toBe(libmime.decodeWords("=?utf-8?B?YWJj=?="));
    expect(decodeEncodedWords("=?utf-8?B?cipher=?=")).toBe(libmime.decodeWords("=?utf-8?B?cipher=?="));
  });

  it("stays linear on a megabyte of broken words", () => {
    for (const shape of ["=?", "=?a?b?", "=?utf-8?q?", "=?utf-8?B?QUFB?= ", "?==?utf-8?B?cipher="]) {
      const v = shape.repeat(Math.ceil(1_048_576 / shape.length));
      const t0 = performance.now();
      decodeEncodedWords(v);
      expect(performance.now() - t0).toBeLessThan(3_000);
    }
  });
});
