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

/**
 * Yahoo's inbound shape: its MX named by a private address ("by 10.253.227.194 with SMTPs"), the
 * mailbox store above it over loopback ("with HTTPS", as relay-rules.ts has it), and X-Originating-Ip with the connecting server's address.
 */
const YAHOO_INBOUND = [
  "Received: from 127.0.0.1",
  " by atlas-production.v2.mail.ir2.yahoo.com pod-id atlas--production-ir2-68b9c7f59c-q9jzt.ir2.yahoo.com with HTTPS; Tue, 23 Apr 2024 12:49:31 +0000",
  "Return-Path: <alice@gmail.com>",
  "X-Originating-Ip: [209.85.208.47]",
  "Received-SPF: pass (domain of gmail.com designates 209.85.208.47 as permitted sender)",
  "Authentication-Results: atlas-production.v2.mail.ir2.yahoo.com;",
  " dkim=pass header.i=@gmail.com header.s=20230601;",
  " spf=pass smtp.mailfrom=gmail.com;",
  " dmarc=pass(p=NONE,sp=QUARANTINE) header.from=gmail.com;",
  "Received: from 209.85.208.47 (EHLO mail-lj1-f175.google.com)",
  " by 10.253.227.194 with SMTPs",
  " (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256);",
  " Tue, 23 Apr 2024 12:49:31 +0000",
  "Received: by mail-lj1-f175.google.com with SMTP id 38308e7fff4ca-2d9fe2b37acso58301391fa.2",
  "        for <bob@yahoo.com>; Tue, 23 Apr 2024 05:49:30 -0700 (PDT)",
  "From: Alice <alice@gmail.com>",
  "To: bob@yahoo.com",
  "Date: Tue, 23 Apr 2024 14:49:18 +0200",
  "",
  "",
].join("\r\n");

describe("X-Originating-IP", () => {
  it("naming the client of the recipient's border, it is the receiving provider's record of that server (Prodigy 2002, spamassassin nice_mailman_message)", () => {
    const f = fixture("spamassassin__nice_mailman_message").warnings.find((w) => w.code === "originating-ip");
    expect(f?.message).toBe("X-Originating-IP names 64.49.198.145, the address of the server that handed the message to the recipient's border at hop 6: a server, not the device the message was sent from (receiving providers such as Yahoo write the header about their inbound connection).");
  });

  it("Yahoo's inbound server named by a private address is Yahoo's border, not Google's relay, and its X-Originating-Ip names Google's server", () => {
    const a = analyze(YAHOO_INBOUND);
    expect(a.summary.border.hop).toBe(2);
    expect(a.hops.map((h) => h.relayType)).toEqual(["submission", "mx", "delivery"]);
    expect(a.hops[1].operator).toBe("Yahoo");
    expect(a.warnings.find((w) => w.code === "originating-ip")?.message).toContain("the address of the server that handed the message to the recipient's border at hop 2");
  });

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
