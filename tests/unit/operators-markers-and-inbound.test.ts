/**
 * Operators recognised from the marks their software leaves in Received comments, and the
 * sending service when a provider's headers describe the recipient's side. Anonymised values.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
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

describe("the sending service from a by server the chain attributed", () => {
  it("a webmail submission on an unnamed Gmail server (by 10.231.195.131 with HTTP) names Google: the chain gives the server its operator from the hops after it (flanker multi_received_headers, Gmail of 2011)", () => {
    const a = analyze(readFileSync(path.resolve(__dirname, "../fixtures/headers/flanker__multi_received_headers.txt"), "utf8"));
    expect(a.hops[0]).toMatchObject({ operator: "Google", by: { ip: "10.231.195.131" }, with: "HTTP" });
    expect(a.summary.sender.operator).toBe("Google");
  });

  it("the attribution the chain gave wins over a look-up of the by host alone, and without it the host is looked up", () => {
    const webmail: SenderHop = { from: null, by: { host: "10.231.195.131", ip: "10.231.195.131" }, submission: "http" };
    expect(senderOperator([], [webmail]).operator).toBeNull();
    expect(senderOperator([], [{ ...webmail, byOperator: { name: "Google", kind: "mailbox-provider" } }]).operator).toBe("Google");
    expect(senderOperator([], [{ ...webmail, byOperator: null, by: { host: "smtp.gmail.com", ip: null } }]).operator).toBeNull();
  });
});
