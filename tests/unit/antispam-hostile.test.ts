/**
 * Hostile spam-filter headers: random and pathological values never throw, never take long,
 * and the reports stay bounded (fields capped, values cut).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { MAX_FIELDS, MAX_VALUE_CHARS } from "@/lib/analysis/antispam/common";
import { colonPairs } from "@/lib/analysis/antispam/microsoft";
import { parseSpamdResult } from "@/lib/analysis/antispam/rspamd";
import { parseSpamReport, parseSpamStatus } from "@/lib/analysis/antispam/spamassassin";
import { addressInName, brandInName } from "@/lib/analysis/verdict/genuine";

const HEADERS = [
  "X-Forefront-Antispam-Report", "X-Microsoft-Antispam", "X-MS-Exchange-Organization-SCL", "X-Spam-Status", "X-Spam-Report",
  "X-Spam-Flag", "X-Spam-Score", "X-Spamd-Result", "X-Rspamd-Action", "X-Rspamd-Report", "X-Proofpoint-Spam-Details",
  "X-Barracuda-Spam-Status", "X-Barracuda-Spam-Report", "X-IPAS-Result", "X-Mimecast-Spam-Score", "Authentication-Results",
];

describe("hostile spam-filter headers", () => {
  it("random values never throw and give bounded reports", () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), fc.string({ maxLength: 400 }), fc.constantFrom("", "From: \"PayPal\" <a@b.example>\r\n"), (name, value, from) => {
        const v = value.replace(/[\r\n]/g, " ");
        const a = analyze(`${name}: ${v}\r\n${from}\r\n`);
        for (const r of a.antispam ?? []) {
          expect(r.fields.length).toBeLessThanOrEqual(MAX_FIELDS);
          for (const f of r.fields) expect(f.value.length).toBeLessThanOrEqual(MAX_VALUE_CHARS + 1);
        }
        expect(typeof a.summary.verdict?.text).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("parsers are linear on long pathological input", () => {
    const cases = [
      "Yes, score=1 required=2 tests=" + "A,".repeat(50_000),
      "* 1.0 RULE_A " + "1.0 ".repeat(50_000),
      "default: False [1 / 2]; " + "[".repeat(100_000),
      "SFV:" + ":".repeat(100_000) + ";".repeat(100_000),
      "X(" + "1".repeat(100_000),
    ];
    const t0 = performance.now();
    for (const c of cases) {
      parseSpamStatus(c);
      parseSpamReport(c);
      parseSpamdResult(c);
      colonPairs(c);
      brandInName(c);
      addressInName(c + "@" + "a.".repeat(10_000));
    }
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(parseSpamStatus(cases[0]).tests.length).toBeLessThanOrEqual(MAX_FIELDS);
    expect(parseSpamReport(cases[1]).length).toBeLessThanOrEqual(MAX_FIELDS);
  });

  it("a 100 KB Forefront report through the engine stays bounded", () => {
    const big = Array.from({ length: 5000 }, (_, i) => `K${i}:${"v".repeat(20)}`).join(";");
    const a = analyze(`X-Forefront-Antispam-Report: ${big}\r\nFrom: a@example.com\r\n\r\n`);
    expect(a.antispam?.[0].fields.length).toBeLessThanOrEqual(MAX_FIELDS);
  });
});
