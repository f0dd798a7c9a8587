/**
 * Regressions found while reviewing real header sets (reviewer 2): one table case per behaviour.
 * Header values are anonymised (documentation addresses and example domains).
 */
import { describe, expect, it } from "vitest";
import { parseReceived } from "@/lib/analysis/received/parse-received";
import { operatorForHop } from "@/lib/analysis/operators/match";
import { senderOperator, type SenderHop } from "@/lib/analysis/operators/sender";
import type { RawField } from "@/lib/analysis/message/headers";

describe("Received from-part regressions (reviewer 2)", () => {
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
  ])("$name", ({ header, from }) => {
    expect(parseReceived(header).from).toEqual(from);
  });
});

describe("Operator regressions (reviewer 2)", () => {
  it.each([
    {
      name: "MailChannels' inbound proxy is recognised by its versioned marker (trex/6.9.1)",
      comments: ["using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384", "trex/6.9.1"],
      expected: "MailChannels",
    },
    {
      name: "a marker followed by something other than a version is not a marker",
      comments: ["trex/beta"],
      expected: null,
    },
  ])("$name", ({ comments, expected }) => {
    expect(operatorForHop({ byHost: "100.127.93.20", byIp: "100.127.93.20", comments })?.name ?? null).toBe(expected);
  });
});

function field(name: string, value: string): RawField {
  return { name, key: name.toLowerCase(), value, decoded: value };
}

describe("Sender operator regressions (reviewer 2)", () => {
  const hop = (rdns: string | null, ip: string, byHost: string): SenderHop => ({ from: { helo: null, rdns, ip }, by: { host: byHost, ip: null }, submission: null });
  const inbound = [hop(null, "192.0.2.157", "192.0.2.74"), hop("relay.example.cn", "198.51.100.194", "mxa.mailgun.org")];
  it.each([
    {
      name: "headers of a service the hops show only as the recipient's inbound MX do not name the sender",
      fields: [["X-Mailgun-Incoming", "Yes"]] as [string, string][],
      hops: inbound,
      expected: null,
    },
    {
      name: "the same headers still name the sender when the hops show that service sending",
      fields: [["X-Mailgun-Sid", "abc"]] as [string, string][],
      hops: [hop("mail.example.org", "192.0.2.10", "smtp-out-n07.prod.us-west-2.postgun.com"), hop("m42-4.mailgun.net", "69.72.42.4", "mx.example.net")],
      expected: "Mailgun",
    },
  ])("$name", ({ fields, hops, expected }) => {
    expect(senderOperator(fields.map(([n, v]) => field(n, v)), hops).operator).toBe(expected);
  });
});
