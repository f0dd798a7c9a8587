/**
 * The from part of a Received header (received/from-part.ts): which name is the HELO, which the
 * reverse-DNS name, which the address, for the MTAs whose forms real header sets showed.
 * Header values are anonymised (documentation addresses and example domains).
 */
import { describe, expect, it } from "vitest";
import { parseReceived } from "@/lib/analysis/received/parse-received";

describe("the from part names the HELO, the reverse-DNS name and the address as the receiver recorded them", () => {
  it.each([
    {
      name: "a CommuniGate account name is not the reverse-DNS name",
      header:
        "from [192.0.2.149] (account user@example.com [192.0.2.149] verified) by mail.example.net (CommuniGate Pro SMTP 5.4.6) with ESMTPA id 62599894; Fri, 29 Aug 2025 02:33:19 +0100",
      from: { helo: "[192.0.2.149]", rdns: null, ip: "192.0.2.149" },
    },
    {
      name: "a ZMailer quoted \"EHLO name\" is the HELO, so the leading name is the reverse-DNS name",
      header:
        'from m1.example.net ([192.0.2.4]:32007 "EHLO m1.example.net" rhost-flags-OK-OK-OK-OK) by vger.example.org with ESMTP id S1730618AbgKJS5E (ORCPT <rfc822;list@vger.example.org>); Tue, 10 Nov 2020 13:57:04 -0500',
      from: { helo: "m1.example.net", rdns: "m1.example.net", ip: "192.0.2.4" },
    },
    {
      name: "a ZMailer HELO that differs from the reverse-DNS name keeps both",
      header:
        'from relay.example.net ([192.0.2.5]:4000 "HELO client.example.com" rhost-flags-OK-OK-OK-OK) by vger.example.org with ESMTP id S17; Tue, 10 Nov 2020 13:57:04 -0500',
      from: { helo: "client.example.com", rdns: "relay.example.net", ip: "192.0.2.5" },
    },
    {
      name: "qmail-smtpd without (HELO …): the HELO equalled REMOTEHOST, so the leading name is the reverse-DNS name too",
      header: "from smtp2.example.it (192.0.2.112) by smtp.example.net with SMTP; 29 Nov 2015 08:46:02 -0000",
      from: { helo: "smtp2.example.it", rdns: "smtp2.example.it", ip: "192.0.2.112" },
    },
    {
      name: "qmail-smtpd with an ident user before the address",
      header: "from mpehp1.example.de (root@192.0.2.10) by o05.example.de with SMTP; 16 Dec 2002 14:31:36 -0000",
      from: { helo: "mpehp1.example.de", rdns: "mpehp1.example.de", ip: "192.0.2.10" },
    },
    {
      name: "qmail-smtpd with (HELO …): the HELO differed, the leading name is the reverse-DNS name",
      header: "from mx.example.com (HELO mx0a.example.com) (192.0.2.5) by smtp.example.net with SMTP; 8 Mar 2017 16:46:30 -0000",
      from: { helo: "mx0a.example.com", rdns: "mx.example.com", ip: "192.0.2.5" },
    },
    {
      name: "qmail-smtpd's 'unknown' (no PTR record) is no reverse-DNS name",
      header: "from unknown (192.0.2.33) by smtp.example.net with SMTP; 8 Mar 2017 16:46:30 -0000",
      from: { helo: "unknown", rdns: null, ip: "192.0.2.33" },
    },
    {
      name: "the same shape with a weekday or a real zone is not qmail's stamp: the leading name stays the HELO only (Microsoft, MailFoundry)",
      header: "from mx3.example.org (192.0.2.78) by relay2.example.net with SMTP; 29 Apr 2010 23:34:45 +0900",
      from: { helo: "mx3.example.org", rdns: null, ip: "192.0.2.78" },
    },
    {
      name: "Exchange's from HELO (IP) keeps the name as the HELO",
      header: "from client.example.com (192.0.2.9) by EX01.example.local (10.0.0.5) with Microsoft SMTP Server id 14.3.123.3; Tue, 3 Feb 2026 18:00:00 +0000",
      from: { helo: "client.example.com", rdns: null, ip: "192.0.2.9" },
    },
  ])("$name", ({ header, from }) => {
    expect(parseReceived(header).from).toEqual(from);
  });
});

describe("the from part without a comment", () => {
  it.each([
    {
      name: "a host name after 'from' (no comment) stays the HELO",
      input: "from vm4-ext.example.net by vm4 with SMTP; Wed,  4 Sep 2002 22:26:20 -0400",
      from: { helo: "vm4-ext.example.net", rdns: null, ip: null },
      by: "vm4",
    },
    {
      name: "qmail-scanner's envelope sender after 'from' is not a HELO name",
      input: "from replies@example.com by mailhost with qmail-scanner-1.00 (uvscan: v4.1.40/v4210. . Clean. Processed in 8.59332 secs); 10 Jul 2002 13:22:42 -0000",
      from: { helo: null, rdns: null, ip: null },
      by: "mailhost",
    },
  ])("$name", ({ input, from, by }) => {
    const p = parseReceived(input);
    expect(p.from).toEqual(from);
    expect(p.by?.host).toBe(by);
    expect(p.timestamp).not.toBeNull();
  });
});

describe("a reverse-DNS name has a top-level domain", () => {
  it("a name whose last label is all digits is none: a mangled address, a version number", () => {
    // phishing_pot's redaction mangled the client address: "193.phishing@pot.113.71".
    expect(parseReceived("from ulfzyq.qol.jyo (193.phishing@pot.113.71) by mx.example.org with ESMTP; Mon, 9 Nov 2026 10:00:00 +0000").from).toMatchObject({ helo: "ulfzyq.qol.jyo", rdns: null, ip: null });
    // SpamAssassin's AVG sample: "(AVG SMTP 7.0.299 [265.6.8])".
    expect(parseReceived("from 127.0.0.1 (AVG SMTP 7.0.299 [265.6.8]); Wed, 05 Jan 2005 15:06:48 -0800").from?.rdns).toBeNull();
    expect(parseReceived("from mail.example.net (mail.example.net [192.0.2.1]) by mx.example.org with ESMTP; Mon, 9 Nov 2026 10:00:00 +0000").from?.rdns).toBe("mail.example.net");
  });
});
