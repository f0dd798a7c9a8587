/**
 * Forwarded mail and ARC (verdict/arc.ts): a DMARC failure after forwarding is no spoofing
 * evidence when the recipient says it accepted the message on the DMARC pass its ARC chain
 * records (Gmail: disposition none under p=reject with arc=pass; Microsoft 365: compauth=pass).
 * A chain the recipient only validated is a claim of its sealer's, and the failure stands.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { codes, fixture } from "../helpers/genuine";

/**
 * A message forwarded from a first receiver (mx.first.example, ARC set i=1) to Gmail, whose
 * Authentication-Results line is `gmailDmarc`; the sealer of i=1 is `sealer`.
 */
function forwardedToGmail(opts: { gmailDmarc: string; arc?: string; firstDmarc?: string; sealer?: string; from?: string }): string {
  const from = opts.from ?? "alice@sender.example";
  return [
    "Received: by 2002:a05:6402:1:0:0:0:0 with SMTP id a1csp1;",
    "        Mon, 2 Nov 2020 01:57:25 -0800 (PST)",
    "Authentication-Results: mx.google.com;",
    `       arc=${opts.arc ?? "pass"} (i=1 spf=pass spfdomain=sender.example dmarc=pass fromdomain=sender.example);`,
    "       spf=pass (google.com: domain of list@forwarder.example designates 203.0.113.9 as permitted sender) smtp.mailfrom=list@forwarder.example;",
    `       ${opts.gmailDmarc} header.from=${from.split("@")[1]}`,
    "Received: from mail.forwarder.example (mail.forwarder.example. [203.0.113.9])",
    "        by mx.google.com with ESMTPS id e21si2892698lfq.1.2020.11.02.01.57.24",
    "        for <bob@gmail.com>",
    "        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);",
    "        Mon, 02 Nov 2020 01:57:24 -0800 (PST)",
    `ARC-Seal: i=1; a=rsa-sha256; t=1604311043; cv=none; d=${opts.sealer ?? "forwarder.example"}; s=arc; b=AAAA`,
    "ARC-Authentication-Results: i=1; mx.forwarder.example;",
    "       spf=pass smtp.mailfrom=alice@sender.example;",
    `       ${opts.firstDmarc ?? "dmarc=pass (p=REJECT sp=REJECT dis=NONE)"} header.from=sender.example`,
    "Received: from out.sender.example (out.sender.example [198.51.100.7])",
    "        by mail.forwarder.example (Postfix) with ESMTPS id 4AB12C0001",
    "        for <alice-list@forwarder.example>; Mon, 02 Nov 2020 09:57:20 +0000",
    `From: Alice <${from}>`,
    "To: list@forwarder.example",
    "Subject: forwarded",
    "Date: Mon, 02 Nov 2020 09:57:17 +0000",
    "",
  ].join("\r\n");
}

describe("ARC and forwarded mail", () => {
  it("Gmail accepted a forwarded message on its ARC chain: dis=NONE under p=REJECT (mailauth arc-fail)", () => {
    const a = fixture("mailauth__arc-fail");
    expect(a.summary.verdict).toMatchObject({
      tone: "good",
      text: "Authenticated: DMARC passed before forwarding, as the ARC set i=1 (sealed by google.com, results by mx.google.com) records; mx.google.com accepted it (dis=none under p=reject, arc=pass)",
    });
    const dmarc = a.warnings.find((w) => w.code === "dmarc-fail")!;
    expect(dmarc.severity).toBe("info");
    expect(dmarc.message).toContain("after forwarding");
    const override = a.warnings.find((w) => w.code === "arc-override")!;
    expect(override).toMatchObject({ severity: "info" });
    expect(override.message).toContain("records DMARC pass for zone.ee");
  });

  it("Microsoft 365 accepted it: compauth=pass reason=130 beside dmarc=fail, and its arc=pass (sample-1011); the spam verdict still leads", () => {
    const a = fixture("phishing_pot__sample-1011");
    expect(a.summary.verdict?.text).toBe("Marked as spam by Microsoft 365 (SCL 5)");
    expect(a.summary.verdict?.basis).toContain("Yet: DMARC passed before forwarding, as the ARC set i=1 (sealed by google.com, results by mx.google.com) records; Microsoft 365 accepted it (compauth=pass reason=130)");
    expect(a.warnings.find((w) => w.code === "dmarc-fail")?.severity).toBe("info");
    expect(codes(a)).toContain("arc-override");
  });

  it("another compauth pass reason (116: reverse DNS) is not an ARC override: the failure stands", () => {
    const raw = readFileSync(path.resolve(__dirname, "../fixtures/headers/phishing_pot__sample-1011.txt"), "utf8").replace("compauth=pass reason=130", "compauth=pass reason=116");
    const a = analyze(raw);
    expect(codes(a)).not.toContain("arc-override");
    const dmarc = a.warnings.find((w) => w.code === "dmarc-fail")!;
    expect(dmarc.severity).toBe("warning");
    expect(dmarc.message).toContain("claims an earlier DMARC pass");
  });

  it("a synthetic Gmail forward reads the same way", () => {
    const a = analyze(forwardedToGmail({ gmailDmarc: "dmarc=fail (p=REJECT sp=REJECT dis=NONE arc=pass)" }));
    expect(a.summary.verdict?.tone).toBe("good");
    expect(a.summary.verdict?.text).toContain("the ARC set i=1 (sealed by forwarder.example, results by mx.forwarder.example)");
  });

  it("a disposition of none counts only with the words that ARC decided it: Fastmail's arc_aware_result=pass, not the property or d=none alone", () => {
    const fastmail = analyze(forwardedToGmail({ gmailDmarc: "dmarc=fail (p=reject,d=none,d.eval=reject,arc_aware_result=pass)" }));
    expect(codes(fastmail)).toContain("arc-override");
    for (const dmarc of [
      "dmarc=fail policy.published-domain-policy=reject policy.applied-disposition=none",
      "dmarc=fail (p=reject,d=none,d.eval=reject)",
      "dmarc=fail (p=reject,has-list-id=yes,d=none,d.eval=reject,override=mailing_list,arc_aware_result=pass)",
    ]) {
      expect(codes(analyze(forwardedToGmail({ gmailDmarc: dmarc })))).not.toContain("arc-override");
    }
  });

  it("a List-Id override with the sender's own ARC set is no acceptance (forged: Fastmail's override=mailing_list)", () => {
    const a = analyze(readFileSync(path.resolve(__dirname, "../fixtures/forged/arc-fastmail-list-override.txt"), "utf8"));
    expect(a.summary.verdict?.tone).toBe("bad");
    expect(codes(a)).not.toContain("arc-override");
    expect(a.warnings.find((w) => w.code === "dmarc-fail")?.message).toContain("sealed by evil.example");
  });

  it("the recipient's topmost header decides: a forged mx.google.com header under Gmail's Received cannot turn dis=QUARANTINE into an acceptance", () => {
    const a = analyze(readFileSync(path.resolve(__dirname, "../fixtures/forged/arc-gmail-lower-header.txt"), "utf8"));
    expect(a.summary.verdict).toMatchObject({ tone: "bad", text: "Not authenticated: DMARC failed for bank.example (published policy quarantine), recorded by mx.google.com" });
    expect(codes(a)).not.toContain("arc-override");
  });

  it("Gmail applied the policy (dis=QUARANTINE): the failure stands, the earlier pass is only a sealer's claim", () => {
    const a = analyze(forwardedToGmail({ gmailDmarc: "dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE arc=pass)" }));
    expect(a.summary.verdict).toMatchObject({ tone: "bad", text: "Not authenticated: DMARC failed for sender.example (published policy reject), recorded by mx.google.com" });
    const dmarc = a.warnings.find((w) => w.code === "dmarc-fail")!;
    expect(dmarc.severity).toBe("warning");
    expect(dmarc.message).toContain("claims an earlier DMARC pass");
    expect(codes(a)).not.toContain("arc-override");
  });

  it("under p=none a disposition of none says nothing about ARC: no override", () => {
    const a = analyze(forwardedToGmail({ gmailDmarc: "dmarc=fail (p=NONE sp=NONE dis=NONE arc=pass)" }));
    expect(a.summary.verdict?.tone).toBe("bad");
    expect(codes(a)).not.toContain("arc-override");
  });

  it("a chain that did not validate at the recipient (arc=fail) is not evidence at all", () => {
    const a = analyze(forwardedToGmail({ gmailDmarc: "dmarc=fail (p=REJECT sp=REJECT dis=NONE arc=fail)", arc: "fail" }));
    const dmarc = a.warnings.find((w) => w.code === "dmarc-fail")!;
    expect(dmarc.severity).toBe("warning");
    expect(dmarc.message).not.toContain("claims an earlier DMARC pass");
    expect(codes(a)).not.toContain("arc-override");
  });

  it("an ARC set that records DMARC pass for another organisation does not speak for the From domain", () => {
    const a = analyze(forwardedToGmail({ gmailDmarc: "dmarc=fail (p=REJECT sp=REJECT dis=NONE arc=pass)", from: "ceo@bank.example" }));
    expect(a.summary.verdict?.tone).toBe("bad");
    expect(codes(a)).not.toContain("arc-override");
  });

  it("a subdomain's mail: sp= applies only when the header says so (policy.policy-from=sp); p=NONE sp=REJECT alone is unknown", () => {
    const opts = { from: "news@mail.sender.example", firstDmarc: "dmarc=pass (p=NONE sp=REJECT dis=NONE)" };
    expect(codes(analyze(forwardedToGmail({ ...opts, gmailDmarc: "dmarc=fail (p=NONE sp=REJECT dis=NONE arc=pass)" })))).not.toContain("arc-override");
    expect(codes(analyze(forwardedToGmail({ ...opts, gmailDmarc: "dmarc=fail policy.policy-from=sp (p=NONE sp=REJECT dis=NONE arc=pass)" })))).toContain("arc-override");
    expect(codes(analyze(forwardedToGmail({ ...opts, gmailDmarc: "dmarc=fail (p=REJECT sp=REJECT dis=NONE arc=pass)" })))).toContain("arc-override");
  });
});

describe("mailing lists and DMARC", () => {
  it("a list message failing DMARC says which list changed it and what the list's server recorded (IETF Mailman to Gmail)", () => {
    const a = fixture("mail-auth__arc-001-ietf-list");
    const dmarc = a.warnings.find((w) => w.code === "dmarc-fail")!;
    expect(dmarc.severity).toBe("warning");
    expect(dmarc.message).toContain("names the mailing list jmap.ietf.org (List-Id, which a sender can write too)");
    expect(dmarc.message).toContain("the recipient found the From domain's DKIM signature neutral");
    expect(dmarc.message).toContain("ietfa.amsl.com recorded DKIM pass for stalw.art (a claim of a server before the recipient)");
    // Context, not a decision: the verdict is still that DMARC failed.
    expect(a.summary.verdict).toMatchObject({ tone: "bad", text: "Not authenticated: DMARC failed for stalw.art (published policy none), recorded by mx.google.com" });
  });

  it("without a List-Id there is no list context", () => {
    const raw = readFileSync(path.resolve(__dirname, "../fixtures/headers/mail-auth__arc-001-ietf-list.txt"), "utf8").replace(/^List-Id:.*\n/m, "");
    const dmarc = analyze(raw).warnings.find((w) => w.code === "dmarc-fail")!;
    expect(dmarc.message).not.toContain("mailing list");
  });
});
