import { describe, expect, it } from "vitest";
import { parseReceived } from "@/lib/analysis/received/parse-received";

/**
 * Regressions found while reviewing real header sets (reviewer 3). Each case names the behaviour;
 * inputs follow the MTA's documented format, with example names and documentation addresses.
 */
describe("reviewer-3 regressions: from part", () => {
  it.each([
    {
      name: "a host name after 'from' (no comment) stays the HELO",
      input: "from vm4-ext.example.net by vm4 with SMTP; Wed,  4 Sep 2002 22:26:20 -0400",
      from: { helo: "vm4-ext.example.net", rdns: null, ip: null },
      by: "vm4",
    },
    {
      name: "qmail-scanner's envelope sender after 'from' is not a HELO name",
      input: "from replies@example.com by mailhost with qmail-scanner-1.00 (uvscan: v4.1.40/v4210. . Clean. Processed in 8.59332 secs); 10 Jul 2002 13:22:42 -0000",
      from: { helo: null, rdns: null, ip: null },
      by: "mailhost",
    },
  ])("$name", ({ input, from, by }) => {
    const p = parseReceived(input);
    expect(p.from).toEqual(from);
    expect(p.by?.host).toBe(by);
    expect(p.timestamp).not.toBeNull();
  });
});
