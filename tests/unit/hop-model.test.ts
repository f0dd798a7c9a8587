import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { slowestHopIndex } from "@/components/analysis/hop-model";

const FORGED = `Received: from mx.recipient-corp.com (mx.recipient-corp.com [192.0.2.10]) by store.recipient-corp.com (Postfix) with LMTP id 3; Mon, 9 Nov 2026 10:20:03 +0000
Received: from app.sendco.net (app.sendco.net [203.0.113.8]) by mx.recipient-corp.com (Postfix) with ESMTP id 2; Mon, 9 Nov 2026 10:00:02 +0000
Received: from trusted.bank-example.com (trusted.bank-example.com [198.51.100.1]) by relay.bank-example.com with ESMTPS id 0; Tue, 3 Feb 2015 08:00:00 +0000
`;

describe("slowest hop on the page", () => {
  it("is never the gap next to a forged (implausible) date: that gap is not queueing", () => {
    const a = analyze(FORGED);
    expect(a.hops[0].findings.map((f) => f.code)).toContain("implausible-date");
    expect(slowestHopIndex(a.hops)).toBe(3);
  });
});
