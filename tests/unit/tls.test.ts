import { describe, expect, it } from "vitest";
import { parseReceived } from "@/lib/analysis/received/parse-received";
import { normaliseVersion } from "@/lib/analysis/received/tls";
import type { HopTls } from "@/lib/analysis/types";

/** TLS and AUTH as read from whole Received values, one row per way MTAs record them. */
const cases: { name: string; input: string; tls: HopTls; authenticated: boolean | null }[] = [
  {
    name: "a Postfix 'using TLSv1.3 with cipher' comment is read and its 'with' is not the protocol",
    input: "from a.example (a.example [192.0.2.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client certificate requested) by mx.example.net (Postfix) with ESMTPS id 4ABC for <a@b.example>; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384" },
    authenticated: false,
  },
  {
    name: "Postfix 'Authenticated sender' marks SMTP AUTH",
    input: "from [192.0.2.9] (unknown [192.0.2.9]) (Authenticated sender: user@example.com) by smtp.example.net (Postfix) with ESMTPSA id 1; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: null, cipher: null },
    authenticated: true,
  },
  {
    name: "IceWarp's '(SSL)' after the protocol marks an encrypted session (phishing_pot sample-670)",
    input: "from vm1.example.com by mx.example.it (13.0.2 build 9 RHEL7 x64) with SMTP (SSL) id 202305141542397229 for <a@b.example>; Sun, 14 May 2023 15:42:39 +0200",
    tls: { encrypted: true, version: null, cipher: null },
    authenticated: false,
  },
  {
    name: "a plain ESMTP token with no TLS sign is unencrypted",
    input: "from a (a [192.0.2.1]) by b (Postfix) with ESMTP id 1; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: false, version: null, cipher: null },
    authenticated: false,
  },
  {
    name: "ESMTPA is authenticated but not encrypted",
    input: "from a by b with ESMTPA id 1; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: false, version: null, cipher: null },
    authenticated: true,
  },
  {
    name: "Sendmail's version= comment after the id turns plain ESMTP into TLS",
    input: "from a (b [192.0.2.1]) by c (8.17.1/8.17.1) with ESMTP id x (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO); Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384" },
    authenticated: false,
  },
  {
    name: "Exim ≥4.92 '(TLS1.3) tls CIPHER'",
    input: "from a ([192.0.2.1]:1234 helo=b) by c with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <x@y>) id 1abcDE-000Abc-1x; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384" },
    authenticated: false,
  },
  {
    name: "Exim GnuTLS '(TLS-1.0:CIPHER:bits)'",
    input: "from a ([192.0.2.1]) by c with esmtps (TLS-1.0:DHE_RSA_3DES_EDE_CBC_SHA:24) (Exim 4.50) id 1GzVLs-0002Oz-7b; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: "TLSv1.0", cipher: "DHE_RSA_3DES_EDE_CBC_SHA" },
    authenticated: false,
  },
  {
    name: "Microsoft 'version=TLS1_2, cipher=…'",
    input: "from A.example (10.0.0.1) by B.example (10.0.0.2) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1234.5678; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: "TLSv1.2", cipher: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" },
    authenticated: null, // a vendor banner says nothing about SMTP AUTH
  },
  {
    name: "Microsoft SMTP Server without a TLS part is plain",
    input: "from a.example (192.0.2.1) by b.mail.protection.outlook.com (10.0.0.2) with Microsoft SMTP Server id 15.20.696.11 via Frontend Transport; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: false, version: null, cipher: null },
    authenticated: null, // a vendor banner says nothing about SMTP AUTH
  },
  {
    name: "Microsoft mapi says nothing about TLS",
    input: "from A ([fe80::1]) by A ([fe80::1%9]) with mapi id 15.20.1.2; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: null, version: null, cipher: null },
    authenticated: null,
  },
  {
    name: "Google Transport Security on SMTPS",
    input: "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id abc.123 for <x@y> (Google Transport Security); Mon, 1 Jan 2024 10:00:00 -0800 (PST)",
    tls: { encrypted: true, version: null, cipher: null },
    authenticated: false,
  },
  {
    name: "Yahoo 'SMTPs (version=TLS1_3 …)'",
    input: "from 10.197.1.1 (EHLO mail.example) by 10.0.0.1 with SMTPs (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256); Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256" },
    authenticated: false,
  },
  {
    name: "HTTP says nothing about TLS",
    input: "from 10.197.1.1 by sonic.gate.mail.ne1.yahoo.com with HTTP; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: null, version: null, cipher: null },
    authenticated: null,
  },
  {
    name: "LMTPS is encrypted",
    input: "from mail.example.com ([10.0.0.1]) by imap.example.com with LMTPS id x; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: null, cipher: null },
    authenticated: false,
  },
  {
    name: "UTF8SMTPS is encrypted",
    input: "from a by b with UTF8SMTPS id x; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: true, version: null, cipher: null },
    authenticated: false,
  },
  {
    name: "Sendmail '(authenticated bits=0)'",
    input: "from a ([192.0.2.1]) (authenticated bits=0) by b (8.12.5/8.12.5) with ESMTP id x; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: false, version: null, cipher: null },
    authenticated: true,
  },
  {
    name: "'(authenticated as …)'",
    input: "from a ([192.0.2.1]) (authenticated as user) by b with ESMTP id x; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: false, version: null, cipher: null },
    authenticated: true,
  },
  {
    name: "no protocol and no comment: unknown",
    input: "from a by b; Mon, 1 Jan 2024 10:00:00 +0000",
    tls: { encrypted: null, version: null, cipher: null },
    authenticated: null,
  },
];

describe("TLS and AUTH detection", () => {
  it.each(cases)("$name", ({ input, tls, authenticated }) => {
    const p = parseReceived(input);
    expect(p.tls).toEqual(tls);
    expect(p.authenticated).toBe(authenticated);
  });
});

describe("normaliseVersion", () => {
  it.each([
    ["TLSv1.3", "TLSv1.3"], ["TLS1_3", "TLSv1.3"], ["TLS1.2", "TLSv1.2"], ["TLS-1.1", "TLSv1.1"],
    ["TLSv1", "TLSv1.0"], ["TLS1_0", "TLSv1.0"], ["SSLv3", "SSLv3"], ["TLSv1/SSLv3", null],
  ] as const)("%s normalises to %s", (input, expected) => {
    expect(normaliseVersion(input)).toBe(expected);
  });

  it("a word that is not a version is undefined", () => {
    expect(normaliseVersion("ESMTP")).toBeUndefined();
  });
});
