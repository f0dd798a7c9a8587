/**
 * Two journeys in one header block (issue 10): a message delivered, then sent again with its old
 * Received chain kept (mutt's bounce, a redirect, a resend). The restart (route/restarts.ts)
 * starts a new trail; the older trail's dates are reported once as an earlier trail (info) and
 * compared only with each other, never as implausible-date criticals against the new journey.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, type Analysis } from "@/lib/analysis";

const load = (name: string) => readFileSync(path.resolve(__dirname, "../fixtures/issue-10", name), "utf8");
const codes = (a: Analysis) => a.warnings.map((w) => `${w.code}@${w.hop ?? "-"}:${w.severity}`);

function oneBorderPerTrail(a: Analysis): void {
  for (let t = 1; t <= a.summary.trails; t++) {
    const types = a.hops.filter((h) => h.trail === t).map((h) => h.relayType);
    expect(types.filter((x) => x === "mx" || x === "backup-mx").length, `trail ${t}: ${types.join(" ")}`).toBeLessThanOrEqual(1);
  }
  expect(a.summary.borders).toHaveLength(a.summary.trails);
}

describe("a resent message (Resent-* between the two chains, 204 days apart)", () => {
  const a = analyze(load("resent-mutt-bounce.txt"));

  it("has two trails: the older chain is trail 2, the resend trail 1", () => {
    expect(a.summary.trails).toBe(2);
    expect(a.hops.map((h) => h.trail)).toEqual([2, 2, 2, 1, 1]);
    expect(a.summary.borders.map((b) => [b.trail, b.hop])).toEqual([[1, 5], [2, 2]]);
    oneBorderPerTrail(a);
  });

  it("reports the older trail once as an earlier trail (info), not as implausible dates", () => {
    expect(codes(a)).toEqual(["earlier-trail@4:info"]);
    expect(a.warnings[0].message).toMatch(/^Hops 1-3 are an earlier trail \(dated 2023-07-10, 203\.8 days before hop 4\)/);
    expect(a.warnings[0].message).toMatch(/Resent-\* fields sit between/);
  });

  it("types the first journey's last hop as its delivery and the resend as a new submission", () => {
    expect(a.hops.map((h) => h.relayType)).toEqual(["submission", "mx", "delivery", "submission", "mx"]);
  });

  it("keeps the contract's delaySeconds (the gap is still this timestamp minus the previous)", () => {
    expect(a.hops[3].delaySeconds).toBe(17_607_596);
  });
});

describe("a message delivered to a mailbox, then submitted again 20 days later (no Resent-*)", () => {
  const a = analyze(load("redelivered-after-mailbox.txt"));

  it("restarts at the new submission: two trails, one border each", () => {
    expect(a.hops.map((h) => h.trail)).toEqual([2, 2, 1, 1]);
    oneBorderPerTrail(a);
  });

  it("has no slow-hop, clock-skew or chain-break at the restart, only the earlier trail", () => {
    expect(codes(a)).toEqual(["earlier-trail@3:info"]);
  });
});

describe("Resent-* fields at the top and a date jump of months", () => {
  it("still restart the trail (the resent block above every Received)", () => {
    const raw = load("resent-mutt-bounce.txt");
    const resent = raw.match(/^Resent-.*\n/gm)?.join("") ?? "";
    const moved = resent + raw.replace(/^Resent-.*\n/gm, "");
    const a = analyze(moved);
    expect(a.summary.trails).toBe(2);
    expect(codes(a)).toEqual(["earlier-trail@4:info"]);
  });
});

describe("what is not a restart", () => {
  it("a forged bottom header dated years before the others stays an implausible date (critical)", () => {
    const headers = `Received: from mx.recipient-corp.com (mx.recipient-corp.com [192.0.2.10]) by store.recipient-corp.com (Postfix) with ESMTP id 3; Mon, 9 Nov 2026 10:00:03 +0000
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx.recipient-corp.com (Postfix) with ESMTPS id 2; Mon, 9 Nov 2026 10:00:02 +0000
Received: from app.sendco.net (app.sendco.net [203.0.113.8]) by mail.sendco.net (Postfix) with ESMTP id 1; Mon, 9 Nov 2026 10:00:01 +0000
Received: from trusted.bank-example.com (trusted.bank-example.com [198.51.100.1]) by relay.bank-example.com with ESMTPS id 0; Tue, 3 Feb 2015 08:00:00 +0000
`;
    const a = analyze(headers);
    expect(a.summary.trails).toBe(1);
    expect(codes(a)).toContain("implausible-date@1:critical");
    expect(codes(a).some((c) => c.startsWith("earlier-trail"))).toBe(false);
  });

  it("a fetchmail pull hours after delivery is the same journey", () => {
    const headers = `Received: from pop.provider-mail.com [198.51.100.60] by localhost with POP3 (fetchmail-6.4.37) for <me@localhost> (single-drop); Tue, 30 Jan 2024 05:00:00 +0000
Received: from mx.provider-mail.com (mx.provider-mail.com [198.51.100.61]) by store.provider-mail.com (Dovecot) with LMTP id a1; Mon, 29 Jan 2024 09:00:02 +0000
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by mx.provider-mail.com (Postfix) with ESMTPS id a0; Mon, 29 Jan 2024 09:00:01 +0000
`;
    const a = analyze(headers);
    expect(a.summary.trails).toBe(1);
    expect(codes(a).some((c) => c.startsWith("earlier-trail"))).toBe(false);
  });

  it("a laptop's queue held for 13 h before submission is one journey (no delivery before it)", () => {
    const headers = `Received: from laptop.sendco.net (dsl-44.isp-dsl.net [198.51.100.44]) by smtp.sendco.net (Postfix) with ESMTPSA id b1; Tue, 30 Jan 2024 22:00:00 +0000
Received: by laptop.sendco.net (Postfix, from userid 1000) id b0; Tue, 30 Jan 2024 09:00:00 +0000
`;
    expect(analyze(headers).summary.trails).toBe(1);
  });
});

describe("dates are still compared within each trail", () => {
  it("a forged date inside the older trail is an implausible date there", () => {
    const raw = load("resent-mutt-bounce.txt").replace("Mon, 10 Jul 2023 14:00:03 +0000 (UTC)", "Tue, 3 Feb 2015 08:00:00 +0000");
    const a = analyze(raw);
    expect(codes(a)).toContain("implausible-date@1:critical");
    expect(codes(a)).not.toContain("implausible-date@4:critical");
    expect(codes(a)).toContain("earlier-trail@4:info");
  });
});
