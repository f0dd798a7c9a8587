/**
 * "Is it genuine?" findings (lib/analysis/verdict/genuine.ts) and whose record each
 * authentication result is (verdict/trust.ts), on real messages and on small real-shaped ones.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { addressInName, belongsTo, brandInName } from "@/lib/analysis/verdict/genuine";
import { BRANDS } from "@/lib/analysis/verdict/brands";
import { codes, fixture } from "../helpers/genuine";

/** A Gmail-received message: the border is mx.google.com, its A-R written above its Received. */
function gmail(extra: string[], from = "Alice <alice@example.com>", received = "from mail.example.com (mail.example.com [192.0.2.10])"): string {
  return [
    ...extra,
    `Received: ${received} by mx.google.com with ESMTPS id a1si123 for <bob@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Tue, 03 Feb 2026 10:00:01 -0800 (PST)`,
    "Received: from laptop ([198.51.100.7]) by mail.example.com with ESMTPSA id x1; Tue, 03 Feb 2026 18:00:00 +0000",
    `From: ${from}`,
    "To: bob@gmail.com",
    "Subject: hi",
    "",
    "",
  ].join("\r\n");
}

describe("trusted authentication", () => {
  it("marks results above the border's Received as the recipient's, lower ones as upstream claims", () => {
    const a = analyze(gmail([
      "Authentication-Results: mx.google.com; dkim=pass header.i=@example.com header.s=s1; spf=pass smtp.mailfrom=alice@example.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com",
    ]).replace("Received: from laptop", "Authentication-Results: mail.example.com; spf=pass smtp.mailfrom=forged.example\r\nReceived: from laptop"));
    expect(a.summary.border.hop).toBe(2);
    expect(a.authentication.spf.map((r) => [r.authservId, r.trusted, r.source])).toEqual([
      ["mx.google.com", true, "recipient"],
      ["mail.example.com", false, "upstream"],
    ]);
    expect(a.authentication.dkim[0]).toMatchObject({ trusted: true, source: "recipient" });
  });

  it("recipientAlignment leaves out an upstream claim that alignment counts", () => {
    const a = analyze(gmail([
      "Authentication-Results: mx.google.com; spf=fail smtp.mailfrom=alice@example.com; dkim=none",
    ]).replace("Received: from laptop", "Authentication-Results: mail.example.com; spf=pass smtp.mailfrom=alice@example.com\r\nReceived: from laptop"));
    expect(a.authentication.alignment.spf).toBe(true);
    expect(a.authentication.recipientAlignment).toEqual({ spf: false, dkim: false });
    expect(analyze("Authentication-Results: a.example.com; spf=pass smtp.mailfrom=x@example.com\r\nFrom: x@example.com\r\n\r\n").authentication.recipientAlignment).toBeUndefined();
  });

  it("a header just below the border's Received counts when its authserv-id is the border's organisation", () => {
    const a = analyze(gmail([]).replace("Received: from laptop", "Authentication-Results: mx.google.com; spf=fail smtp.mailfrom=alice@example.com\r\nReceived: from laptop"));
    expect(a.authentication.spf[0]).toMatchObject({ authservId: "mx.google.com", trusted: true });
  });

  it("leaves trust out when the message shows no border (stayed inside one organisation)", () => {
    const a = analyze("Authentication-Results: a.example.com; spf=pass smtp.mailfrom=x@example.com\r\nFrom: x@example.com\r\n\r\n");
    expect(a.authentication.spf[0].trusted).toBeUndefined();
    expect(a.authentication.spf[0].source).toBeUndefined();
  });

  it("a forwarded Microsoft 365 message: the first tenant's results are upstream (sample-401)", () => {
    const a = fixture("phishing_pot__sample-401");
    expect(a.authentication.dmarc.every((d) => d.trusted === false)).toBe(true);
    expect(a.summary.verdict?.tone).toBe("neutral");
  });
});

describe("spoofing findings", () => {
  it("display-name-brand: 'MetaMask <integration@crowdskout.com>' (sample-340) warns", () => {
    const a = fixture("phishing_pot__sample-340");
    const f = a.warnings.find((w) => w.code === "display-name-brand");
    expect(f?.severity).toBe("warning");
    expect(f?.message).toBe('The From display name "MetaMask" names MetaMask, but the address integration@crowdskout.com is not at a MetaMask domain.');
  });

  it("display-name-brand is not raised when the From domain belongs to the brand", () => {
    const a = analyze(gmail([], "PayPal <service@paypal.co.uk>"));
    expect(codes(a)).not.toContain("display-name-brand");
    expect(codes(analyze(gmail([], "Microsoft account team <account-security-noreply@accountprotection.microsoft.com>")))).not.toContain("display-name-brand");
    expect(codes(analyze(gmail([], "PayPal Service <service@paypal-secure-login.com>")))).toContain("display-name-brand");
    // A consumer mailbox of the brand's own service is anyone's: only its reserved addresses are the brand.
    expect(codes(analyze(gmail([], "Microsoft Support <microsoft.support.desk@outlook.com>")))).toContain("display-name-brand");
    expect(codes(analyze(gmail([], "Microsoft Outlook <postmaster@outlook.com>")))).not.toContain("display-name-brand");
    expect(codes(analyze(gmail([], "Microsoft 365 <admin@contoso-billing.onmicrosoft.com>")))).toContain("display-name-brand");
  });

  it("a trade-mark sign ends a brand word instead of gluing TM onto it (phishing_pot sample-5181)", () => {
    expect(brandInName("Mcafee™")?.name).toBe("McAfee");
    expect(brandInName("PayPal™ Service")?.name).toBe("PayPal");
    expect(brandInName("Norton℠ 360")?.name).toBe("Norton");
    expect(brandInName("McAfee®")?.name).toBe("McAfee");
  });

  it("Greek and Cyrillic look-alike letters spell the brand they imitate; real Greek and Russian names do not", () => {
    // phishing_pot sample-72: a Greek capital Mu and a Cyrillic a.
    expect(brandInName("\u039Cetam\u0430sk")?.name).toBe("MetaMask");
    expect(brandInName("\u0420\u0430\u0443\u0420\u0430l")?.name).toBe("PayPal"); // all Cyrillic but the l
    expect(brandInName("\u0391pple Support")?.name).toBe("Apple");
    expect(brandInName("\u0397SBC Alerts")?.name).toBe("HSBC"); // Greek capital Eta
    expect(brandInName("\u0421\u0435\u0440\u0433\u0435\u0439 \u0418\u0432\u0430\u043D\u043E\u0432")).toBeNull(); // Сергей Иванов
    expect(brandInName("\u0391\u03B8\u03B7\u03BD\u03AC")).toBeNull(); // Αθηνά
    expect(brandInName("\u0421\u0431\u0435\u0440\u0431\u0430\u043D\u043A")).toBeNull(); // Сбербанк
  });

  it("brand words are whole words; hidden format characters do not hide them", () => {
    expect(brandInName("Chase Miller")).toBeNull();
    expect(brandInName("Apple\u200BSupport")?.name).toBe("Apple");
    expect(brandInName("Metamask.io")?.name).toBe("MetaMask");
    expect(brandInName("Amazonia Travel")).toBeNull();
    // Common words name a brand only as the whole name or in an unambiguous phrase.
    expect(brandInName("Business Outlook Weekly")).toBeNull();
    expect(brandInName("Outlook")?.name).toBe("Microsoft");
    expect(brandInName("Outlook Team")?.name).toBe("Microsoft");
    expect(brandInName("Big Apple Deals")).toBeNull();
    expect(brandInName("Apple")?.name).toBe("Apple");
    expect(brandInName("Apple ID Support")?.name).toBe("Apple");
    const amazon = BRANDS.find((b) => b.name === "Amazon")!;
    expect(belongsTo("marketplace.amazon.de", amazon)).toBe(true);
    expect(belongsTo("amazon-billing.net", amazon)).toBe(false);
    expect(belongsTo("amazonses.com", amazon)).toBe(false);
  });

  it("display-name-address: an address of another domain in the name (sample-4149, SurveyMonkey abuse)", () => {
    const a = fixture("phishing_pot__sample-4149");
    const f = a.warnings.find((w) => w.code === "display-name-address");
    expect(f?.message).toContain("help@care-metamask.com");
    expect(f?.message).toContain("member@surveymonkeyuser.com");
    expect(codes(a)).toContain("display-name-brand");
    expect(addressInName("bob@example.com")).toEqual({ address: "bob@example.com", domain: "example.com" });
    expect(addressInName("Bob at example")).toBeNull();
  });

  it("display-name-address is not raised for the sender's own address as its name", () => {
    expect(codes(analyze(gmail([], '"alice@example.com" <alice@mail.example.com>')))).not.toContain("display-name-address");
  });

  it("reply-to-other-org: a free-mail Reply-To warns, another company's is info", () => {
    const free = analyze(gmail(["Reply-To: desk@gmail.com"]));
    expect(free.warnings.find((w) => w.code === "reply-to-other-org")).toMatchObject({ severity: "warning", message: "Replies go to gmail.com (a free-mail provider), not to the From domain example.com." });
    const other = analyze(gmail(["Reply-To: help@helpdesk-vendor.example"]));
    expect(other.warnings.find((w) => w.code === "reply-to-other-org")?.severity).toBe("info");
    expect(codes(analyze(gmail(["Reply-To: team@lists.example.com"])))).not.toContain("reply-to-other-org");
  });

  it("reply-to-other-org: the free-mail providers' country domains are free mail too (phishing_pot sample-1926: outlook.fr)", () => {
    for (const d of ["outlook.fr", "hotmail.co.uk", "yahoo.co.jp", "gmx.at", "libero.it"]) {
      expect(analyze(gmail([`Reply-To: desk@${d}`])).warnings.find((w) => w.code === "reply-to-other-org")?.severity, d).toBe("warning");
    }
  });

  it("dmarc-fail: hotmail.com failing DMARC at Microsoft 365 (sample-1406)", () => {
    const a = fixture("phishing_pot__sample-1406");
    const f = a.warnings.find((w) => w.code === "dmarc-fail");
    expect(f?.severity).toBe("warning");
    expect(f?.message).toMatch(/^DMARC failed for hotmail\.com/);
  });

  it("dmarc-fail names the published policy and who recorded it (nodemailer via Gmail)", () => {
    const f = fixture("mailparser__nodemailer").warnings.find((w) => w.code === "dmarc-fail");
    expect(f?.message).toBe("DMARC failed for kreata.ee (published policy none), recorded by mx.google.com: neither SPF nor DKIM authenticated the From domain.");
  });

  it("dmarc-missing: the From domain's p=reject is known from a header, but the recipient recorded no DMARC", () => {
    const a = analyze(gmail([
      "Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=bounce@esp.example; dkim=pass header.d=esp.example",
    ]).replace("Received: from laptop", "Authentication-Results: mail.example.com; dmarc=pass (p=reject dis=none) header.from=example.com\r\nReceived: from laptop"));
    const f = a.warnings.find((w) => w.code === "dmarc-missing");
    expect(f?.message).toBe("example.com publishes DMARC p=reject (as a header of this message says), yet the recipient's servers recorded no DMARC result: the From domain was not shown to be authentic.");
    expect(codes(a)).toContain("from-not-aligned");
  });

  it("no dmarc-missing when the recipient recorded no checks at all (mailing list, lfdr)", () => {
    expect(codes(fixture("lkml-archive__ses_workmail_subspace_lfdr"))).not.toContain("dmarc-missing");
  });

  it("from-not-aligned: passes only for other domains (sample-340: SPF for a throwaway domain, DKIM for pwc.com)", () => {
    const f = fixture("phishing_pot__sample-340").warnings.find((w) => w.code === "from-not-aligned");
    expect(f?.message).toMatch(/^No passing SPF or DKIM result is aligned with the From domain crowdskout\.com \(/);
    expect(f?.message).toContain("DKIM passed for pwc.com");
  });

  it("no from-not-aligned when DKIM is aligned", () => {
    const a = analyze(gmail(["Authentication-Results: mx.google.com; dkim=pass header.i=@example.com; spf=softfail smtp.mailfrom=x@other.example"]));
    expect(codes(a)).not.toContain("from-not-aligned");
  });

  it("compauth-fail with its documented reason (sample-113)", () => {
    const f = fixture("phishing_pot__sample-113").warnings.find((w) => w.code === "compauth-fail");
    expect(f).toMatchObject({ severity: "warning" });
    expect(f?.message).toBe("Microsoft 365's composite authentication failed for the From domain kette.jp (reason 001: the message failed implicit authentication: the sending domain publishes no authentication records, or only a weak failure policy (SPF softfail or neutral, DMARC p=none)).");
  });

  it("spam-verdict: the recipient's filter is a warning with its reason; an upstream filter's only info (sample-5835)", () => {
    const list = fixture("phishing_pot__sample-5835").warnings.filter((w) => w.code === "spam-verdict");
    expect(list.map((w) => [w.severity, w.message])).toEqual([
      ["warning", "Microsoft 365 marked the message as spam (SCL 7)."],
      ["info", "An upstream SpamAssassin filter (X-Spam-Status, below the recipient's border) marked the message as spam (score 8.2 of 6 required, X-Spam-Flag: YES); this is a claim of a server before the recipient."],
    ]);
  });

  it("dmarc-fail reads p=reject from Microsoft 365's documented action=oreject", () => {
    const raw = [
      "Authentication-Results: spf=fail (sender IP is 192.0.2.10) smtp.mailfrom=bank.example; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=bank.example;compauth=fail reason=000",
      "Received: from mail.example.com (192.0.2.10) by AM0PR01MB1234.mail.protection.outlook.com (10.167.1.2) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1.1; Tue, 3 Feb 2026 18:00:01 +0000",
      "From: Bank <alerts@bank.example>",
      "X-MS-Exchange-Organization-SCL: 1",
      "",
      "",
    ].join("\r\n");
    const f = analyze(raw).warnings.find((w) => w.code === "dmarc-fail");
    expect(f?.message).toBe("DMARC failed for bank.example (published policy reject): neither SPF nor DKIM authenticated the From domain.");
  });

  it("spam-verdict for phishing is critical when Microsoft 365 is the recipient", () => {
    const m365 = [
      "Authentication-Results: spf=fail (sender IP is 192.0.2.10) smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=example.com;compauth=fail reason=000",
      "Received: from mail.example.com (192.0.2.10) by AM0PR01MB1234.mail.protection.outlook.com (10.167.1.2) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1.1; Tue, 3 Feb 2026 18:00:01 +0000",
      "From: Alice <alice@example.com>",
      "X-Forefront-Antispam-Report: CIP:192.0.2.10;CTRY:US;SCL:9;SRV:;IPV:NLI;SFV:SPM;CAT:HPHISH;",
      "",
      "",
    ].join("\r\n");
    const a = analyze(m365);
    expect(a.antispam?.[0].trusted).toBe(true);
    expect(a.warnings.find((w) => w.code === "spam-verdict")?.severity).toBe("critical");
    expect(a.summary.verdict?.text).toBe("Marked as phishing by Microsoft 365 (SCL 9, SFV:SPM, CAT:HPHISH, compauth fail: explicit authentication failed (DMARC), reason 000)");
    // The same report under a Gmail recipient is the sender's tenant's: info only.
    const up = analyze(gmail([]).replace("From:", "X-Forefront-Antispam-Report: CIP:192.0.2.10;SCL:9;SFV:SPM;CAT:HPHISH;\r\nFrom:"));
    expect(up.warnings.find((w) => w.code === "spam-verdict")?.severity).toBe("info");
  });

  it("a genuine newsletter gets no spoofing finding", () => {
    const a = analyze(gmail(["Authentication-Results: mx.google.com; dkim=pass header.i=@news.example.com; spf=pass smtp.mailfrom=bounce@news.example.com; dmarc=pass (p=REJECT) header.from=example.com"], "Example News <news@example.com>"));
    expect(codes(a).filter((c) => ["dmarc-fail", "dmarc-missing", "from-not-aligned", "display-name-address", "display-name-brand", "reply-to-other-org", "compauth-fail", "spam-verdict"].includes(c))).toEqual([]);
  });
});

describe("a From header DMARC cannot check (from-malformed)", () => {
  const AR = "Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=alice@example.com";
  const malformed = (from: string) => analyze(gmail([AR], from)).warnings.find((w) => w.code === "from-malformed");

  it("no address at all: an address only inside a comment, an empty <>, a bare name (phishing_pot 4064, 5835)", () => {
    for (const from of ["Europa Park,(<noreply@dhl.example>)", '"Mrs. Deborah Grant" <>', '"Mijnwooncomfort.nl" ']) {
      expect(malformed(from)).toMatchObject({ severity: "warning" });
      expect(malformed(from)?.message).toMatch(/^The From header holds no valid address \(it reads /);
    }
    expect(fixture("phishing_pot__sample-4064").warnings.find((w) => w.code === "from-malformed")?.severity).toBe("warning");
  });

  it("a domain that is no host name: no dot, a '%', a numeric last label (phishing_pot 5829)", () => {
    for (const from of ["<alfandega016306@correios>", "x <a@%atendimentos.example>", "<a@mail.123>"]) expect(malformed(from)?.message).toMatch(/has no valid domain/);
    const a = fixture("phishing_pot__sample-5829");
    expect(a.warnings.find((w) => w.code === "from-malformed")?.message).toContain("alerta@regularizacaodetranid448526 has no valid domain");
  });

  it("several addresses are an info; one valid address or an address literal is nothing", () => {
    expect(malformed("A <a@example.com>, B <b@example.com>")).toMatchObject({ severity: "info" });
    expect(malformed("Alice <alice@example.com>")).toBeUndefined();
    expect(malformed("a@[192.0.2.1]")).toBeUndefined();
  });

  it("a redacted copy: the recipient's DMARC check names a valid From domain, so the header was edited after delivery (phishing_pot's 'phishing@pot', sample-1214)", () => {
    const a = fixture("phishing_pot__sample-1214");
    const f = a.warnings.find((w) => w.code === "from-malformed");
    expect(f).toMatchObject({ severity: "info" });
    expect(f?.message).toContain("yet the recipient's DMARC check names the From domain hotmail.com");
    expect(a.summary.verdict?.tone).toBe("good");
  });

  it("the verdict says so when nothing else decides", () => {
    const a = analyze(gmail([AR], "Europa Park,(<noreply@dhl.example>)"));
    expect(a.summary.verdict).toMatchObject({ tone: "warn", text: "Not authenticated: the From header holds no valid address" });
  });

  it("a display name split by commas still names the brand the reader sees ('\"Paypal ❗\", \"Paypal ❗\", <service@otto.de>', phishing_pot 4141)", () => {
    const a = analyze(gmail([AR], '"Paypal ❗️❗", "Paypal ❗️❗", <service@otto.example>'));
    expect(a.warnings.find((w) => w.code === "display-name-brand")?.message).toContain("names PayPal, but the address service@otto.example is not at a PayPal domain");
  });
});

describe("brands added from the phishing_pot review", () => {
  it("Ledger as the whole name or with a product word, not an accounting ledger; McAfee", () => {
    expect(brandInName("Ledger")?.name).toBe("Ledger");
    expect(brandInName("Ledger Live Support")?.name).toBe("Ledger");
    expect(brandInName("General Ledger Team")).toBeNull();
    expect(brandInName("Mcafee™")?.name).toBe("McAfee");
    const a = fixture("phishing_pot__sample-5861");
    expect(a.warnings.find((w) => w.code === "display-name-brand")?.message).toContain('"Ledger" names Ledger, but the address ledger@info.com');
    expect(a.hops[1]).toMatchObject({ relayType: "internal", operator: "SendGrid" });
  });
});

describe("sender-brand", () => {
  it("a Sender naming a brand the From domain is not, unsigned, is a warning (phishing_pot 5181: Sender Mcafee™ <support@mcafee.com>)", () => {
    const a = fixture("phishing_pot__sample-5181");
    expect(a.warnings.find((w) => w.code === "sender-brand")?.message).toContain("names McAfee, but the message is from support@snowymespilus.com");
  });

  it("a service signing as itself for its user is none (Google Calendar, postal-mime calendar_event)", () => {
    expect(codes(fixture("postal-mime__calendar_event"))).not.toContain("sender-brand");
  });
});
