/**
 * Mailbox providers' and filter products' own verdict headers (antispam/providers.ts): Proton's
 * X-Pm-Spam-Action, United Internet's X-UI-Filterresults, Vade's X-VADE-SPAMSTATE, Kaspersky's
 * X-KLMS-AntiSpam-Status. Real messages from phishing_pot (a Proton mailbox) and mailparser.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { fieldMap, fixture, vendor } from "../helpers/genuine";

/** A message received by `mx` (the recipient's border) from an outside server, with extra headers below it. */
function received(mx: string, extra: string[]): string {
  return [
    `Received: from out.sender.example (out.sender.example [203.0.113.9]) by ${mx} with ESMTPS id 4QxYz; Tue, 3 Feb 2026 18:00:05 +0000`,
    "Received: from laptop ([192.168.1.20]) by out.sender.example with ESMTPSA id 77AA; Tue, 3 Feb 2026 18:00:01 +0000",
    "From: A <a@sender.example>",
    "To: b@recipient.example",
    "Subject: hello",
    ...extra,
    "",
    "",
  ].join("\r\n");
}

describe("Proton", () => {
  it("X-Pm-Spam-Action: spam, written by the recipient's Proton below the Received block, is the recipient's verdict and heads the verdict line (sample-5291)", () => {
    const a = fixture("phishing_pot__sample-5291");
    const r = vendor(a, "Proton");
    expect([r.verdict, r.score, r.threshold, r.trusted]).toEqual(["spam", 0, null, true]);
    expect(fieldMap(r).get("X-Pm-Spam-Action")).toEqual(["spam", "Proton's filter moved the message to the spam folder."]);
    expect(a.summary.verdict?.text).toBe("Marked as spam by Proton (action: spam, score 0)");
  });

  it("phishing is read as phish, inbox as clean (sample-1158, sample-2280)", () => {
    expect(vendor(fixture("phishing_pot__sample-1158"), "Proton").verdict).toBe("phish");
    const inbox = vendor(fixture("phishing_pot__sample-2280"), "Proton");
    expect([inbox.verdict, inbox.score, inbox.trusted]).toEqual(["clean", 6, true]);
  });

  it("below a border that is not Proton's the headers are an upstream claim, and an unknown action gives no verdict", () => {
    const r = vendor(analyze(received("mx.recipient.example", ["X-Pm-Spam-Action: inbox", "X-Pm-Spamscore: 1"])), "Proton");
    expect([r.verdict, r.trusted]).toEqual(["clean", false]);
    expect(vendor(analyze(received("mailin021.protonmail.ch", ["X-Pm-Spam-Action: quarantine"])), "Proton")).toMatchObject({ verdict: "unknown", trusted: true });
  });
});

describe("United Internet (GMX, WEB.DE, IONOS)", () => {
  it("X-UI-Filterresults at WEB.DE's inbound is the recipient's; 'unknown:5' gives no verdict (mailparser spam.eml)", () => {
    const r = vendor(fixture("mailparser__spam"), "United Internet");
    expect([r.verdict, r.header, r.trusted]).toEqual(["unknown", "X-UI-Filterresults", true]);
  });

  it("notjunk is clean and junk is spam; the outbound check is the sender's provider's, untrusted below the border", () => {
    expect(vendor(analyze(received("mx-ha.gmx.net", ["X-UI-Filterresults: junk:10;V03:K0:abc="])), "United Internet")).toMatchObject({ verdict: "spam", trusted: true });
    const out = vendor(analyze(received("mx.recipient.example", ["X-UI-Out-Filterresults: notjunk:1;V03:K0:abc="])), "United Internet");
    expect([out.verdict, out.header, out.trusted]).toEqual(["clean", "X-UI-Out-Filterresults", false]);
  });
});

describe("Vade and Kaspersky", () => {
  it("Vade's state and score; below the border with nothing tying them to the recipient they stay an upstream claim (sample-432)", () => {
    const r = vendor(fixture("phishing_pot__sample-432"), "Vade");
    expect([r.verdict, r.score, r.threshold, r.trusted]).toEqual(["clean", 49, null, false]);
  });

  it("Kaspersky's status words: spam, not spam, not scanned", () => {
    const k = (status: string) => vendor(analyze(received("mx.recipient.example", [`X-KLMS-AntiSpam-Status: ${status}`, "X-KLMS-AntiSpam-Rate: 70"])), "Kaspersky");
    expect(k("spam").verdict).toBe("spam");
    expect(k("not spam").verdict).toBe("clean");
    expect(k("not scanned, disabled by settings").verdict).toBe("skipped");
    expect(k("spam").score).toBe(70);
  });
});
