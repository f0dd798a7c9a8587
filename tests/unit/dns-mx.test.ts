/**
 * options.dns: live MX records as evidence (looked up outside the engine, with a fake resolver
 * here; CI has no network). A failed or slow look-up never breaks or blocks the analysis.
 */
import { lookupIpInfo } from "@/lib/ipinfo/load";
import { beforeEach, describe, expect, it } from "vitest";
import { analyze, readMessage, recipientDomains } from "@/lib/analysis";
import { analyzeWithDns } from "@/lib/dns/analyze-with-dns";
import { clearMxCache, lookupMx, MAX_DOMAINS, type MxResolver } from "@/lib/dns/mx";

const HEADERS = `Received: from relay7.example.org (relay7.example.org [198.51.100.20]) by mail.example.org (Postfix) with ESMTPS id 4B2 for <bob@example.org>; Mon, 9 Nov 2026 12:01:09 +0000
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by relay7.example.org (Postfix) with ESMTPS id 9F1 for <bob@example.org>; Mon, 9 Nov 2026 10:00:01 +0000
Received: from [192.168.1.20] (unknown [198.51.100.77]) (Authenticated sender: alice@sendco.net) by mail.sendco.net (Postfix) with ESMTPSA id 1A2; Mon, 9 Nov 2026 10:00:00 +0000
To: bob@example.org
`;

function fakeResolver(table: Record<string, { exchange: string; priority: number }[] | Error | "hang">) {
  const calls: string[] = [];
  const resolver: MxResolver = {
    resolveMx(domain) {
      calls.push(domain);
      const v = table[domain];
      if (v === "hang") return new Promise(() => {});
      if (v instanceof Error || v === undefined) return Promise.reject(v ?? new Error("ENOTFOUND"));
      return Promise.resolve(v);
    },
  };
  return { resolver, calls };
}

beforeEach(() => clearMxCache());

describe("MX look-ups for options.dns", () => {
  it("normalises exchanges (lower-case, no trailing dot) and leaves out domains that fail", async () => {
    const { resolver } = fakeResolver({
      "example.org": [{ exchange: "Mail.Example.org.", priority: 10 }, { exchange: "relay7.example.org", priority: 20 }],
      "broken.example": new Error("ESERVFAIL"),
    });
    expect(await lookupMx(["example.org", "broken.example"], { resolver })).toEqual([
      { domain: "example.org", hosts: [{ host: "mail.example.org", priority: 10 }, { host: "relay7.example.org", priority: 20 }] },
    ]);
  });

  it("gives up on a resolver that never answers, within its timeout", async () => {
    const { resolver } = fakeResolver({ "slow.example": "hang" });
    const t0 = Date.now();
    expect(await lookupMx(["slow.example"], { resolver, timeoutMs: 50 })).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it("asks about at most MAX_DOMAINS domains and caches answers", async () => {
    const { resolver, calls } = fakeResolver({ "a.example": [{ exchange: "mx.a.example", priority: 5 }] });
    await lookupMx(["a.example", "b.example", "c.example", "d.example", "e.example"], { resolver });
    expect(calls).toHaveLength(MAX_DOMAINS);
    await lookupMx(["a.example"], { resolver });
    expect(calls).toHaveLength(MAX_DOMAINS);
  });

  it("takes the recipient domains from the envelope recipients first, then the delivery headers", () => {
    expect(recipientDomains(readMessage(HEADERS))).toEqual(["example.org"]);
  });

  it("a host listed at a lower priority than the domain's best MX is a backup MX, with the records as evidence", async () => {
    const { resolver } = fakeResolver({
      "example.org": [{ exchange: "mail.example.org", priority: 10 }, { exchange: "relay7.example.org", priority: 20 }],
    });
    const a = await analyzeWithDns(HEADERS, { dns: true }, true, resolver);
    // A trail enters the recipient's side once: the backup MX is the border, the primary it hands
    // the message to is the MX ("backup-mx then mx").
    expect(a.hops.map((h) => h.relayType)).toEqual(["submission", "backup-mx", "mx"]);
    expect(a.summary.border.hop).toBe(2);
    expect(a.hops[1].findings).toContainEqual(
      expect.objectContaining({ code: "mx-record", severity: "info", hop: 2 }),
    );
    expect(a.hops[1].findings.find((f) => f.code === "mx-record")?.message).toBe(
      "relay7.example.org is listed as a priority 20 MX of example.org; the preferred MX is mail.example.org (priority 10).",
    );
  });

  it("without dns, or when the server disallows it, the same headers rest on names alone", async () => {
    const { resolver, calls } = fakeResolver({ "example.org": [{ exchange: "relay7.example.org", priority: 20 }] });
    const off = await analyzeWithDns(HEADERS, { dns: false }, true, resolver);
    const disallowed = await analyzeWithDns(HEADERS, { dns: true }, false, resolver);
    expect(calls).toEqual([]);
    // The API's analyses always carry the offline network owners (issue 13), never MX evidence here.
    expect(off).toEqual(analyze(HEADERS, { ipInfo: lookupIpInfo }));
    expect(disallowed).toEqual(analyze(HEADERS, { ipInfo: lookupIpInfo }));
    expect(off.hops[1].relayType).toBe("mx");
  });
});
