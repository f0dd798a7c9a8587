/**
 * Received grammar that real mail forced (issue 10: a differential run on 9,080 real messages).
 * Real lines come from tests/fixtures/received-lines.tsv (sources there); the t-online, IONOS and
 * "HOSTING RELAY" lines are shaped after the forms the issue quotes from real messages, with
 * documentation addresses.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { parseReceived } from "@/lib/analysis/received/parse-received";
import { protocolInfo } from "@/lib/analysis/received/protocols";

const TSV = readFileSync(path.resolve(__dirname, "../fixtures/received-lines.tsv"), "utf8").split(/\r?\n/);
/** The value of the table's line added for issue 10 whose source names `corpusFile`. */
function realLine(corpusFile: string): string {
  const row = TSV.find((l) => l.includes(`corpus file ${corpusFile}):`));
  if (!row) throw new Error(`no line for ${corpusFile}`);
  return (row.split("\t")[1] ?? "").replace(/^Received:\s*/, "");
}
const fixture = (name: string) => readFileSync(path.resolve(__dirname, "../fixtures/headers", name), "utf8");

describe("Exim 'from NAME ([ip])' without helo=: NAME is the verified rDNS and the HELO", () => {
  it("records rdns and helo for 'from NAME ([ip])' with an (Exim 4.92) banner (phishing_pot sample-137)", () => {
    const p = parseReceived(realLine("phishing_pot__sample-137.txt"));
    expect(p.software).toBe("Exim");
    expect(p.from).toEqual({ helo: "ecres231.servconfig.com", rdns: "ecres231.servconfig.com", ip: "198.46.81.61" });
  });

  it("records rdns and helo for Exim's 'from NAME ([ip]:port)' (sisimai lhost-postfix-31)", () => {
    expect(parseReceived(realLine("sisimai__lhost-postfix-31.txt")).from).toEqual({ helo: "nyaaan.example.com", rdns: "nyaaan.example.com", ip: "192.0.2.222" });
  });

  it("records rdns for the port form alone, which only Exim writes", () => {
    const p = parseReceived("from mail.example.net ([203.0.113.7]:52311) by mx.example.org with esmtp id x; Tue, 31 Jan 2023 10:00:00 +0000");
    expect(p.from).toEqual({ helo: "mail.example.net", rdns: "mail.example.net", ip: "203.0.113.7" });
  });

  it("keeps rdns and HELO apart when Exim writes helo=", () => {
    const p = parseReceived("from smtp.spodhuis.org ([2a02:898:31:0:48:4558:736d:7470]:38689 helo=mx.spodhuis.org) by hummus.csx.cam.ac.uk with esmtpsa (Exim 4.91) id 1fZ55k-0006CO-9M; Sat, 30 Jun 2018 02:54:24 +0100");
    expect(p.from).toEqual({ helo: "mx.spodhuis.org", rdns: "smtp.spodhuis.org", ip: "2a02:898:31:0:48:4558:736d:7470" });
  });

  it("does not guess an rdns for Sendmail's 'from HELO ([ip])' (no PTR found)", () => {
    const p = parseReceived("from helo.example ([198.51.100.4]) by host.example.org (8.15.2/8.15.2) with ESMTP id 2BT; Tue, 29 Nov 2022 10:13:34 -0500");
    expect(p.from).toEqual({ helo: "helo.example", rdns: null, ip: "198.51.100.4" });
  });

  it("does not take an address literal NAME for an rdns", () => {
    const p = parseReceived("from [203.0.113.7] ([203.0.113.7]:52311) by mx.example.org with esmtp (Exim 4.96) id 1pM8xB-0004Qk-2v; Tue, 31 Jan 2023 10:00:00 +0000");
    expect(p.from?.rdns).toBeNull();
  });

  it("the whole sample-137 analysis shows the Exim hop's rdns", () => {
    const hop = analyze(fixture("phishing_pot__sample-137.txt")).hops.find((h) => h.by?.host === "se2-iad1.servconfig.com");
    expect(hop?.from?.rdns).toBe("ecres231.servconfig.com");
  });
});

describe("'with HTTP/1.1' is an HTTP submission", () => {
  const line = "from 203.0.113.50 by fwd72.aul.t-online.de with HTTP/1.1 (Lax); Sun, 29 Jan 2023 17:21:27 +0100";

  it("the protocol table reads HTTP with a version as HTTP", () => {
    expect(protocolInfo("HTTP/1.1")?.submission).toBe("http");
    expect(protocolInfo("http/1.0")?.submission).toBe("http");
    expect(protocolInfo("HTTPS/2")?.tls).toBe(true);
    expect(protocolInfo("HTTP/1.1x")).toBeNull();
  });

  it("a t-online webmail hop is a submission with its token kept as written", () => {
    const p = parseReceived(line);
    expect(p.with).toBe("HTTP/1.1");
    expect(p.submission).toBe("http");
    expect(p.from?.ip).toBe("203.0.113.50");
  });
});

describe("'from IP:port' is an address and a port, not a HELO", () => {
  it("reads 217.160.10.139:13012 as the client address", () => {
    const p = parseReceived("from 217.160.10.139:13012 by smtp.example.net with ESMTPSA id 1MZTm8; Sun, 29 Jan 2023 17:21:28 +0100");
    expect(p.from).toEqual({ helo: null, rdns: null, ip: "217.160.10.139" });
  });

  it("leaves names with colons that are not address:port alone", () => {
    expect(parseReceived("from host.example:25 by b.example; Sun, 29 Jan 2023 17:21:28 +0100").from?.ip).toBeNull();
    expect(parseReceived("from 2001:db8::1 by b.example; Sun, 29 Jan 2023 17:21:28 +0100").from?.ip).toBe("2001:db8::1");
  });
});

describe("'by : HOSTING RELAY :' names no host", () => {
  const headers = `Received: from mail.example.net (mail.example.net [203.0.113.7]) by : HOSTING RELAY : with ESMTP id 4Q; Tue, 31 Jan 2023 10:00:01 +0000
Received: from [10.0.0.8] (unknown [198.51.100.7]) by mail.example.net (Postfix) with ESMTPSA id 0; Tue, 31 Jan 2023 10:00:00 +0000
`;

  it("by.host is null and the header says junk-by-host", () => {
    const p = parseReceived("from mail.example.net ([203.0.113.7]) by : HOSTING RELAY : with ESMTP id 4Q; Tue, 31 Jan 2023 10:00:01 +0000");
    expect(p.by?.host ?? null).toBeNull();
    expect(p.problems).toContain("junk-by-host");
    expect(p.with).toBe("ESMTP");
  });

  it("the analysis reports it as a junk-by-host warning on its hop", () => {
    const a = analyze(headers);
    expect(a.hops[1].by?.host ?? null).toBeNull();
    expect(a.hops[1].findings.map((f) => `${f.code}:${f.severity}`)).toContain("junk-by-host:warning");
  });

  it("a by clause with nothing but a comment, or nothing at all, names no host either (mail-parser malformed_1 and malformed_3)", () => {
    for (const v of [
      "from [192.0.2.9] by  (Postfix) with ESMTPA id 1A2B; Tue, 31 Jan 2023 10:00:00 +0000",
      "from 192.0.2.66 by ; Mon, 20 Mar 2017 03:11:54 +0400",
      "from a.example ([192.0.2.1]) by with SMTP; Tue, 31 Jan 2023 10:00:00 +0000",
    ]) {
      const p = parseReceived(v);
      expect(p.by?.host ?? null, v).toBeNull();
      expect(p.problems, v).toContain("junk-by-host");
    }
    // A by clause that names its server in a literal or a word is not junk; no by clause at all is no junk either.
    expect(parseReceived("from a.example ([192.0.2.1]) by [192.0.2.2] (Postfix) with SMTP; Tue, 31 Jan 2023 10:00:00 +0000").problems).not.toContain("junk-by-host");
    expect(parseReceived("(qmail 1234 invoked from network); 8 Mar 2017 01:21:00 -0000").problems).not.toContain("junk-by-host");
  });

  it("ordinary dotless by names are not junk", () => {
    for (const by of ["geopod-ismtpd-5-1", "mx19", "2002:a05:6a10:b096:b0:51c:3972:fc1f"]) {
      const p = parseReceived(`from a.example ([192.0.2.1]) by ${by} with SMTP id x; Tue, 31 Jan 2023 10:00:00 +0000`);
      expect(p.by?.host).toBe(by);
      expect(p.problems).not.toContain("junk-by-host");
    }
  });
});

describe("junk after the weekday in a Received date", () => {
  it("still reads the date of phishing_pot sample-426 ('Tue, ��, 29 Jan 2023 17:21:28 +0000')", () => {
    const p = parseReceived(realLine("phishing_pot__sample-426.txt"));
    expect(p.timestamp).toBe("2023-01-29T17:21:28.000Z");
    expect(p.problems).toEqual([]);
  });

  it("reads it with a mis-encoded Latin-1 byte as well", () => {
    expect(parseReceived("from a.example by b.example with ESMTP; Tue, \u00b1, 29 Jan 2023 17:21:28 +0000").timestamp).toBe("2023-01-29T17:21:28.000Z");
  });

  it("still refuses junk in place of the day or month", () => {
    expect(parseReceived("from a.example by b.example with ESMTP; Tue, 29 ��� 2023 17:21:28 +0000").timestamp).toBeNull();
    expect(parseReceived("from a.example by b.example with ESMTP; ��, ��, ��").timestamp).toBeNull();
  });
});
