import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalDate, generalDate, parseMailDate } from "@/lib/analysis/message/dates";

const valid: { name: string; input: string; expected: string }[] = [
  { name: "an RFC 5322 date with a numeric zone", input: "Mon, 1 Jan 2024 10:00:00 +0000", expected: "2024-01-01T10:00:00.000Z" },
  { name: "a negative offset moves the instant forward", input: "Thu, 25 Sep 2025 20:34:16 -0700 (PDT)", expected: "2025-09-26T03:34:16.000Z" },
  { name: "a missing weekday", input: "26 May 2025 13:44:26 +0200", expected: "2025-05-26T11:44:26.000Z" },
  { name: "a wrong weekday is ignored, not trusted", input: "Fri, 1 Jan 2024 10:00:00 +0000", expected: "2024-01-01T10:00:00.000Z" },
  { name: "'-0000' means UTC with an unknown local zone", input: "14 Mar 2003 07:24:34 -0000", expected: "2003-03-14T07:24:34.000Z" },
  { name: "two-digit years 00-49 are 20xx", input: "Fri, 27 Feb 04 14:16:56 -0800", expected: "2004-02-27T22:16:56.000Z" },
  { name: "two-digit years 50-99 are 19xx", input: "Wed, 26 Mar 97 20:43:24 -0600", expected: "1997-03-27T02:43:24.000Z" },
  { name: "three-digit years add 1900", input: "1 Jan 103 00:00:00 +0000", expected: "2003-01-01T00:00:00.000Z" },
  { name: "GMT", input: "Sat, 15 Mar 2003 00:38:03 GMT", expected: "2003-03-15T00:38:03.000Z" },
  { name: "UT", input: "3 Jul 2002 15:43:50 UT", expected: "2002-07-03T15:43:50.000Z" },
  { name: "UTC", input: "1 Jan 2024 10:00:00 UTC", expected: "2024-01-01T10:00:00.000Z" },
  { name: "EST", input: "1 Jan 2024 10:00:00 EST", expected: "2024-01-01T15:00:00.000Z" },
  { name: "EDT", input: "1 Jul 2024 10:00:00 EDT", expected: "2024-07-01T14:00:00.000Z" },
  { name: "CST", input: "1 Jan 2024 10:00:00 CST", expected: "2024-01-01T16:00:00.000Z" },
  { name: "CDT", input: "1 Jul 2024 10:00:00 CDT", expected: "2024-07-01T15:00:00.000Z" },
  { name: "MST", input: "1 Jan 2024 10:00:00 MST", expected: "2024-01-01T17:00:00.000Z" },
  { name: "MDT", input: "1 Jul 2024 10:00:00 MDT", expected: "2024-07-01T16:00:00.000Z" },
  { name: "PST", input: "Wed, 12 Feb 2003 14:22:21 PST", expected: "2003-02-12T22:22:21.000Z" },
  { name: "PDT", input: "1 Jul 2024 10:00:00 PDT", expected: "2024-07-01T17:00:00.000Z" },
  { name: "Z", input: "1 Jul 2024 10:00:00 Z", expected: "2024-07-01T10:00:00.000Z" },
  { name: "a military zone letter is read as -0000 (RFC 5322 §4.3)", input: "1 Jul 2024 10:00:00 Q", expected: "2024-07-01T10:00:00.000Z" },
  { name: "a zone comment is ignored", input: "Fri, 1 Dec 2023 04:04:13 +0600 (ALMT)", expected: "2023-11-30T22:04:13.000Z" },
  { name: "a numeric zone followed by a name", input: "17 Jan 2011 08:23:27 -0800 PST", expected: "2011-01-17T16:23:27.000Z" },
  { name: "fractional seconds keep milliseconds", input: "Wed, 21 Sep 2022 21:14:02.179 +0000 (UTC)", expected: "2022-09-21T21:14:02.179Z" },
  { name: "full month names (Brevo)", input: "Wed, 26 April 2023 19:43:30 +0000 (UTC)", expected: "2023-04-26T19:43:30.000Z" },
  { name: "missing seconds", input: "1 Jan 2024 10:00 +0100", expected: "2024-01-01T09:00:00.000Z" },
  { name: "single-digit day and hour", input: "Mon, 6 May 2019 3:03:29 +0800", expected: "2019-05-05T19:03:29.000Z" },
  { name: "SendGrid's Go time with m=+ suffix", input: "2022-09-21 21:14:02.235624227 +0000 UTC m=+169265.422124849", expected: "2022-09-21T21:14:02.235Z" },
  { name: "ISO 8601 with Z", input: "2024-01-01T10:00:00Z", expected: "2024-01-01T10:00:00.000Z" },
  { name: "ISO 8601 with an offset", input: "2024-01-01T10:00:00.5+02:00", expected: "2024-01-01T08:00:00.500Z" },
  { name: "asctime order with the year before the zone", input: "Fri Feb 07 10:18:12 2003 -0800", expected: "2003-02-07T18:18:12.000Z" },
  { name: "asctime order with the zone before the year (Jetsend)", input: "Fri Sep 14 14:36:56 EDT 2018", expected: "2018-09-14T18:36:56.000Z" },
  { name: "trailing text after a complete date", input: "Thu, 20 Mar 03 10:06:43 +0100 for <asrg@ietf.org>", expected: "2003-03-20T09:06:43.000Z" },
  { name: "a leap day", input: "29 Feb 2024 00:00:00 +0000", expected: "2024-02-29T00:00:00.000Z" },
];

const invalid: { name: string; input: string }[] = [
  { name: "junk fields", input: "32 Foo 99999 25:61" },
  { name: "day 32", input: "32 Jan 2024 10:00:00 +0000" },
  { name: "29 February in a common year", input: "29 Feb 2023 10:00:00 +0000" },
  { name: "hour 24", input: "1 Jan 2024 24:00:00 +0000" },
  { name: "minute 60", input: "1 Jan 2024 10:60:00 +0000" },
  { name: "an unknown month", input: "1 Foo 2024 10:00:00 +0000" },
  { name: "a five-digit year", input: "1 Jan 20245 10:00:00 +0000" },
  { name: "no zone at all (local time is unknowable)", input: "30 Apr 2003 15:06:29" },
  { name: "an unknown zone name", input: "1 Jan 2024 10:00:00 XYZT" },
  { name: "an offset with 60 minutes", input: "1 Jan 2024 10:00:00 +0060" },
  { name: "an empty string", input: "" },
  { name: "a lone weekday", input: "Mon," },
  { name: "ISO without a zone", input: "2024-01-01 10:00:00" },
];

describe("parseMailDate", () => {
  it.each(valid)("reads $name", ({ input, expected }) => {
    expect(parseMailDate(input)).toBe(expected);
  });

  it.each(invalid)("rejects $name instead of guessing", ({ input }) => {
    expect(parseMailDate(input)).toBeNull();
  });

  it("round-trips any valid instant written in RFC 5322 form", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }), (d) => {
        const s = d.toUTCString().replace("GMT", "+0000"); // "Mon, 01 Jan 2024 10:00:00 +0000"
        const expected = new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
        expect(parseMailDate(s)).toBe(expected);
      }),
    );
  });

  it("never throws and finishes fast on hostile text", () => {
    const t0 = performance.now();
    expect(parseMailDate("(".repeat(1 << 20))).toBeNull();
    expect(parseMailDate("1".repeat(1 << 20))).toBeNull();
    expect(parseMailDate("Mon, ".repeat(200_000))).toBeNull();
    expect(performance.now() - t0).toBeLessThan(2000);
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      const r = parseMailDate(s);
      expect(r === null || !Number.isNaN(Date.parse(r))).toBe(true);
    }));
  });
});

describe("isoString", () => {
  it("writes what Date#toISOString writes, for any millisecond from 1900 to 9999", async () => {
    const { isoString } = await import("@/lib/analysis/message/dates");
    const lo = Date.UTC(1899, 11, 31);
    const hi = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (ms) => {
        expect(isoString(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
    for (const ms of [lo, hi, 0, Date.UTC(2000, 1, 29), Date.UTC(2100, 2, 1) - 1, Date.UTC(2024, 11, 31, 23, 59, 59, 999)]) {
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe("the canonical-date fast path", () => {
  const two = fc.integer({ min: 0, max: 61 }).map((n) => String(n).padStart(2, "0"));
  const near = fc
    .record({
      weekday: fc.constantFrom("", "Thu, ", "Thu, ", "sun, ", "Thu,", "Foo, ", "Thursday, "),
      day: fc.constantFrom("1", "3", "07", "29", "31", "0", "32", "003"),
      month: fc.constantFrom("Dec", "dec", "FEB", "Dec", "Sept", "Xyz"),
      year: fc.constantFrom("2026", "2026", "1999", "1899", "26", "10000"),
      hh: two, mm: two, ss: two,
      zone: fc.tuple(fc.constantFrom("+", "-", "+", "~"), two, two).map(([a, b, c]) => a + b + c),
      tail: fc.constantFrom("", " (UTC)", "\t(PST)", "(UTC)", " x", "0"),
    })
    .map((r) => `${r.weekday}${r.day} ${r.month} ${r.year} ${r.hh}:${r.mm}:${r.ss} ${r.zone}${r.tail}`);
  const mutated = fc.tuple(near, fc.nat(), fc.constantFrom(" ", "  ", "", ":", ",", "9", "(", "\t")).map(([s, at, c]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + c + s.slice(i + 1);
  });
  it("gives the general reader's answer wherever it accepts a date", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(near, mutated), (text) => {
        const fast = canonicalDate(text);
        if (fast === undefined) return;
        accepted++;
        expect(fast, text).toBe(generalDate(text));
      }),
      { numRuns: 20000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
  it("accepts the common shapes and leaves the rest to the general reader", () => {
    for (const text of ["Thu, 3 Dec 2026 18:20:26 +0000", "3 Dec 2026 18:20:26 -0800 (PST)", "Mon, 01 Jan 2024 10:00:00 +0100\tx", "Thu, 31 Feb 2026 10:00:00 +0000"]) {
      expect(canonicalDate(text)).not.toBeUndefined();
      expect(canonicalDate(text)).toBe(generalDate(text));
    }
    for (const text of ["Thu, 3 Dec 2026 18:20:26 GMT", "3 Dec 26 18:20:26 +0000", "3 Dec 2026 18:20 +0000", "3 Dec 2026 18:20:26.5 +0000", "2026-12-03T18:20:26Z", "Thursday, 3 Dec 2026 18:20:26 +0000"]) {
      expect(canonicalDate(text)).toBeUndefined();
    }
  });
  it("reads month and weekday names case-insensitively on char codes, and no other character as a letter", () => {
    expect(canonicalDate("tHU, 3 dEC 2026 18:20:26 +0000")).toBe("2026-12-03T18:20:26.000Z");
    // Characters whose code shares bits with a letter's: a non-ASCII character, a control
    // character, "@" for "`" … none of them spells a month or a weekday.
    for (const text of ["Thu, 3 J\u0000\u616E 2026 18:20:26 +0000", "Thu, 3 \u0140ec 2026 18:20:26 +0000", "Thu, 3 D@C 2026 18:20:26 +0000",
      "T\u0000\u7524, 3 Dec 2026 18:20:26 +0000", "\u0154hu, 3 Dec 2026 18:20:26 +0000", "Thu, 3 De\u0003 2026 18:20:26 +0000"]) {
      expect(canonicalDate(text), JSON.stringify(text)).not.toBe("2026-12-03T18:20:26.000Z");
      expect(parseMailDate(text)).toBe(generalDate(text));
    }
  });
  it("agrees with the general reader on real date texts of every fixture", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const dir = "tests/fixtures/headers";
    let accepted = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
      for (const m of readFileSync(`${dir}/${f}`, "utf8").matchAll(/;\s*([^;\r\n]*(?:\r?\n[ \t][^;\r\n]*)?)$/gm)) {
        const text = m[1].replace(/\r?\n[ \t]+/g, " ").trim();
        const fast = canonicalDate(text);
        if (fast === undefined) continue;
        accepted++;
        expect(fast, text).toBe(generalDate(text));
      }
    }
    expect(accepted).toBeGreaterThan(300);
  });
});
