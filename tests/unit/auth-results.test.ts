/**
 * Authentication-Results, ARC-Authentication-Results, ARC-Seal and Received-SPF, with values
 * copied from the real header fixtures (file named in each case).
 */
import { describe, expect, it } from "vitest";
import { parseArcSeal, parseAuthentication } from "@/lib/analysis/auth/authentication";
import type { RawField } from "@/lib/analysis/message/headers";
import type { Authentication } from "@/lib/analysis/types";

function field(name: string, value: string): RawField {
  return { name, key: name.toLowerCase(), value, decoded: value };
}

interface Case {
  name: string;
  fields: [string, string][];
  expected: Partial<Omit<Authentication, "alignment">>;
}

const MS_AR =
  "spf=pass (sender IP is 209.85.160.178) smtp.mailfrom=gmail.com; dkim=pass (signature was verified) header.d=gmail.com;dmarc=pass action=none header.from=gmail.com;compauth=pass reason=100";

const cases: Case[] = [
  {
    name: "Microsoft 365's Authentication-Results without an authserv-id gives entries with a null authservId (sample-1000)",
    fields: [["Authentication-Results", MS_AR]],
    expected: {
      spf: [{ result: "pass", domain: "gmail.com", authservId: null }],
      dkim: [{ result: "pass", domain: "gmail.com", selector: null, authservId: null }],
      dmarc: [{ result: "pass", domain: "gmail.com", policy: null, authservId: null }],
      arc: [],
    },
  },
  {
    name: "Microsoft's header.d=none and an empty header.from give null domains (sample-5835)",
    fields: [["Authentication-Results", "spf=softfail (sender IP is 41.184.37.246) smtp.helo=ipnxnigeria.net; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=;"]],
    expected: {
      spf: [{ result: "softfail", domain: "ipnxnigeria.net", authservId: null }],
      dkim: [{ result: "none", domain: null, selector: null, authservId: null }],
      dmarc: [{ result: "none", domain: null, policy: null, authservId: null }],
    },
  },
  {
    name: "Google's header with a comment, header.i=@domain, header.s and a DMARC policy comment in capitals (sample-1972)",
    fields: [[
      "Authentication-Results",
      "mx.google.com; dkim=pass header.i=@servicodecampanhas.com.br header.s=m4 header.b=qKYSn80s; spf=pass (google.com: domain of contato@servicodecampanhas.com.br designates 54.94.47.145 as permitted sender) smtp.mailfrom=contato@servicodecampanhas.com.br; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=servicodecampanhas.com.br",
    ]],
    expected: {
      spf: [{ result: "pass", domain: "servicodecampanhas.com.br", authservId: "mx.google.com" }],
      dkim: [{ result: "pass", domain: "servicodecampanhas.com.br", selector: "m4", authservId: "mx.google.com" }],
      dmarc: [{ result: "pass", domain: "servicodecampanhas.com.br", policy: "quarantine", authservId: "mx.google.com" }],
    },
  },
  {
    name: "a DMARC policy comment with no space before it is read (dmarc=pass(p=NONE))",
    fields: [["Authentication-Results", "mx.example.net; dmarc=pass(p=NONE) header.from=example.org"]],
    expected: { dmarc: [{ result: "pass", domain: "example.org", policy: "none", authservId: "mx.example.net" }] },
  },
  {
    name: "an SRS address with '=' in smtp.mailfrom keeps its domain (mailparser nodemailer)",
    fields: [[
      "Authentication-Results",
      "mx.google.com; dkim=pass header.i=@srs1.zonevs.eu; spf=pass (google.com: best guess record for domain of srs0=63fc=v7=kreata.ee=andris@srs1.zonevs.eu designates 217.146.68.191 as permitted sender) smtp.mailfrom=SRS0=63fc=V7=kreata.ee=andris@srs1.zonevs.eu; dmarc=fail (p=NONE dis=NONE) header.from=kreata.ee",
    ]],
    expected: {
      spf: [{ result: "pass", domain: "srs1.zonevs.eu", authservId: "mx.google.com" }],
      dkim: [{ result: "pass", domain: "srs1.zonevs.eu", selector: null, authservId: "mx.google.com" }],
      dmarc: [{ result: "fail", domain: "kreata.ee", policy: "none", authservId: "mx.google.com" }],
    },
  },
  {
    name: "quoted header.b values, two signatures and a version after the authserv-id (lkml subspace)",
    fields: [[
      "Authentication-Results",
      "smtp.subspace.kernel.org 1; dkim=pass (1024-bit key) header.d=jagalactic.com header.i=@jagalactic.com header.b=\"e3135u4/\"; dkim=pass (1024-bit key) header.d=amazonses.com header.i=@amazonses.com header.b=\"mceDZUFp\"",
    ]],
    expected: {
      dkim: [
        { result: "pass", domain: "jagalactic.com", selector: null, authservId: "smtp.subspace.kernel.org" },
        { result: "pass", domain: "amazonses.com", selector: null, authservId: "smtp.subspace.kernel.org" },
      ],
    },
  },
  {
    name: "rspamd's reason=\"…\" with parentheses inside quotes and a (policy=none) comment (rspamd arcbad)",
    fields: [[
      "Authentication-Results",
      "mail.highsecure.ru; dkim=pass header.d=freebsd.org header.s=dkim header.b=H7pb97c0; dkim=fail (body hash did not verify) header.d=outlook.com header.s=selector1 header.b=LWxzK+W8; dmarc=fail reason=\"SPF not aligned (relaxed), DKIM not aligned (relaxed)\" header.from=outlook.com (policy=none); spf=pass (mail.highsecure.ru: domain of owner-freebsd-test@freebsd.org designates 96.47.72.132 as permitted sender) smtp.mailfrom=owner-freebsd-test@freebsd.org",
    ]],
    expected: {
      spf: [{ result: "pass", domain: "freebsd.org", authservId: "mail.highsecure.ru" }],
      dkim: [
        { result: "pass", domain: "freebsd.org", selector: "dkim", authservId: "mail.highsecure.ru" },
        { result: "fail", domain: "outlook.com", selector: "selector1", authservId: "mail.highsecure.ru" },
      ],
      dmarc: [{ result: "fail", domain: "outlook.com", policy: "none", authservId: "mail.highsecure.ru" }],
    },
  },
  {
    name: "Fastmail's policy.published-domain-policy and an empty smtp.mailfrom falling back to smtp.helo (postal-mime bounce)",
    fields: [[
      "Authentication-Results",
      "mx4.messagingengine.com; dkim=none (no signatures found); dmarc=pass policy.published-domain-policy=none policy.applied-disposition=none policy.evaluated-disposition=none (p=none,d=none,d.eval=none) policy.policy-from=p header.from=messagingengine.com; iprev=pass smtp.remote-ip=66.111.4.25 (out1-smtp.messagingengine.com); spf=pass smtp.mailfrom=\"\" smtp.helo=out1-smtp.messagingengine.com",
    ]],
    expected: {
      spf: [{ result: "pass", domain: "out1-smtp.messagingengine.com", authservId: "mx4.messagingengine.com" }],
      dkim: [{ result: "none", domain: null, selector: null, authservId: "mx4.messagingengine.com" }],
      dmarc: [{ result: "pass", domain: "messagingengine.com", policy: "none", authservId: "mx4.messagingengine.com" }],
    },
  },
  {
    name: "Google's old smtp.mail= property is read as the mail-from (flanker)",
    fields: [["Authentication-Results", "mx.google.com; spf=pass (google.com: domain of hello@example.com designates 206.190.38.102 as permitted sender) smtp.mail=hello@example.com; dkim=pass (test mode) header.i=@yahoo.com"]],
    expected: {
      spf: [{ result: "pass", domain: "example.com", authservId: "mx.google.com" }],
      dkim: [{ result: "pass", domain: "yahoo.com", selector: null, authservId: "mx.google.com" }],
    },
  },
  {
    name: "Zoho's header.i without @ and header.from in angle brackets (sample-2247)",
    fields: [[
      "ARC-Authentication-Results",
      "i=1; mx.zohomail360.eu; dkim=pass header.i=zohosalesiq.com; spf=pass smtp.mailfrom=systemgenerated+c4b76cd0-9e58-11ee-9908-52540048feb1_vt1@eumailer.zohosalesiq.com; dmarc=pass header.from=<noreply@zohosalesiq.com>",
    ]],
    expected: {
      spf: [{ result: "pass", domain: "eumailer.zohosalesiq.com", authservId: "mx.zohomail360.eu" }],
      dkim: [{ result: "pass", domain: "zohosalesiq.com", selector: null, authservId: "mx.zohomail360.eu" }],
      dmarc: [{ result: "pass", domain: "zohosalesiq.com", policy: null, authservId: "mx.zohomail360.eu" }],
    },
  },
  {
    name: "ARC-Authentication-Results with i= and a version, and its ARC-Seal cv=, give entries and arc results (sample-1214)",
    fields: [
      ["ARC-Seal", "i=3; a=rsa-sha256; s=arcselector9901; d=microsoft.com; cv=pass; b=LVGg3bDEU0NL5M"],
      ["ARC-Authentication-Results", "i=3; mx.microsoft.com 1; spf=pass (sender ip is 209.85.160.46) smtp.rcpttodomain=hotmail.com smtp.mailfrom=gmail.com; dmarc=pass (p=none sp=none pct=100) action=none header.from=hotmail.com; dkim=pass (signature was verified) header.d=hotmail.com; arc=pass (0 oda=1 ltdi=1 spf=[1,2,smtp.mailfrom=phishing@pot] dkim=[1,2,header.i=@hotmail.com] dmarc=[1,2,header.from=hotmail.com])"],
      ["ARC-Authentication-Results", "i=2; mx.google.com; dkim=pass header.i=@hotmail.com header.s=selector1 header.b=SGNooyuo; arc=pass (i=1); spf=pass (google.com: domain of phishing@pot designates 2a01:111:f400:7eab::814 as permitted sender) smtp.mailfrom=merciayanmact@hotmail.com; dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=hotmail.com"],
      ["ARC-Seal", "i=1; a=rsa-sha256; s=arcselector9901; d=microsoft.com; cv=none; b=IpZQeBCf0H6WWO"],
    ],
    expected: {
      spf: [
        { result: "pass", domain: "gmail.com", authservId: "mx.microsoft.com" },
        { result: "pass", domain: "hotmail.com", authservId: "mx.google.com" },
      ],
      dkim: [
        { result: "pass", domain: "hotmail.com", selector: null, authservId: "mx.microsoft.com" },
        { result: "pass", domain: "hotmail.com", selector: "selector1", authservId: "mx.google.com" },
      ],
      dmarc: [
        { result: "pass", domain: "hotmail.com", policy: "none", authservId: "mx.microsoft.com" },
        { result: "pass", domain: "hotmail.com", policy: "none", authservId: "mx.google.com" },
      ],
      arc: [
        { result: "pass", instance: 3 },
        { result: "pass", instance: null },
        { result: "pass", instance: 1 },
        { result: "none", instance: 1 },
      ],
    },
  },
  {
    name: "Microsoft's Received-SPF gives an spf entry whose domain comes from the comment and authservId from receiver= (sample-8)",
    fields: [["Received-SPF", "Pass (protection.outlook.com: domain of amazonses.com designates 54.240.9.14 as permitted sender) receiver=protection.outlook.com; client-ip=54.240.9.14; helo=a9-14.smtp-out.amazonses.com; pr=C"]],
    expected: { spf: [{ result: "pass", domain: "amazonses.com", authservId: "protection.outlook.com" }] },
  },
  {
    name: "Google's Received-SPF takes the authservId from the comment's leading host (sample-1972)",
    fields: [["Received-SPF", "pass (google.com: domain of contato@servicodecampanhas.com.br designates 54.94.47.145 as permitted sender) client-ip=54.94.47.145;"]],
    expected: { spf: [{ result: "pass", domain: "servicodecampanhas.com.br", authservId: "google.com" }] },
  },
  {
    name: "Received-SPF with identity=helo names the HELO domain, not the envelope-from (Haraka)",
    fields: [["Received-SPF", "None (mail.theartfarm.com: domain of imac27.simerson.net does not designate 174.24.224.63 as permitted sender) receiver=mail.theartfarm.com; identity=helo; client-ip=174.24.224.63; helo=imac27.simerson.net; envelope-from=<matt@tnpi.net>"]],
    expected: { spf: [{ result: "none", domain: "imac27.simerson.net", authservId: "mail.theartfarm.com" }] },
  },
  {
    name: "Received-SPF with a quoted envelope-from and receiver first (mail-parser test 17)",
    fields: [["Received-SPF", "None (mailb.triara.com: no sender authenticity information available from domain of www-data@vps-051e4cda.vps.ovh.net) identity=mailfrom; client-ip=152.228.133.10; receiver=mailb.triara.com; envelope-from=\"www-data@vps-051e4cda.vps.ovh.net\"; x-sender=\"www-data@vps-051e4cda.vps.ovh.net\"; x-conformance=spf_only"]],
    expected: { spf: [{ result: "none", domain: "vps-051e4cda.vps.ovh.net", authservId: "mailb.triara.com" }] },
  },
  {
    name: "Received-SPF 'X does not designate permitted sender hosts' names X; SoftFail is lower-cased (samples 1011, 4420)",
    fields: [
      ["Received-SPF", "None (protection.outlook.com: monkey56.skin does not designate permitted sender hosts)"],
      ["Received-SPF", "SoftFail (protection.outlook.com: domain of transitioning anaghtech.com discourages use of 125.141.209.182 as permitted sender)"],
    ],
    expected: {
      spf: [
        { result: "none", domain: "monkey56.skin", authservId: "protection.outlook.com" },
        { result: "softfail", domain: "anaghtech.com", authservId: "protection.outlook.com" },
      ],
    },
  },
  {
    name: "Received-SPF with receiver=<UNKNOWN> and no host in the comment has a null authservId (sample-432)",
    fields: [["Received-SPF", "Pass (mailfrom) identity=mailfrom; client-ip=216.169.99.25; helo=pn25.mxout.mta2.net; envelope-from=admin=arbe.org.uk@bounces.elasticemail.net; receiver=<UNKNOWN>"]],
    expected: { spf: [{ result: "pass", domain: "bounces.elasticemail.net", authservId: null }] },
  },
  {
    name: "several headers keep header order and drop only identical entries (Proton samples repeat dkim in two headers)",
    fields: [
      ["Authentication-Results", "mailin033.protonmail.ch; dkim=pass (Good 2048 bit rsa-sha256 signature) header.d=jookutsu.id header.a=rsa-sha256"],
      ["Authentication-Results", "mailin033.protonmail.ch; dmarc=none (p=none dis=none) header.from=jookutsu.id"],
      ["Authentication-Results", "mailin033.protonmail.ch; spf=pass smtp.mailfrom=jookutsu.id"],
      ["Authentication-Results", "mailin033.protonmail.ch; arc=none smtp.remote-ip=103.103.192.12"],
      ["Authentication-Results", "mailin033.protonmail.ch; dkim=pass (2048-bit key) header.d=jookutsu.id header.i=@jookutsu.id header.b=\"H8Vx3cuD\""],
    ],
    expected: {
      spf: [{ result: "pass", domain: "jookutsu.id", authservId: "mailin033.protonmail.ch" }],
      dkim: [{ result: "pass", domain: "jookutsu.id", selector: null, authservId: "mailin033.protonmail.ch" }],
      dmarc: [{ result: "none", domain: "jookutsu.id", policy: "none", authservId: "mailin033.protonmail.ch" }],
      arc: [{ result: "none", instance: null }],
    },
  },
  {
    name: "an authserv-id with 'none' and no results gives nothing (RFC 8601 §2.2)",
    fields: [["Authentication-Results", "example.org 1; none"]],
    expected: { spf: [], dkim: [], dmarc: [], arc: [] },
  },
  {
    name: "sender-id, iprev, compauth and x- methods are not reported as SPF/DKIM/DMARC",
    fields: [["Authentication-Results", "aneyakoji.example.jp; sender-id=pass header.from=MAILER-DAEMON@us-west-2.amazonses.com; iprev=pass; x-ptr=pass smtp.helo=x.example"]],
    expected: { spf: [], dkim: [], dmarc: [], arc: [] },
  },
  {
    name: "header names are matched case-insensitively (Arc-Seal, Received-Spf as ImprovMX writes them)",
    fields: [
      ["Arc-Seal", "i=1; cv=none; a=rsa-sha256; d=improvmx-mails.com; s=arc-20200618; t=1691211618;"],
      ["Received-Spf", "pass (improvmx.com: domain of amazonses.com designates 54.240.9.16 as permitted sender) receiver=mx1.improvmx.com; client-ip=54.240.9.16; helo=a9-16.smtp-out.amazonses.com;"],
    ],
    expected: {
      spf: [{ result: "pass", domain: "amazonses.com", authservId: "mx1.improvmx.com" }],
      arc: [{ result: "none", instance: 1 }],
    },
  },
];

describe("parseAuthentication", () => {
  it.each(cases)("$name", ({ fields, expected }) => {
    const got = parseAuthentication(fields.map(([n, v]) => field(n, v)), null);
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      expect(got[key]).toEqual(expected[key]);
    }
  });

  it("returns empty lists and null alignment when there are no authentication headers", () => {
    expect(parseAuthentication([field("Subject", "hi")], "example.com")).toEqual({
      spf: [], dkim: [], dmarc: [], arc: [], alignment: { spf: null, dkim: null },
    });
  });
});

const seals: { name: string; value: string; expected: ReturnType<typeof parseArcSeal> }[] = [
  { name: "an ARC-Seal with cv=pass and i=2", value: "i=2; a=rsa-sha256; t=1690572384; cv=pass; d=google.com; s=arc-20160816; b=Xf6lHU", expected: { result: "pass", instance: 2 } },
  { name: "an ARC-Seal with upper-case CV=Fail", value: "i=1; CV=Fail; d=example.com", expected: { result: "fail", instance: 1 } },
  { name: "an ARC-Seal with an instance out of range keeps the result with a null instance", value: "i=99; cv=none", expected: { result: "none", instance: null } },
  { name: "an ARC-Seal without cv= gives nothing", value: "i=1; a=rsa-sha256; d=example.com", expected: null },
];

describe("parseArcSeal", () => {
  it.each(seals)("$name", ({ value, expected }) => {
    expect(parseArcSeal(value)).toEqual(expected);
  });
});
