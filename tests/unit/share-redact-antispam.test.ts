/**
 * Redaction reaches issue 12's free-text fields by value: spam-report text that quotes addresses,
 * the display name repeated in findings and the verdict line, the submitting client's IP in a
 * Forefront CIP; vendor names and verdict enumerations stay.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { redactAnalysis } from "@/lib/share/redact";

const RAW = [
  "X-Spam-Status: Yes, score=9.1 required=5.0 tests=FREEMAIL_FROM,URIBL_BLACK autolearn=no",
  "X-Spam-Report: * 2.0 FREEMAIL_FROM Sender email is commonly abused enduser mail provider * [jane.roe[at]gmail.com] * 7.1 URIBL_BLACK Contains an URL listed in the URIBL blacklist [jane.roe@gmail.com]",
  "Authentication-Results: mx.example.net; spf=fail smtp.mailfrom=jane.roe@gmail.com",
  "Received: from [203.0.113.77] (cpe-203-0-113-77.home.example [203.0.113.77]) by mx.example.net with ESMTPSA id 1 (using TLSv1.3) for <bob@example.net>; Tue, 03 Feb 2026 18:00:01 +0000",
  "X-Forefront-Antispam-Report: CIP:203.0.113.77;CTRY:US;SCL:6;SFV:SPM;PTR:cpe-203-0-113-77.home.example;",
  'From: "PayPal Jane Roe" <jane.roe@gmail.com>',
  "To: Bob <bob@example.net>",
  "",
  "",
].join("\r\n");

describe("redacting spam-filter fields and verdicts", () => {
  const full = analyze(RAW);
  const red = redactAnalysis(full);
  const json = JSON.stringify(red);

  it("the unredacted analysis carries the personal values (the test is not vacuous)", () => {
    const all = JSON.stringify(full);
    expect(all).toContain("jane.roe@gmail.com");
    expect(all).toContain("PayPal Jane Roe");
    expect(full.antispam?.length).toBeGreaterThan(0);
  });

  it("masks addresses in X-Spam-Report rule text and display names in findings and the verdict", () => {
    expect(json).not.toContain("jane.roe@");
    expect(json).not.toContain("PayPal Jane Roe");
    const sa = red.antispam?.find((r) => r.vendor === "SpamAssassin");
    expect(sa?.fields.find((f) => f.name === "URIBL_BLACK")?.meaning).toContain("@gmail.com");
  });

  it("masks the submitting client's IP and name in Forefront's CIP and PTR", () => {
    const ms = red.antispam?.find((r) => r.vendor === "Microsoft 365");
    expect(ms?.fields.find((f) => f.name === "CIP")?.value).toBe("•••");
    expect(ms?.fields.find((f) => f.name === "PTR")?.value).toBe("•••");
    expect(json).not.toContain("203.0.113.77");
    expect(json).not.toContain("cpe-203-0-113-77");
  });

  it("keeps vendors, verdicts and field names", () => {
    expect(red.antispam?.map((r) => [r.vendor, r.verdict])).toEqual(full.antispam?.map((r) => [r.vendor, r.verdict]));
    expect(red.antispam?.flatMap((r) => r.fields.map((f) => f.name))).toEqual(full.antispam?.flatMap((r) => r.fields.map((f) => f.name)));
    expect(red.summary.verdict?.tone).toBe(full.summary.verdict?.tone);
  });
});
