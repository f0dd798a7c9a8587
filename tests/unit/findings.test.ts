/**
 * Findings: stable codes, a severity, one sentence, the hop they concern. Small realistic chains,
 * latest header first (as MTAs prepend them).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";

const fixtureAnalysis = (name: string) => analyze(readFileSync(path.resolve(__dirname, "../fixtures/headers", `${name}.txt`), "utf8"));

interface Case {
  name: string;
  headers: string;
  /** "code@hop:severity" for every finding in warnings, most severe first. */
  warnings: string[];
}

const CASES: Case[] = [
  {
    name: "a plaintext hop between two organisations over public addresses is a warning",
    headers: `Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by mx.recipient-corp.com (Postfix) with ESMTP id 1 for <bob@recipient-corp.com>; Mon, 9 Nov 2026 10:00:02 +0000
Received: from [10.0.0.8] (unknown [198.51.100.7]) by mail.sendco.net (Postfix) with ESMTPSA id 0; Mon, 9 Nov 2026 10:00:01 +0000
`,
    warnings: ["plaintext-hop@2:warning"],
  },
  {
    name: "a few seconds of negative delay is clock skew (info), reported as skew and never as a delay",
    headers: `Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.recipient-corp.com (Postfix) with ESMTPS id 1; Mon, 9 Nov 2026 09:59:46 +0000
Received: from localhost (localhost [127.0.0.1]) by mail.sendco.net (Postfix) with ESMTP id 0; Mon, 9 Nov 2026 10:00:00 +0000
`,
    warnings: ["clock-skew@2:info"],
  },
  {
    name: "a forged bottom header dated years before the others is an implausible date",
    headers: `Received: from mx.recipient-corp.com (mx.recipient-corp.com [192.0.2.10]) by store.recipient-corp.com (Postfix) with ESMTP id 3; Mon, 9 Nov 2026 10:00:03 +0000
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.recipient-corp.com (Postfix) with ESMTPS id 2; Mon, 9 Nov 2026 10:00:02 +0000
Received: from app.sendco.net (app.sendco.net [203.0.113.8]) by mail.sendco.net (Postfix) with ESMTP id 1; Mon, 9 Nov 2026 10:00:01 +0000
Received: from trusted.bank-example.com (trusted.bank-example.com [198.51.100.1]) by relay.bank-example.com with ESMTPS id 0; Tue, 3 Feb 2015 08:00:00 +0000
`,
    warnings: ["implausible-date@1:critical", "chain-break@2:warning"],
  },
  {
    name: "a hop that holds most of a long delivery is called out as the slow hop",
    headers: `Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.recipient-corp.com (Postfix) with ESMTPS id 1; Mon, 9 Nov 2026 12:01:00 +0000
Received: from localhost (localhost [127.0.0.1]) by mail.sendco.net (Postfix) with ESMTP id 0; Mon, 9 Nov 2026 10:00:00 +0000
`,
    warnings: ["slow-hop@2:warning"],
  },
  {
    name: "Sendmail's '(may be forged)' is reported",
    headers: `Received: from mail.sendco.net (host.dsl-pool.net [198.51.100.9] (may be forged)) by mx.recipient-corp.com (8.17.1/8.17.1) with ESMTP id 1 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO); Mon, 9 Nov 2026 10:00:02 +0000
`,
    warnings: ["may-be-forged@1:warning"],
  },
  {
    name: "a date that cannot be read keeps the hop and says so",
    headers: `Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by mx.recipient-corp.com with ESMTPS id 1; 32 Foo 99999 25:61
`,
    warnings: ["unreadable-date@1:warning"],
  },
  {
    name: "more than 100 Received headers are cut to the latest 100 with a warning",
    headers: Array.from({ length: 105 }, (_, i) => `Received: from a${i}.sendco.net ([10.0.0.${i % 250}]) by b${i}.sendco.net with ESMTPS id ${i}; Mon, 9 Nov 2026 10:00:00 +0000\n`).join(""),
    warnings: ["hops-truncated:warning"],
  },
];

describe("findings", () => {
  it.each(CASES)("$name", ({ headers, warnings }) => {
    const a = analyze(headers);
    expect(a.warnings.map((f) => `${f.code}${f.hop ? "@" + f.hop : ""}:${f.severity}`)).toEqual(warnings);
    for (const f of a.warnings) {
      expect(f.message).toMatch(/^[A-Z].*[.!]$/);
      if (f.hop) expect(a.hops[f.hop - 1].findings).toContainEqual(f);
    }
  });

  it("after a sending service's hop, a customer-branded client inside its networks is no break; one outside them is", () => {
    const esp = "Received: by geopod-ismtpd-5-1 (SG) with HTTP id aBcD; Mon, 9 Nov 2026 10:00:00 +0000 (UTC)\n";
    const tail = "From: a@shop.example\nTo: b@recipient.example\n";
    const inside = analyze("Received: from o9.sgmail.shop-mail.de (o9.sgmail.shop-mail.de [167.89.10.9]) by mx.recipient.example (Postfix) with ESMTPS id 4Ab; Mon, 9 Nov 2026 10:00:02 +0000\n" + esp + tail);
    expect(inside.hops[1].findings.map((f) => f.code)).not.toContain("chain-break");
    const outside = analyze("Received: from mail.replayer-shop.de (mail.replayer-shop.de [185.236.231.69]) by mx.recipient.example (Postfix) with ESMTPS id 4Ab; Mon, 9 Nov 2026 10:20:02 +0000\n" + esp + tail);
    expect(outside.hops[1].findings.map((f) => f.code)).toContain("chain-break");
  });

  it("a content filter's hop records the MTA's original client, not the previous server: no chain-break there (amavisd-new on the IETF list server)", () => {
    const a = analyze(readFileSync(path.resolve(__dirname, "../fixtures/headers/mail-auth__arc-001-ietf-list.txt"), "utf8"));
    expect(a.hops[2].findings.map((f) => f.code)).not.toContain("chain-break");
    // A rename without such a record stays a break (ietfa.amsl.com, then mail.ietf.org into Gmail).
    expect(a.hops[6].findings.map((f) => f.code)).toContain("chain-break");
  });

  it("a date in whole seconds is compared in whole seconds: SendGrid's 20:23:43.0979541 then Microsoft's 20:23:43 is the same second, no clock skew", () => {
    const a = analyze(
      "Received: from o1.sendgrid.example (o1.sendgrid.example [167.89.10.9]) by mx.recipient.example (Postfix) with ESMTPS id 4Ab; Tue, 12 Dec 2023 20:23:43 +0000\n" +
        "Received: by filterdrecv-67b59c969b-vd5ww with SMTP id filterdrecv-67b59c969b-vd5ww-1-6578C11F-2 2023-12-12 20:23:43.0979541 +0000 UTC\n" +
        "From: a@shop.example\nTo: b@recipient.example\n",
    );
    expect(a.hops[1].delaySeconds).toBe(0);
    expect(a.warnings.map((f) => f.code)).not.toContain("clock-skew");
    // Both with fractions: compared to the millisecond.
    const b = analyze(
      "Received: from o1.sendgrid.example (o1.sendgrid.example [167.89.10.9]) by mx.recipient.example with ESMTPS id 4Ab; 2023-12-12 20:23:43.050 +0000 UTC\n" +
        "Received: by filterdrecv-67b59c969b-vd5ww with SMTP id f-1 2023-12-12 20:23:43.0979541 +0000 UTC\n" +
        "From: a@shop.example\nTo: b@recipient.example\n",
    );
    expect(b.hops[1].delaySeconds).toBe(-0.047);
  });

  it("every hold of an hour or more is a slow hop, also when others held the message as long (queues at two servers)", () => {
    const a = analyze(
      "Received: from relay.sendco.net (relay.sendco.net [203.0.113.9]) by mx.recipient.example (Postfix) with ESMTPS id 3; Mon, 9 Nov 2026 15:00:00 +0000\n" +
        "Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by relay.sendco.net (Postfix) with ESMTPS id 2; Mon, 9 Nov 2026 12:00:00 +0000\n" +
        "Received: from [10.0.0.8] (unknown [198.51.100.7]) by mail.sendco.net (Postfix) with ESMTPSA id 1; Mon, 9 Nov 2026 10:00:00 +0000\n" +
        "From: a@sendco.net\nTo: b@recipient.example\n",
    );
    const slow = a.warnings.filter((f) => f.code === "slow-hop");
    expect(slow.map((f) => [f.hop, f.severity])).toEqual([[2, "warning"], [3, "warning"]]);
    expect(slow[0].message).toContain("one of several long holds (5 h in all)");
  });

  it("real mail: three queues of hours each are three slow hops (phishing_pot sample-2219); SendGrid's fractional second then Microsoft's is no skew (sample-2179)", () => {
    const slow = fixtureAnalysis("phishing_pot__sample-2219").warnings.filter((f) => f.code === "slow-hop").map((f) => f.hop);
    expect(slow).toEqual([2, 4, 6]);
    expect(fixtureAnalysis("phishing_pot__sample-2179").warnings.map((f) => f.code)).not.toContain("clock-skew");
  });

  it("an application greeting its sending service as localhost is an info, not the warning it is at a border (Mailgun, phishing_pot sample-3390)", () => {
    const f = fixtureAnalysis("phishing_pot__sample-3390").warnings.find((w) => w.code === "helo-mismatch");
    expect(f).toMatchObject({ hop: 1, severity: "info" });
    expect(fixtureAnalysis("phishing_pot__sample-2417").warnings.find((w) => w.code === "helo-mismatch")?.severity).toBe("warning");
  });

  it("keeps a negative delay negative (never wrapped into a day-long delay)", () => {
    const a = analyze(CASES[1].headers);
    expect(a.hops[1].delaySeconds).toBe(-14);
    expect(a.summary.totalDelaySeconds).toBe(-14);
  });

  it("keeps header order even when a forged bottom header is dated earliest or latest", () => {
    const a = analyze(CASES[2].headers);
    expect(a.hops.map((h) => h.by?.host)).toEqual([
      "relay.bank-example.com",
      "mail.sendco.net",
      "mx.recipient-corp.com",
      "store.recipient-corp.com",
    ]);
  });
});
