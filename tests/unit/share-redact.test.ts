import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Analysis, Hop } from "@/lib/analysis/types";
import { displayNames, redactAddressList, redactAnalysis } from "@/lib/share/redact";
import { maskAddresses, maskIps, normaliseIp } from "@/lib/share/redact/mask-text";

/** What must never survive redaction, anywhere in the stored JSON. */
const SECRETS = [
  "jane.doe", "Jane Doe", "bob.smith", "Bob Smith", "Doe, Jane", "carol", "Carol Jones", "198.51.100.23",
  "CAFx7Qabc123", "sig+base64signature", "bodyhash0123", "jdoe-login", "johns-laptop", "jane.private",
];

function hop(p: Partial<Hop>): Hop {
  return {
    index: 1, from: null, by: null, with: null, id: null, for: null, timestamp: null, delaySeconds: null,
    tls: { encrypted: null, version: null, cipher: null }, authenticated: null, relayType: "unknown", operator: null,
    relayReason: "", trust: "sender", trail: 1, raw: "", findings: [], ...p,
  };
}

const SUBMISSION_RAW =
  "from johns-laptop (c-198-51-100-23.example.net [198.51.100.23]) (Authenticated sender: jdoe-login) by smtp.example.com (Postfix) with ESMTPSA id 4AbC; Mon, 9 Nov 2026 15:12:40 +0000";
const MX_RAW =
  "from smtp.example.com (smtp.example.com [203.0.113.5]) by mx.example.org (Postfix) with ESMTPS id 9XyZ (envelope-from <jane.doe@example.com>) for <bob.smith@example.org>; Mon, 9 Nov 2026 15:12:43 +0000";

const ANALYSIS: Analysis = {
  schemaVersion: 1,
  summary: {
    subject: "Lunch with Bob Smith", from: '"Jane Doe" <jane.doe@example.com>', to: "Bob Smith <bob.smith@example.org>",
    date: "2026-11-09T15:12:40Z", messageId: "<CAFx7Qabc123@mail.example.com>", hopCount: 2, totalDelaySeconds: 3,
    tls: "all", sender: { operator: null }, border: { hop: 2, evidence: [] }, trails: 1, borders: [],
  },
  hops: [
    hop({ index: 1, from: { helo: "johns-laptop", rdns: "c-198-51-100-23.example.net", ip: "198.51.100.23" }, by: { host: "smtp.example.com", ip: null },
      with: "ESMTPSA", authenticated: true, relayType: "submission", raw: SUBMISSION_RAW, timestamp: "2026-11-09T15:12:40Z" }),
    hop({ index: 2, from: { helo: "smtp.example.com", rdns: "smtp.example.com", ip: "203.0.113.5" }, by: { host: "mx.example.org", ip: null },
      with: "ESMTPS", for: "bob.smith@example.org", relayType: "mx", raw: MX_RAW, timestamp: "2026-11-09T15:12:43Z",
      findings: [{ code: "mx-record", severity: "info", message: "Delivered for bob.smith@example.org (Bob Smith).", hop: 2 }] }),
  ],
  authentication: {
    spf: [{ result: "pass", domain: "example.com", authservId: "mx.example.org" }], dkim: [], dmarc: [], arc: [],
    alignment: { spf: true, dkim: null },
  },
  warnings: [{ code: "esp-headers-unconfirmed", severity: "warning", message: "Jane Doe wrote from jane.doe@example.com." }],
  headers: [
    { name: "Received", value: MX_RAW },
    { name: "Received", value: SUBMISSION_RAW },
    { name: "From", value: '"Jane Doe" <jane.doe@example.com>' },
    { name: "To", value: "Bob Smith <bob.smith@example.org>, carol@example.org" },
    { name: "Cc", value: '"Doe, Jane" <jane.private@example.net>, Carol Jones <carol@example.org>' },
    { name: "Reply-To", value: "jane.doe@example.com (Jane Doe)" },
    { name: "Return-Path", value: "<jane.doe@example.com>" },
    { name: "Delivered-To", value: "bob.smith@example.org" },
    { name: "X-Original-To", value: "bob.smith@example.org" },
    { name: "Message-ID", value: "<CAFx7Qabc123@mail.example.com>" },
    { name: "DKIM-Signature", value: "v=1; a=rsa-sha256; d=example.com; s=sel; i=jane.doe@example.com; h=from:to; bh=bodyhash0123=; b=sig+base64signature==" },
    { name: "ARC-Seal", value: "i=1; a=rsa-sha256; d=example.org; s=arc; cv=none; b=sig+base64signature" },
    { name: "ARC-Message-Signature", value: "i=1; a=rsa-sha256; d=example.org; s=arc; bh=bodyhash0123; b=sig+base64signature" },
    { name: "Authentication-Results", value: "mx.example.org; spf=pass smtp.mailfrom=jane.doe@example.com; dkim=pass header.i=@example.com; auth=pass smtp.auth=jdoe-login" },
    { name: "Received-SPF", value: "Pass (mx.example.org: domain of jane.doe@example.com designates 203.0.113.5 as permitted sender) client-ip=203.0.113.5; envelope-from=jane.doe@example.com;" },
    { name: "X-Originating-IP", value: "[198.51.100.23]" },
    { name: "Subject", value: "Lunch with Bob Smith" },
  ],
};

describe("redactAnalysis", () => {
  const redacted = redactAnalysis(ANALYSIS);
  const text = JSON.stringify(redacted);

  it.each(SECRETS)("leaves no trace of %s anywhere in the object", (secret) => {
    expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it("keeps domains, servers, timestamps, TLS and relay types", () => {
    expect(redacted.summary.from).toBe("•••@example.com");
    expect(redacted.hops.map((h) => [h.by?.host, h.timestamp, h.with, h.relayType])).toEqual(
      ANALYSIS.hops.map((h) => [h.by?.host, h.timestamp, h.with, h.relayType]),
    );
    expect(redacted.hops[1].from).toEqual(ANALYSIS.hops[1].from);
    expect(redacted.hops[1].for).toBe("•••@example.org");
    expect(redacted.hops[1].raw).toContain("by mx.example.org (Postfix) with ESMTPS id 9XyZ");
    expect(redacted.summary.messageId).toBe("<•••@mail.example.com>");
    expect(redacted.authentication).toEqual(ANALYSIS.authentication);
  });

  it("masks the submission client and keeps the relay's address", () => {
    expect(redacted.hops[0].from).toEqual({ helo: "•••", rdns: "•••", ip: "•••" });
    expect(text).toContain("203.0.113.5");
  });

  it("masks DKIM and ARC signature values but keeps the other tags", () => {
    const dkim = redacted.headers.find((h) => h.name === "DKIM-Signature")?.value;
    expect(dkim).toBe("v=1; a=rsa-sha256; d=example.com; s=sel; i=•••@example.com; h=from:to; bh=•••; b=•••");
  });

  it("keeps RFC 8601 property names in front of masked addresses", () => {
    const ar = redacted.headers.find((h) => h.name === "Authentication-Results")?.value;
    expect(ar).toBe("mx.example.org; spf=pass smtp.mailfrom=•••@example.com; dkim=pass header.i=@example.com; auth=pass smtp.auth=•••");
  });

  it("does not modify its input", () => {
    expect(ANALYSIS.summary.from).toBe('"Jane Doe" <jane.doe@example.com>');
  });

  it("is idempotent", () => {
    expect(redactAnalysis(redacted)).toEqual(redacted);
  });

  it("treats the earliest hop as the submission while the chain is unclassified", () => {
    const r = redactAnalysis({ ...ANALYSIS, hops: [hop({ from: { helo: null, rdns: null, ip: "2001:db8::7" }, raw: "from [IPv6:2001:DB8:0:0::7] by a.example" })] });
    expect(JSON.stringify(r)).not.toMatch(/2001:db8/i);
  });
});

describe("string maskers", () => {
  it.each([
    ["Jane <jane@example.com>", "Jane <•••@example.com>"],
    ["smtp.mailfrom=a.b+c@x.org;", "smtp.mailfrom=•••@x.org;"],
    ["i=@example.com", "i=@example.com"],
    ['"john q"@example.com', "•••@example.com"],
    ["SRS0=ab=CD=example.com=user@srs.example.net", "•••@srs.example.net"],
    ["no address here", "no address here"],
    ["a@b@c", "•••@•••@c"],
  ])("maskAddresses(%j) is %j", (input, expected) => {
    expect(maskAddresses(input)).toBe(expected);
  });

  it.each([
    ["from [198.51.100.23]:587", "from [•••]:587"],
    ["IPv6:2001:DB8::1 and 2001:db8:0:0:0:0:0:1", "IPv6:••• and •••"],
    ["::ffff:198.51.100.23", "•••"],
    ["198.51.100.230 stays", "198.51.100.230 stays"],
  ])("maskIps(%j) is %j", (input, expected) => {
    const ips = new Set([normaliseIp("198.51.100.23"), normaliseIp("2001:db8::1")].filter((x): x is string => x !== null));
    expect(maskIps(input, ips)).toBe(expected);
  });

  it("an address list keeps only masked addresses", () => {
    expect(redactAddressList('"Doe, Jane" <j@x.org>, bob@y.org (Bob)')).toBe("•••@x.org, •••@y.org");
    expect(redactAddressList("<>")).toBe("<>");
    expect(redactAddressList("undisclosed-recipients:;")).toBe("•••");
  });

  it("finds display names in quoted, bare and comment forms", () => {
    expect(displayNames('"Doe, Jane" <j@x.org>, Bob Smith <b@y.org>, c@z.org (Carol)').sort()).toEqual(["Bob Smith", "Carol", "Doe, Jane"]);
  });

  it("no local part survives, whatever it is made of", () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{2,20}$/);
    fc.assert(
      fc.property(local, fc.constantFrom("From: ", "for <", "smtp.mailfrom=", "(", "Authenticated sender: "), (l, lead) => {
        expect(maskAddresses(`${lead}${l}@example.com>`)).not.toContain(`${l}@`);
      }),
    );
  });

  it("finishes fast on hostile input", () => {
    const hostile = `${"a".repeat(200_000)}@${"b.".repeat(100_000)} ${'"@'.repeat(50_000)} ${"1.".repeat(100_000)}`;
    const t = Date.now();
    maskAddresses(hostile);
    maskIps(hostile, new Set(["1.1.1.1"]));
    expect(Date.now() - t).toBeLessThan(2_000);
  });
});
