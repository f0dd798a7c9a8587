/**
 * The verdict line (summary.verdict): what the page says first, on real messages with known
 * verdicts (phishing_pot: Microsoft 365 SCL, compauth; rspamd; Gmail DMARC) and small ones.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { fixture } from "../helpers/genuine";

describe("verdict line", () => {
  it("spam by the recipient's filter, with SCL and compauth in words (sample-113)", () => {
    const v = fixture("phishing_pot__sample-113").summary.verdict!;
    expect(v.tone).toBe("bad");
    expect(v.text).toBe("Marked as spam by Microsoft 365 (SCL 9, compauth fail: implicit authentication failed, reason 001)");
    expect(v.basis[0]).toBe("Microsoft 365: SCL 9, compauth fail: implicit authentication failed, reason 001");
    expect(v.basis.some((b) => b.startsWith("Microsoft 365's composite authentication failed"))).toBe(true);
  });

  it("SCL 7 is the recipient's verdict though SpamAssassin upstream also said spam (sample-5835)", () => {
    expect(fixture("phishing_pot__sample-5835").summary.verdict?.text).toBe("Marked as spam by Microsoft 365 (SCL 7)");
  });

  it("a brand spoof that no filter of the recipient caught is still bad (sample-340, MetaMask)", () => {
    const v = fixture("phishing_pot__sample-340").summary.verdict!;
    expect(v.tone).toBe("bad");
    expect(v.text).toBe("Possible impersonation: the display name names MetaMask, but the address integration@crowdskout.com is not at a MetaMask domain.");
  });

  it("DMARC fail at Gmail (nodemailer)", () => {
    const v = fixture("mailparser__nodemailer").summary.verdict!;
    expect(v).toMatchObject({ tone: "bad", text: "Not authenticated: DMARC failed for kreata.ee (published policy none), recorded by mx.google.com" });
  });

  it("the recipient's spam verdict comes before an aligned DKIM pass of the sender's own domain (Proton, sample-1158)", () => {
    const v = fixture("phishing_pot__sample-1158").summary.verdict!;
    expect(v).toMatchObject({ tone: "bad", text: "Marked as spam by rspamd (X-Spam: Yes, score 13.81 of 25)" });
    expect(v.basis).toContain("Yet: DKIM aligned with jookutsu.id (recorded by mailin033.protonmail.ch)");
  });

  it("the filter's clean verdict is evidence, not the headline (sample-5414)", () => {
    const v = fixture("phishing_pot__sample-5414").summary.verdict!;
    expect(v.tone).toBe("good");
    expect(v.basis.some((b) => b.startsWith("Microsoft 365: not spam"))).toBe(true);
  });

  it("results a milter appended below the border are the recipient's: DMARC fail at mail.highsecure.ru (rspamd arcbad)", () => {
    expect(fixture("rspamd__arcbad").summary.verdict).toMatchObject({ tone: "bad", text: "Not authenticated: DMARC failed for outlook.com (published policy none), recorded by mail.highsecure.ru" });
  });

  it("only upstream results: neutral, saying so", () => {
    const raw = [
      "Received: from out.sender.example (out.sender.example [198.51.100.7]) by mx.recipient.example (Postfix) with ESMTPS id 4AbCdEf; Tue, 3 Feb 2026 18:00:01 +0000",
      "Received: from client.sender.example (client.sender.example [192.168.1.5]) by out.sender.example (Postfix) with ESMTPSA id 77AA; Tue, 3 Feb 2026 18:00:00 +0000",
      "Authentication-Results: out.sender.example; dkim=pass header.d=sender.example; spf=pass smtp.mailfrom=a@sender.example",
      "From: a@sender.example",
      "",
      "",
    ].join("\r\n");
    expect(analyze(raw).summary.verdict).toMatchObject({ tone: "neutral", text: "Not verified: the only authentication results were written before the recipient's border" });
  });

  it("no authentication at all: neutral", () => {
    expect(analyze("From: a@example.com\r\nSubject: x\r\n\r\n").summary.verdict).toEqual({
      text: "No authentication results: nothing says whether the sender is genuine",
      tone: "neutral",
      basis: [],
    });
  });

  it("bulk by Microsoft 365 (SRV:BULK) is warn", () => {
    const raw = [
      "Received: from mta.esp.example (198.51.100.20) by AM0PR01MB1234.mail.protection.outlook.com (10.167.1.2) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1.1; Tue, 3 Feb 2026 18:00:01 +0000",
      "From: Deals <deals@shop.example>",
      "X-Forefront-Antispam-Report: CIP:198.51.100.20;SCL:1;SRV:BULK;IPV:NLI;SFV:NSPM;CAT:BULK;",
      "X-Microsoft-Antispam: BCL:8;",
      "",
      "",
    ].join("\r\n");
    expect(analyze(raw).summary.verdict).toMatchObject({ tone: "warn", text: "Bulk mail according to Microsoft 365 (SCL 1, SRV:BULK, SFV:NSPM)" });
  });
});
