/**
 * X-Originating-IP (message/originating-ip.ts): the submitting device's address as the sender's
 * mail service recorded it, in summary.originatingIp and an info finding; masked by redaction.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { redactAnalysis } from "@/lib/share/redact";
import { fixture } from "../helpers/genuine";

const RAW = [
  "Received: from EX1.contoso-health.example (203.0.113.5) by mx.recipient.example (Postfix) with ESMTPS id 4AbC; Tue, 3 Feb 2026 18:00:05 +0000",
  "X-Originating-IP: [105.112.100.197]",
  "From: Nurse <nurse@contoso-health.example>",
  "To: u@recipient.example",
  "",
  "",
].join("\r\n");

describe("X-Originating-IP", () => {
  it("is read into summary.originatingIp with an info finding that calls it the sender's claim", () => {
    const a = analyze(RAW);
    expect(a.summary.originatingIp).toEqual({ ip: "105.112.100.197", header: "X-Originating-IP", private: false });
    const f = a.warnings.find((w) => w.code === "originating-ip");
    expect(f).toMatchObject({ severity: "info" });
    expect(f?.message).toMatch(/105\.112\.100\.197\. The sender's side wrote it; the recipient cannot verify it\.$/);
  });

  it("names the network and country with the offline lookup, and looks up no private address", () => {
    const seen: string[] = [];
    const lookup = (ip: string) => {
      seen.push(ip);
      return { asn: { number: 36873, name: "Airtel Networks Limited" }, country: "NG" };
    };
    const a = analyze(RAW, { ipInfo: lookup });
    expect(a.summary.originatingIp).toMatchObject({ asn: { number: 36873 }, country: "NG" });
    expect(a.warnings.find((w) => w.code === "originating-ip")?.message).toMatch(/105\.112\.100\.197 \(AS36873 Airtel Networks Limited, NG\)/);
    seen.length = 0;
    const lan = analyze(RAW.replace("[105.112.100.197]", "[192.168.24.2]"), { ipInfo: lookup });
    expect(lan.summary.originatingIp).toEqual({ ip: "192.168.24.2", header: "X-Originating-IP", private: true });
    expect(seen).not.toContain("192.168.24.2");
  });

  it("is null without the header or with a value that is no address", () => {
    expect(analyze(RAW.replace("X-Originating-IP: [105.112.100.197]\r\n", "")).summary.originatingIp).toBeNull();
    expect(analyze(RAW.replace("[105.112.100.197]", "unknown")).summary.originatingIp).toBeNull();
  });

  it("is masked in a redacted share, in the field and in the finding", () => {
    const r = redactAnalysis(analyze(RAW));
    expect(JSON.stringify(r)).not.toContain("105.112.100.197");
  });

  it("real mail: a hospital account sending from a Nigerian mobile network (phishing_pot sample-19)", () => {
    expect(fixture("phishing_pot__sample-19").summary.originatingIp?.ip).toBe("105.112.100.197");
  });
});
