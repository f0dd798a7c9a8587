/**
 * Issue 13: each hop's network owner (from.asn, from.country) with the server's offline lookup,
 * and the network-mismatch finding when a client's name claims an operator whose networks the
 * address's AS is not one of.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import type { IpInfoLookup } from "@/lib/analysis/types";
import { lookupIpInfo } from "@/lib/ipinfo/load";

const ROOT = path.resolve(__dirname, "../fixtures");
const shaped = (name: string) => readFileSync(path.join(ROOT, "issue-13", name), "utf8");

describe("from.asn and from.country", () => {
  it("are filled from the injected lookup: Gmail's outbound address is Google's AS15169", () => {
    const a = analyze(shaped("helo-google-genuine.txt"), { ipInfo: lookupIpInfo });
    expect(a.hops[1].from?.asn).toEqual({ number: 15169, name: "Google LLC" });
    expect(a.hops[1].from?.country).toBe("US");
    expect(a.warnings.map((w) => w.code)).not.toContain("network-mismatch");
  });

  it("are absent without a lookup (the engine does no I/O; old analyses and shares lack them)", () => {
    const a = analyze(shaped("helo-google-genuine.txt"));
    expect(a.hops[1].from).not.toHaveProperty("asn");
    expect(a.hops[1].from).not.toHaveProperty("country");
  });

  it("are null for a private client address", () => {
    const a = analyze(shaped("sender-queue-dkim.txt"), { ipInfo: lookupIpInfo });
    expect(a.hops[0].from?.ip).toBe("10.1.2.3");
    expect(a.hops[0].from?.asn).toBeNull();
    expect(a.hops[0].from?.country).toBeNull();
  });

  it("a failing or lying lookup costs nothing: nulls, no throw", () => {
    const throwing: IpInfoLookup = () => {
      throw new Error("boom");
    };
    const junk = (() => ({ asn: { number: "x", name: 1 }, country: "usa" })) as unknown as IpInfoLookup;
    for (const ipInfo of [throwing, junk]) {
      const a = analyze(shaped("helo-google-genuine.txt"), { ipInfo });
      expect(a.hops[1].from?.asn).toBeNull();
      expect(a.hops[1].from?.country).toBeNull();
    }
  });
});

describe("network-mismatch", () => {
  it("HELO mail-sor-f41.google.com from a DigitalOcean address is flagged, naming the AS", () => {
    const a = analyze(shaped("helo-google-from-digitalocean.txt"), { ipInfo: lookupIpInfo });
    const f = a.hops[0].findings.find((x) => x.code === "network-mismatch");
    expect(f?.severity).toBe("warning");
    expect(f?.message).toMatch(/AS14061 \(DigitalOcean, LLC\), not to Google's networks/);
    expect(a.warnings.map((w) => `${w.code}@${w.hop}`)).toContain("network-mismatch@1");
  });

  it("the genuine HELO from Google's own address is not", () => {
    const a = analyze(shaped("helo-google-genuine.txt"), { ipInfo: lookupIpInfo });
    expect(a.hops.flatMap((h) => h.findings).map((f) => f.code)).not.toContain("network-mismatch");
  });

  it("a reverse-DNS name claiming Microsoft from another network is flagged too; an unknown AS says nothing", () => {
    const raw = "Received: from unknown (mail-am6eur05on2052.outbound.protection.outlook.com [159.89.102.17]) by mx.recipient-corp.com (Postfix) with ESMTP id 1; Mon, 9 Nov 2026 10:00:02 +0000\nFrom: a@b.com\n";
    expect(analyze(raw, { ipInfo: lookupIpInfo }).warnings.map((w) => w.code)).toContain("network-mismatch");
    const unknown: IpInfoLookup = () => ({ asn: null, country: null });
    expect(analyze(raw, { ipInfo: unknown }).warnings.map((w) => w.code)).not.toContain("network-mismatch");
  });

  it("a client that logged in names itself as it likes: no finding", () => {
    const raw = "Received: from mail-sor-f41.google.com (unknown [159.89.102.17]) by smtp.recipient-corp.com (Postfix) with ESMTPSA id 1; Mon, 9 Nov 2026 10:00:02 +0000\nFrom: a@b.com\n";
    expect(analyze(raw, { ipInfo: lookupIpInfo }).warnings.map((w) => w.code)).not.toContain("network-mismatch");
  });

  it("over the real fixture corpus it fires only on the spoofed bare hotmail.com HELO (phishing_pot 1406)", () => {
    const dir = path.join(ROOT, "headers");
    const flagged: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt")).sort()) {
      let codes: string[];
      try {
        codes = analyze(readFileSync(path.join(dir, f), "utf8"), { ipInfo: lookupIpInfo }).warnings.map((w) => w.code);
      } catch {
        continue;
      }
      if (codes.includes("network-mismatch")) flagged.push(f);
    }
    expect(flagged).toEqual(["phishing_pot__sample-1406.txt"]);
  });
});
