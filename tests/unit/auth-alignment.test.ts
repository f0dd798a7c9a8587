/**
 * Relaxed alignment (RFC 7489 §3.1.1) and the From-domain helper, with values from the fixtures.
 */
import { describe, expect, it } from "vitest";
import { parseAuthentication } from "@/lib/analysis/auth/authentication";
import { addressDomain } from "@/lib/analysis/message/addresses";
import type { RawField } from "@/lib/analysis/message/headers";

function field(name: string, value: string): RawField {
  return { name, key: name.toLowerCase(), value, decoded: value };
}

const addresses: { name: string; input: string | null; expected: string | null }[] = [
  { name: "a display name with an angle address", input: "PayPal <service@paypal.com>", expected: "paypal.com" },
  { name: "a bare address", input: "a@B.Example.COM", expected: "b.example.com" },
  { name: "a quoted display name that contains an address", input: "\"support@bank.example\" <x@evil.example>", expected: "evil.example" },
  { name: "an unquoted display name that looks like an address: the last address wins", input: "support@bank.example <x@evil.example>", expected: "evil.example" },
  { name: "a comment with an @ is ignored", input: "x@real.example (sent for boss@other.example)", expected: "real.example" },
  { name: "a group: its first member (the From domain is the first mailbox)", input: "Team: a@one.example, b@two.example;", expected: "one.example" },
  { name: "an empty group has no domain", input: "undisclosed-recipients:;", expected: null },
  { name: "a quoted local part containing @", input: "\"john@doe\"@example.org", expected: "example.org" },
  { name: "an encoded display name", input: "=?UTF-8?B?0J/RgNC40LLQtdGC?= <info@example.ru>", expected: "example.ru" },
  { name: "an address literal has no domain", input: "user@[192.0.2.1]", expected: null },
  { name: "a trailing dot is removed", input: "<a@example.com.>", expected: "example.com" },
  { name: "no address at all", input: "Just a name", expected: null },
  { name: "null", input: null, expected: null },
  { name: "an unclosed comment does not hang or throw", input: "a@b.example (((((", expected: "b.example" },
];

describe("addressDomain", () => {
  it.each(addresses)("reads $name", ({ input, expected }) => {
    expect(addressDomain(input)).toBe(expected);
  });
});

const MS = (spf: string, dkimD: string, from: string) =>
  `spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=${spf}; dkim=pass (signature was verified) header.d=${dkimD};dmarc=pass action=none header.from=${from};compauth=pass reason=100`;

const cases: {
  name: string;
  fields: [string, string][];
  from: string | null;
  expected: { spf: boolean | null; dkim: boolean | null };
}[] = [
  {
    name: "SPF and DKIM on the From domain itself are aligned (sample-269)",
    fields: [["Authentication-Results", MS("gmail.com", "gmail.com", "gmail.com")]],
    from: "gmail.com",
    expected: { spf: true, dkim: true },
  },
  {
    name: "a subdomain of the same organisational domain is aligned, relaxed mode (sample-1219: em3017.exprealty.com)",
    fields: [["Authentication-Results", MS("em3017.exprealty.com", "exprealty.com", "exprealty.com")]],
    from: "exprealty.com",
    expected: { spf: true, dkim: true },
  },
  {
    name: "an ESP's own domains are not aligned with the customer's From (sample-17: rsgsv.net, mailchimpapp.net)",
    fields: [["Authentication-Results", MS("mail45.suw13.rsgsv.net", "mailchimpapp.net", "secureliveupdates.com")]],
    from: "secureliveupdates.com",
    expected: { spf: false, dkim: false },
  },
  {
    name: "organisational domains are public-suffix aware: example.co.uk is not aligned with other.co.uk",
    fields: [["Authentication-Results", "mx.example.net; spf=pass smtp.mailfrom=bounce.other.co.uk; dkim=pass header.d=mail.example.co.uk"]],
    from: "news.example.co.uk",
    expected: { spf: false, dkim: true },
  },
  {
    name: "a failing result on the From domain is not aligned (sample-1406 spf=fail hotmail.com)",
    fields: [["Authentication-Results", "spf=fail (sender IP is 147.91.36.2) smtp.mailfrom=hotmail.com; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=hotmail.com;compauth=fail reason=001"]],
    from: "hotmail.com",
    expected: { spf: false, dkim: false },
  },
  {
    name: "any passing aligned signature is enough when another one is not aligned (sample-5414)",
    fields: [["Authentication-Results", "spf=pass (sender IP is 207.54.76.248) smtp.mailfrom=gencat.cat; dkim=pass (signature was verified) header.d=gencat.onmicrosoft.com;dkim=pass (signature was verified) header.d=gencat.cat;dmarc=pass action=none header.from=gencat.cat"]],
    from: "gencat.cat",
    expected: { spf: true, dkim: true },
  },
  {
    name: "no DKIM results at all gives null for DKIM (Haraka: SPF only)",
    fields: [["Authentication-Results", "qmail03.redacteed.com; iprev=pass; spf=pass smtp.mailfrom=tnpi.net"]],
    from: "tnpi.net",
    expected: { spf: true, dkim: null },
  },
  {
    name: "no From domain gives null for both",
    fields: [["Authentication-Results", MS("gmail.com", "gmail.com", "gmail.com")]],
    from: null,
    expected: { spf: null, dkim: null },
  },
  {
    name: "a Received-SPF pass counts for SPF alignment",
    fields: [["Received-SPF", "Pass (protection.outlook.com: domain of css.gob.pa designates 186.74.32.229 as permitted sender) receiver=protection.outlook.com; client-ip=186.74.32.229; helo=barracuda.css.org.pa; pr=C"]],
    from: "css.gob.pa",
    expected: { spf: true, dkim: null },
  },
  {
    name: "a whole From value passed as the domain is reduced to its domain",
    fields: [["Authentication-Results", MS("gmail.com", "gmail.com", "gmail.com")]],
    from: "Someone <someone@Gmail.com>",
    expected: { spf: true, dkim: true },
  },
];

describe("alignment", () => {
  it.each(cases)("$name", ({ fields, from, expected }) => {
    expect(parseAuthentication(fields.map(([n, v]) => field(n, v)), from).alignment).toEqual(expected);
  });
});

describe("a DMARC pass for the From domain with one DKIM result listed (Exchange Online, phishing_pot sample-1736)", () => {
  // Exchange Online listed the ESP's signature only; DMARC passed on the From domain's own one.
  const ar = "spf=pass (sender IP is 192.0.2.7) smtp.mailfrom=bf56x.hubspotemail.net; dkim=pass (signature was verified) header.d=bf56x.hubspotemail.net;dmarc=pass action=none header.from=careerfoundry.com;compauth=pass reason=100";
  const sig = (d: string) => field("DKIM-Signature", `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${d}; s=hs2; t=1700000000; h=from:to; bh=x; b=y`);
  const from = "careerfoundry.com";

  it("DKIM is aligned when a signature of the From domain's organisation is in the message", () => {
    const a = parseAuthentication([field("Authentication-Results", ar), sig("bf56x.hubspotemail.net"), sig("careerfoundry.com")], from);
    expect(a.alignment).toEqual({ spf: false, dkim: true });
  });

  it("... but nothing is inferred without such a signature, or without a DMARC pass", () => {
    expect(parseAuthentication([field("Authentication-Results", ar), sig("bf56x.hubspotemail.net")], from).alignment).toEqual({ spf: false, dkim: false });
    const failed = ar.replace("dmarc=pass", "dmarc=fail");
    expect(parseAuthentication([field("Authentication-Results", failed), sig("careerfoundry.com")], from).alignment).toEqual({ spf: false, dkim: false });
  });

  it("real mail: sample-1736's alignment agrees with its DMARC pass", async () => {
    const { fixture } = await import("../helpers/genuine");
    const a = fixture("phishing_pot__sample-1736");
    expect(a.authentication.dmarc[0]?.result).toBe("pass");
    expect(a.authentication.alignment.dkim).toBe(true);
    expect(a.authentication.recipientAlignment?.dkim).toBe(true);
  });
});

describe("parseMailboxes: the simple forms read without the full parser agree with it", () => {
  it.each([
    "a@b.example", "<a@b.example>", "Jane Doe <jane.doe@example.com>", "  <x+tag@sub.example.org>  ", "bounce-1=2@em.example.net",
    "a@b.example, Bob <bob@c.example>,  <d@e.example>", "=?utf-8?Q?J=C3=BCrgen?= <j@example.de>", "a@b.example,",
  ])("%s", async (value) => {
    const { parseMailboxes } = await import("@/lib/analysis/message/addresses");
    const { parseAddressHeader } = await import("mailparser");
    const full = parseAddressHeader(value, { flatten: true, decodePunycode: false }).value.map((e) => ({ name: e.name, address: e.address }));
    expect(parseMailboxes(value).map((m) => ({ name: m.name, address: m.address }))).toEqual(full);
  });
});

describe("parseMailboxes agrees with mailparser on every address header of the fixtures", () => {
  it("From, To, Cc, Reply-To, Return-Path, Sender, Delivered-To", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const { splitHeaderBlock } = await import("@/lib/analysis/message/headers");
    const { parseMailboxes, MAX_ADDRESS_TEXT } = await import("@/lib/analysis/message/addresses");
    const { parseAddressHeader } = await import("mailparser");
    const dir = path.resolve(__dirname, "../fixtures/headers");
    const names = new Set(["from", "to", "cc", "reply-to", "return-path", "sender", "delivered-to"]);
    let compared = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
      for (const field of splitHeaderBlock(readFileSync(path.join(dir, f), "utf8")).fields) {
        if (!names.has(field.key) || field.value.length > MAX_ADDRESS_TEXT || !field.value.includes("@")) continue;
        const full = parseAddressHeader(field.value, { flatten: true, decodePunycode: false })
          .value.filter((e) => (e.address ?? "").includes("@"))
          .slice(0, 50)
          .map((e) => ({ name: (e.name ?? "").trim(), address: (e.address ?? "").trim() }));
        expect(parseMailboxes(field.value).map((m) => ({ name: m.name, address: m.address })), `${f}: ${field.name}`).toEqual(full);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
