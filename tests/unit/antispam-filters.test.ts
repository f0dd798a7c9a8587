/**
 * SpamAssassin, rspamd and the gateways (Proofpoint, Barracuda, Cisco, Mimecast), field by field
 * on real messages, and the formats their documentation gives.
 */
import { describe, expect, it } from "vitest";
import { parseSpamReport, parseSpamStatus } from "@/lib/analysis/antispam/spamassassin";
import { parseSpamdResult, parseSymbol } from "@/lib/analysis/antispam/rspamd";
import { analyze } from "@/lib/analysis";
import { fieldMap, fixture, vendor } from "../helpers/genuine";

describe("SpamAssassin", () => {
  it("reads a spam verdict with its score, threshold and folded rule list (sample-5835, the sender's SpamAssassin)", () => {
    const r = vendor(fixture("phishing_pot__sample-5835"), "SpamAssassin");
    expect(r.verdict).toBe("spam");
    expect(r.score).toBe(8.2);
    expect(r.threshold).toBe(6);
    const f = fieldMap(r);
    expect(f.get("X-Spam-Flag")?.[0]).toBe("YES");
    expect([...f.keys()].filter((k) => /^[A-Z_0-9]+$/.test(k))).toEqual([
      "ADVANCE_FEE_2_NEW_MONEY", "ALL_TRUSTED", "FREEMAIL_FORGED_REPLYTO", "FROM_NO_USER", "LOTS_OF_MONEY", "MONEY_FRAUD_3", "TO_MALFORMED", "T_HK_NAME_MR_MRS",
    ]);
    // Rules with no report and no table entry stay without a meaning.
    expect(f.get("MONEY_FRAUD_3")?.[1]).toBeNull();
  });

  it("counts X-Spam-Level stars and names the checker (sisimai messagingserver-12)", () => {
    const f = fieldMap(vendor(fixture("sisimai__lhost-messagingserver-12"), "SpamAssassin"));
    expect(f.get("X-Spam-Level")).toEqual(["*******", 'One "*" per whole point of the score: 7.']);
    expect(f.get("X-Spam-Checker-Version")?.[0]).toBe("SpamAssassin 3.2.5 (2008-06-10) on neko.example.jp");
  });

  it("old 'hits=' form (SpamAssassin corpus nice_001) is not spam", () => {
    const r = vendor(fixture("spamassassin__nice_001"), "SpamAssassin");
    expect([r.verdict, r.score, r.threshold]).toEqual(["clean", 2, 5]);
  });

  it("describes table rules: BAYES_99 (sisimai messagingserver-12)", () => {
    const r = vendor(fixture("sisimai__lhost-messagingserver-12"), "SpamAssassin");
    expect([r.verdict, r.score, r.threshold]).toEqual(["clean", 7.1, 15]);
    expect(fieldMap(r).get("BAYES_99")?.[1]).toBe("Bayes spam probability is 99 to 100%");
  });

  it("takes rule points and descriptions from the message's own X-Spam-Report table (infradead)", () => {
    const r = vendor(fixture("lkml-archive__zte_domino_forcepoint"), "SpamAssassin");
    expect(r.header).toBe("X-Spam-Score");
    expect(r.score).toBe(-2.3);
    expect(r.verdict).toBe("unknown"); // no X-Spam-Status or X-Spam-Flag: the score alone says nothing
    const f = fieldMap(r);
    expect(f.get("RCVD_IN_DNSWL_MED")).toEqual(["-2.3", "RBL: Sender listed at https://www.dnswl.org/, medium trust [202.103.147.172 listed in list.dnswl.org]"]);
    expect(f.get("SPF_PASS")).toEqual(["-0.0", "SPF: sender matches SPF record"]);
  });

  it("reads the '* points RULE description' report form", () => {
    expect(parseSpamReport("Content analysis details: (5.4 points, 5.0 required) * 3.5 BAYES_99 BODY: Bayes spam probability is 99 to 100% * [score: 1.0000] * 1.9 URIBL_BLACK Contains an URL listed in the URIBL blacklist")).toEqual([
      { points: 3.5, raw: "3.5", name: "BAYES_99", description: "BODY: Bayes spam probability is 99 to 100% [score: 1.0000]" },
      { points: 1.9, raw: "1.9", name: "URIBL_BLACK", description: "Contains an URL listed in the URIBL blacklist" },
    ]);
  });

  it("reads rules from X-Spam-Tests when X-Spam-Status has no tests= (Haraka)", () => {
    const f = fieldMap(vendor(fixture("haraka__queue_1508455115683"), "SpamAssassin"));
    expect(f.has("TO_EQ_FM_DIRECT_MX")).toBe(true);
    expect(f.get("SPF_HELO_PASS")?.[1]).toBe("SPF: HELO matches SPF record");
  });

  it("parses status words", () => {
    expect(parseSpamStatus("Yes, score=12.5 required=5.0 tests=A,B,\tC autolearn=spam version=4.0.0")).toEqual({
      flag: true, score: 12.5, required: 5, tests: ["A", "B", "C"], extra: [{ key: "autolearn", value: "spam" }, { key: "version", value: "4.0.0" }],
    });
    expect(parseSpamStatus("No, score=-0.1 required=5.0 tests=none").tests).toEqual([]);
  });
});

describe("rspamd", () => {
  it("reads X-Spamd-Result symbols with scores and options, and the action (sample-1211, Proton's rspamd)", () => {
    const r = vendor(fixture("phishing_pot__sample-1211"), "rspamd");
    expect(r.verdict).toBe("spam");
    expect([r.score, r.threshold]).toEqual([13.11, 25]);
    expect(r.reason).toEqual(["action: add header", "score 13.11 of 25"]);
    const f = fieldMap(r);
    expect(f.get("action")?.[1]).toMatch(/^Add header: the message is likely spam/);
    expect(f.get("ABUSE_SURBL")).toEqual(["5.5 [bevakasha.org:url]", null]);
    expect(f.get("R_DKIM_ALLOW")?.[1]).toBe("DKIM verification succeed");
  });

  it("False says only 'not rejected' (milter_headers writes True for the reject action alone): with no action written the verdict is unknown (rspamd arcbad)", () => {
    const r = vendor(fixture("rspamd__arcbad"), "rspamd");
    expect([r.verdict, r.score, r.threshold]).toEqual(["unknown", -1.31, 15]);
    expect(fieldMap(r).get("default")?.[1]).toMatch(/not reject/);
    expect(fieldMap(r).get("R_SPF_ALLOW")?.[1]).toBe("SPF verification allows sending");
  });

  it("X-Spam: Yes, which rspamd's spam-header routine adds for a spam action, makes a False flag spam (Proton, sample-357 and sample-1158)", () => {
    for (const name of ["phishing_pot__sample-357", "phishing_pot__sample-1158"]) {
      const r = vendor(fixture(name), "rspamd");
      expect(r.verdict, name).toBe("spam");
      expect(r.reason, name).toContain("X-Spam: Yes");
    }
  });

  it("True is the reject action: spam", () => {
    const raw = "Received: from a.example (a.example [198.51.100.1]) by mx.b.example (Postfix) with ESMTP id 1A; Tue, 3 Feb 2026 18:00:00 +0000\r\nX-Spamd-Result: default: True [31.00 / 15.00]; BAYES_SPAM(5.10)[99.0%]\r\nFrom: x@a.example\r\n\r\n";
    const r = vendor(analyze(raw), "rspamd");
    expect(r.verdict).toBe("spam");
    expect(r.reason).toContain("action: reject");
  });

  it("reads X-Rspamd-Report and X-Rspamd-Score without X-Spamd-Result (Haraka)", () => {
    const r = vendor(fixture("haraka__queue_1508455115683"), "rspamd");
    expect(r.score).toBe(1.598556);
    expect(r.verdict).toBe("unknown");
    const f = fieldMap(r);
    expect(f.get("MISSING_MID")?.[0]).toBe("2.5");
    expect(f.get("DMARC_POLICY_ALLOW")).toEqual(["-0.25", "DMARC permit policy"]);
    expect(f.get("X-Rspamd-Bar")?.[0]).toBe("+");
  });

  it("parses symbols and the result head", () => {
    expect(parseSymbol("BAYES_HAM(-0.39)[77.54%]")).toEqual({ name: "BAYES_HAM", score: -0.39, options: "77.54%" });
    expect(parseSpamdResult("default: True [16.20 / 15.00]; X(1.00)[a;b]; Y(2.00)")).toEqual({
      flag: true, score: 16.2, required: 15, symbols: [{ name: "X", score: 1, options: "a;b" }, { name: "Y", score: 2, options: "" }],
    });
  });

  it("an unknown action keeps its text and gives no verdict", () => {
    const r = vendor(analyze("X-Rspamd-Action: quarantine maybe\r\nFrom: a@example.com\r\n\r\n"), "rspamd");
    expect(r.verdict).toBe("unknown");
    expect(fieldMap(r).get("action")).toEqual(["quarantine maybe", null]);
  });
});

describe("gateways", () => {
  it("Proofpoint rule=gmspam_spam is spam (sample-340)", () => {
    const r = vendor(fixture("phishing_pot__sample-340"), "Proofpoint");
    expect([r.verdict, r.score]).toEqual(["spam", 99]);
    const f = fieldMap(r);
    expect(f.get("policy")?.[0]).toBe("gmspam");
    expect(f.get("phishscore")).toEqual(["0", null]);
  });

  it("Proofpoint rule=outbound_notspam is not spam, and the sender's outbound gateway (mail-parser test 10)", () => {
    const r = vendor(fixture("mail-parser__mail_test_10"), "Proofpoint");
    expect(r.verdict).toBe("clean");
  });

  it("Barracuda's status, levels and report (sample-3948)", () => {
    const r = vendor(fixture("phishing_pot__sample-3948"), "Barracuda");
    expect([r.verdict, r.score, r.threshold]).toEqual(["clean", 3.2, 5]);
    const f = fieldMap(r);
    expect(f.get("KILL_LEVEL")).toEqual(["5.0", "Score at or above which Barracuda blocks the message."]);
    expect(f.get("MISSING_MID")).toEqual(["0.14", "Missing Message-Id: header"]);
    expect(f.get("FORGED_MUA_OUTLOOK")).toEqual(["1.36", "Forged mail pretending to be from MS Outlook"]);
    expect(r.trusted).toBe(false);
  });

  it("Cisco's encoded result stays raw with no verdict (mail-parser test 17)", () => {
    const r = vendor(fixture("mail-parser__mail_test_17"), "Cisco Secure Email");
    expect(r.verdict).toBe("unknown");
    const f = fieldMap(r);
    expect(f.get("X-IronPort-Anti-Spam-Filtered")).toEqual(["true", "The message was scanned by Cisco's anti-spam engine."]);
    expect(f.get("X-IPAS-Result")?.[1]).toBeNull();
  });

  it("Mimecast's score is shown without a verdict (sample-5291)", () => {
    const r = vendor(fixture("phishing_pot__sample-5291"), "Mimecast");
    expect([r.verdict, r.score]).toEqual(["unknown", 3]);
  });
});
