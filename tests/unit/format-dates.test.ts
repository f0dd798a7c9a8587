import { describe, expect, it } from "vitest";
import { formatLocal, formatUtc } from "@/lib/format/dates";

describe("formatUtc", () => {
  const cases: [string | null, string | null][] = [
    ["2026-11-09T15:12:43.000Z", "2026-11-09 15:12:43 UTC"],
    ["2026-11-09T15:12:43Z", "2026-11-09 15:12:43 UTC"],
    ["2022-09-21T21:14:02.179Z", "2022-09-21 21:14:02.179 UTC"],
    [null, null],
    ["not a date", null],
  ];
  it.each(cases)("%s is shown as %s", (input, expected) => {
    expect(formatUtc(input)).toBe(expected);
  });
});

describe("formatLocal", () => {
  it("formats a valid instant with a weekday, date and time", () => {
    expect(formatLocal("2026-11-09T15:12:43Z")).toMatch(/^\w{3} \d{1,2} \w{3} 2026, \d{2}:\d{2}:\d{2}/);
  });
  it("returns null for an unparseable value", () => {
    expect(formatLocal("garbage")).toBeNull();
  });
});
