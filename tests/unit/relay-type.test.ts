/**
 * Relay types (design.md "Relay types") on small realistic chains. Headers are written top-down
 * as MTAs prepend them (latest first); `types` lists hop 1 (the bottom header) first.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import type { RelayType } from "@/lib/analysis/types";

interface Case {
  name: string;
  headers: string;
  types: RelayType[];
}

const D = (hhmmss: string) => `Mon, 9 Nov 2026 ${hhmmss} +0000`;

const CASES: Case[] = [
  {
    name: "an ESP's API hop is esp, its own filter hop internal, the recipient's MX mx and Microsoft 365's last HTTPS hop delivery",
    headers: `Received: from SJ0PR19MB4621.namprd19.prod.outlook.com (::1) by MN0PR19MB6312.namprd19.prod.outlook.com with HTTPS; ${D("10:00:05")}
Received: from o1.ptr1234.sendgrid.net (149.72.1.2) by DB8EUR05FT023.mail.protection.outlook.com (10.233.239.43) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.5654.14 via Frontend Transport; ${D("10:00:03")}
Received: by filterdrecv-7b449858b6-77qsp with SMTP id filterdrecv-7b449858b6-77qsp-1-632B7E9A-3E 2026-11-09 10:00:02.235624227 +0000 UTC m=+169265.422124849
Received: from NzY4OQ (unknown) by geopod-ismtpd-5-1 (SG) with HTTP id eVnK4bVzQ2qQi4KK8ifhiA ${D("10:00:02.179")} (UTC)
`,
    types: ["esp", "internal", "mx", "delivery"],
  },
  {
    name: "a backup MX that queued the message until the primary took it is backup-mx, and LMTP into Dovecot is delivery",
    headers: `Received: from mx1.example.org by imap.example.org (Dovecot) with LMTP id abc for <bob@example.org>; ${D("12:01:10")}
Received: from mx2.example.org (mx2.example.org [198.51.100.20]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by mx1.example.org (Postfix) with ESMTPS id 4B2 for <bob@example.org>; ${D("12:01:09")}
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by backup-mx.example.org (Postfix) with ESMTPS id 9F1 for <bob@example.org>; ${D("10:00:01")}
Received: from [192.168.1.20] (unknown [198.51.100.77]) (Authenticated sender: alice@sendco.net) by mail.sendco.net (Postfix) with ESMTPSA id 1A2; ${D("10:00:00")}
`,
    // One entry per trail: the backup MX is the border, the primary it hands on to is the MX.
    types: ["submission", "backup-mx", "mx", "delivery"],
  },
  {
    name: "a numbered MX that hands on within seconds is an ordinary MX, not a backup",
    headers: `Received: from mx2.example.org (mx2.example.org [198.51.100.20]) by store1.example.org (Postfix) with ESMTPS id 4B2 for <bob@example.org>; ${D("10:00:03")}
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by mx2.example.org (Postfix) with ESMTPS id 9F1 for <bob@example.org>; ${D("10:00:02")}
`,
    types: ["mx", "internal"],
  },
  {
    name: "Gmail's smtp.gmail.com with ESMTPSA is the submission and mx.google.com at the recipient is the MX",
    headers: `Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id x1 for <bob@outlook.com> (Google Transport Security); ${D("10:00:02")}
Received: from [10.0.0.5] ([198.51.100.7]) by smtp.gmail.com with ESMTPSA id y2 (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); ${D("10:00:01")}
`,
    // Google's outbound edge handing to Google's inbound MX crosses between two accounts (issue 9).
    types: ["submission", "mx"],
  },
  {
    name: "Gmail's topmost 'by 2002:… with SMTP' hop after its MX is the delivery into the mailbox",
    headers: `Received: by 2002:a05:6520:2c8c:b0:22e:9b5c:1d2e with SMTP id x9csp1234567pxb; ${D("10:00:03")}
Received: from mail.sendco.net (mail.sendco.net. [203.0.113.5]) by mx.google.com with ESMTPS id a1si1 for <bob@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); ${D("10:00:02")}
`,
    types: ["mx", "delivery"],
  },
  {
    name: "Google Workspace's smtp-relay.gmail.com is a smart host for the sender's own server",
    headers: `Received: from mail-wr1-f104.google.com (mail-wr1-f104.google.com [209.85.221.104]) by mx.recipient-corp.com (Postfix) with ESMTPS id 77A for <bob@recipient-corp.com>; ${D("10:00:03")}
Received: from app1.sendco.net (app1.sendco.net [203.0.113.9]) by smtp-relay.gmail.com with ESMTPS id n12 (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); ${D("10:00:02")}
Received: from localhost (localhost [127.0.0.1]) by app1.sendco.net (Postfix) with ESMTP id 11; ${D("10:00:01")}
`,
    types: ["submission", "smart-host", "mx"],
  },
  {
    name: "an authenticated relay of another organisation after the submission is a smart host",
    headers: `Received: from smtp.relayhost.net (203.0.113.50) by mx.recipient-corp.com with SMTP; ${D("10:00:03")}
Received: from mail.sendco.net (host1.isp-net.it [198.51.100.161]) (Authenticated sender: acct1) by smtp.relayhost.net (Postfix) with ESMTPA id 67A for <bob@recipient-corp.com>; ${D("10:00:02")}
Received: from PC01.corp.local by mail.sendco.net with ESMTPA id md500; ${D("10:00:01")}
`,
    types: ["submission", "smart-host", "mx"],
  },
  {
    name: "amavis on localhost and the Postfix re-injection after it are internal",
    headers: `Received: from localhost (localhost [127.0.0.1]) by mail.example.net (Postfix) with ESMTP id 00E7 for <bob@example.net>; ${D("10:00:04")}
Received: from mail.example.net ([127.0.0.1]) by localhost (mail.example.net [127.0.0.1]) (amavisd-new, port 10024) with ESMTP id k8Us for <bob@example.net>; ${D("10:00:03")}
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by mail.example.net (Postfix) with ESMTP id 5F2 for <bob@example.net>; ${D("10:00:02")}
`,
    types: ["mx", "internal", "internal"],
  },
  {
    name: "a list server whose envelope recipient changes after it is the list address's MX, not a smart host",
    headers: `Received: from lists.project-lists.org (lists.project-lists.org [192.0.2.80]) by mx.subscriber.io (Postfix) with ESMTP id 6 for <carol@subscriber.io>; ${D("10:00:05")}
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by lists.project-lists.org (Postfix) with ESMTP id 5 for <dev@lists.project-lists.org>; ${D("10:00:02")}
`,
    types: ["mx", "mx"],
  },
  {
    name: "qmail's comment-only header after an SMTP hop was written by that server and is internal",
    headers: `Received: (qmail 6883 invoked from network); ${D("10:00:03")}
Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by mail.recipient-corp.com with SMTP; ${D("10:00:02")}
`,
    types: ["mx", "internal"],
  },
  {
    name: "a message generated on the host itself (no from part) starts with a submission",
    headers: `Received: from mailout.sendco.net (mailout.sendco.net [203.0.113.5]) by mx.recipient-corp.com (Postfix) with ESMTPS id 7 for <bob@recipient-corp.com>; ${D("10:00:02")}
Received: by mailout.sendco.net (Postfix, from userid 1000) id 37BD; ${D("10:00:01")}
`,
    types: ["submission", "mx"],
  },
  {
    name: "an anonymous client handing mail straight to the recipient's MX makes that hop the MX",
    headers: `Received: from [203.0.113.99] (unknown [203.0.113.99]) by mx.recipient-corp.com (Postfix) with ESMTP id 8 for <bob@recipient-corp.com>; ${D("10:00:02")}
`,
    types: ["mx"],
  },
  {
    name: "Yahoo's Hermes MX is the MX and its last HTTPS hop into the mailbox server is delivery",
    headers: `Received: from 10.217.135.176 by atlas114.free.mail.ne1.yahoo.com with HTTPS; ${D("10:00:05")}
Received: from sonic301-20.consmr.mail.ne1.yahoo.com by sonic307.consmr.mail.ne1.yahoo.com with HTTP; ${D("10:00:04")}
Received: from mail-ed1-f45.google.com (EHLO mail-ed1-f45.google.com) ([209.85.208.45]) by 10.217.135.176 (VZM Hermes SMTP Server) with ESMTPS ID 4f0bb1f7d9f3c1a2 for <bob@yahoo.com>; ${D("10:00:03")} (UTC)
Received: by mail-ed1-f45.google.com with SMTP id 4fb4d7f45d1cf-5f0c3 for <bob@yahoo.com>; ${D("10:00:02")}
Received: from [192.168.1.10] ([203.0.113.77]) by smtp.gmail.com with ESMTPSA id 4fb4d7f45d1cf for <bob@yahoo.com> (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128); ${D("10:00:01")}
`,
    types: ["submission", "internal", "mx", "internal", "delivery"],
  },
];

describe("relay types", () => {
  it.each(CASES)("$name", ({ headers, types }) => {
    expect(analyze(headers).hops.map((h) => h.relayType)).toEqual(types);
  });
});
