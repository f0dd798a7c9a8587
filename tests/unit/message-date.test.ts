/**
 * The Date header against the reception times (clock/message-date.ts): date-in-future when it is
 * more than 2 h after the recipient's border received the message, date-in-past when it is more
 * than a day before the first server accepted it; on skew-corrected hop times.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, type Analysis } from "@/lib/analysis";
import { fixture } from "../helpers/genuine";

/** phishing_pot sample-1000: Gmail → Exchange Online, first hop 26 Jul 2023 10:59:05 -0700, border 17:59:05 +0000. */
const GMAIL_TO_EXO = readFileSync(path.resolve(__dirname, "../fixtures/headers/phishing_pot__sample-1000.txt"), "utf8");
const withDate = (date: string, extra = "") => analyze(GMAIL_TO_EXO.replace(/^Date: .*$/m, `Date: ${date}${extra}`));
const dateFindings = (a: Analysis) => a.warnings.filter((w) => w.code === "date-in-future" || w.code === "date-in-past");

describe("Date header against the reception times", () => {
  it("a Date a year after every hop is date-in-future, measured at the recipient's border (flanker outlook_express: the sender's PC clock a year ahead)", () => {
    const a = fixture("flanker__outlook_express");
    const [f, ...rest] = dateFindings(a);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: "date-in-future", severity: "warning" });
    expect(f.message).toMatch(/^The Date header \(Tue, 14 Jul 2015 12:19:08 \+0800\) is 365 days after the recipient's server received the message \(hop 7\)/);
  });

  it("a Date almost exactly whole hours ahead names a wrong time zone as the usual cause (sisimai messagingserver-12: 9 h)", () => {
    const [f] = dateFindings(fixture("sisimai__lhost-messagingserver-12"));
    expect(f.code).toBe("date-in-future");
    expect(f?.message).toMatch(/almost exactly 9 h: the usual cause is a wrong time zone/);
  });

  it("judges on the estimated clocks: a Date that agrees with the sender's clocks when the recipient's clock runs 9 h behind is not in the future (sisimai rhost-messagelabs-01)", () => {
    const a = fixture("sisimai__rhost-messagelabs-01");
    expect(a.hops[4].clock?.offsetSeconds ?? 0).toBeLessThan(-32_000);
    expect(dateFindings(a)).toEqual([]);
  });

  it("within 2 h ahead, or less than a day before the first hop, says nothing", () => {
    expect(dateFindings(withDate("Wed, 26 Jul 2023 19:30:00 +0000"))).toEqual([]);
    expect(dateFindings(withDate("Tue, 25 Jul 2023 19:00:00 +0000"))).toEqual([]);
  });

  it("more than 2 h after the border is date-in-future, with the bulk-sender reason when it is no whole number of hours", () => {
    const [f] = dateFindings(withDate("Wed, 26 Jul 2023 21:10:00 +0000"));
    expect(f).toMatchObject({ code: "date-in-future", severity: "warning" });
    expect(f.message).toMatch(/is 3\.2 h after the recipient's server received the message \(hop \d+\).*set ahead on purpose/);
  });

  it("more than a day before the first server accepted it is date-in-past (info)", () => {
    const [f, ...rest] = dateFindings(withDate("Sat, 22 Jul 2023 09:00:00 -0700"));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: "date-in-past", severity: "info" });
    expect(f.message).toMatch(/is 4\.1 days before the first server accepted the message \(hop 1\): it waited in an outbox/);
  });

  it("a resent message keeps its original Date: no date-in-past (RFC 5322 §3.6.6)", () => {
    const a = withDate("Sat, 22 Jul 2023 09:00:00 -0700", "\nResent-Date: Wed, 26 Jul 2023 10:58:00 -0700\nResent-From: someone@example.com");
    expect(dateFindings(a)).toEqual([]);
  });

  it("no Date gives neither finding; one that cannot be read is said to be unreadable (info), as phishing_pot's 'Date: 12-04-2023'", () => {
    expect(dateFindings(analyze(GMAIL_TO_EXO.replace(/^Date: .*\n/m, "")))).toEqual([]);
    for (const text of ["sometime next week", "12-04-2023", "Fri, 7 Dec 2001 07:01:03"]) {
      const a = withDate(text);
      expect(dateFindings(a)).toEqual([]);
      const f = a.warnings.find((w) => w.code === "unreadable-date" && w.hop === undefined);
      expect(f).toMatchObject({ severity: "info" });
      expect(f?.message).toContain(`The Date header ("${text}") is no date RFC 5322 allows`);
      expect(a.summary.date).toBeNull();
    }
  });
});
