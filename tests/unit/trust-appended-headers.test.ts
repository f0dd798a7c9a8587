/**
 * Headers the recipient's own filters appended below its border's Received header (verdict/trust.ts,
 * recipientWritten): rspamd's milter headers tied to the border by its queue id, and
 * Authentication-Results whose authserv-id is the border server and that name the client the
 * border saw. Real cases: rspamd's own test message (rspamd__arcbad: Postfix + rspamd milter at
 * mail.highsecure.ru) and Proton's inbound servers (phishing_pot sample-357, sample-1211).
 */
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { fixture } from "../helpers/genuine";

const BORDER = "Received: from out.sender.example (out.sender.example [198.51.100.7]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.recipient.example (Postfix) with ESMTPS id 4QXcq41trPz9vNPp for <u@recipient.example>; Tue, 3 Feb 2026 18:00:02 +0000";
const SENDER = "Received: from [203.0.113.9] (port=5555) by out.sender.example with esmtpsa (TLS1.2) tls TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (Exim 4.96) id 1q50um-00B93v-2s for u@recipient.example; Tue, 03 Feb 2026 18:00:00 +0000";

function message(...tail: string[]): string {
  return [BORDER, SENDER, "From: Shop <a@sender.example>", "To: u@recipient.example", "Subject: x", ...tail, "", ""].join("\r\n");
}

describe("headers the recipient's filters appended below its border", () => {
  it("rspamd's report is the recipient's when X-Rspamd-Queue-Id is the border's queue id", () => {
    const a = analyze(message("X-Rspamd-Queue-Id: 4QXcq41trPz9vNPp", "X-Spamd-Result: default: True [16.20 / 15.00]; BAYES_SPAM(5.10)[99.0%]"));
    expect(a.antispam?.[0]).toMatchObject({ vendor: "rspamd", verdict: "spam", trusted: true });
  });

  it("rspamd's report with another queue id stays an upstream claim", () => {
    const a = analyze(message("X-Rspamd-Queue-Id: 9ZZZ000000", "X-Spamd-Result: default: False [-2.00 / 15.00]; BAYES_HAM(-3.00)[99.0%]"));
    expect(a.antispam?.[0]).toMatchObject({ vendor: "rspamd", trusted: false });
  });

  it("Authentication-Results of the border server that name its client are the recipient's", () => {
    const a = analyze(message("Authentication-Results: mx.recipient.example; spf=fail smtp.mailfrom=a@sender.example smtp.remote-ip=198.51.100.7", "Authentication-Results: mx.recipient.example; dmarc=fail header.from=sender.example"));
    expect(a.authentication.spf[0]).toMatchObject({ result: "fail", trusted: true, source: "recipient" });
    expect(a.authentication.dmarc[0]).toMatchObject({ result: "fail", trusted: true, source: "recipient" });
    expect(a.summary.verdict?.tone).toBe("bad");
  });

  it("... but not when none of them names the client the border recorded", () => {
    const a = analyze(message("Authentication-Results: mx.recipient.example; spf=pass smtp.mailfrom=a@sender.example smtp.remote-ip=198.51.100.70"));
    expect(a.authentication.spf[0]).toMatchObject({ result: "pass", trusted: false, source: "upstream" });
  });

  it("... nor when the border wrote its own results on top: a lower copy with its name is the sender's", () => {
    const raw = message("Authentication-Results: mx.recipient.example; spf=pass smtp.mailfrom=a@sender.example smtp.remote-ip=198.51.100.7; dmarc=pass header.from=sender.example");
    const a = analyze("Authentication-Results: mx.recipient.example; spf=fail smtp.mailfrom=a@sender.example smtp.remote-ip=198.51.100.7\r\n" + raw);
    const spf = a.authentication.spf;
    expect(spf.find((r) => r.result === "fail")).toMatchObject({ trusted: true });
    expect(spf.find((r) => r.result === "pass")).toMatchObject({ trusted: false });
    expect(a.authentication.dmarc[0]).toMatchObject({ result: "pass", trusted: false });
  });

  it("an address inside a longer one is not the client's (198.51.100.7 is not in 198.51.100.70)", () => {
    const a = analyze(message("Authentication-Results: mx.recipient.example; spf=pass smtp.mailfrom=a@sender.example (designates 198.51.100.70 as permitted sender)"));
    expect(a.authentication.spf[0]).toMatchObject({ trusted: false });
  });

  it("real mail: Postfix with the rspamd milter (rspamd arcbad) and Proton (sample-357, sample-1211)", () => {
    const arcbad = fixture("rspamd__arcbad");
    expect(arcbad.authentication.dmarc.find((r) => r.authservId === "mail.highsecure.ru")).toMatchObject({ result: "fail", trusted: true });
    expect(arcbad.antispam?.find((r) => r.vendor === "rspamd")?.trusted).toBe(true);
    const s357 = fixture("phishing_pot__sample-357");
    expect(s357.authentication.spf[0]).toMatchObject({ authservId: "mailin029.protonmail.ch", trusted: true });
    expect(s357.authentication.recipientAlignment).toEqual({ spf: false, dkim: false });
    expect(s357.warnings.map((w) => w.code)).toContain("from-not-aligned");
    const s1211 = fixture("phishing_pot__sample-1211");
    expect(s1211.antispam?.find((r) => r.vendor === "rspamd")).toMatchObject({ verdict: "spam", trusted: true });
  });
});
