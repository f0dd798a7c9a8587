/**
 * Operators recognised from the marks their software leaves in Received comments, and the
 * sending service when a provider's headers describe the recipient's side. Anonymised values.
 */
import { describe, expect, it } from "vitest";
import { operatorForHop } from "@/lib/analysis/operators/match";
import { senderOperator, type SenderHop } from "@/lib/analysis/operators/sender";
import type { RawField } from "@/lib/analysis/message/headers";

describe("operators recognised from Received comments", () => {
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

describe("the sending service is not the recipient's inbound provider", () => {
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
