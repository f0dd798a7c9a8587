/**
 * Issue 13: skew-corrected clocks, the cause of long gaps, and the delivery time and slowest hop
 * without forged hops. Real header sets (tests/fixtures/headers) and real-shaped ones
 * (tests/fixtures/issue-13) whose times were chosen to show one behaviour each.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, type Analysis } from "@/lib/analysis";
import { EXAMPLES } from "@/components/analysis/examples";
import { clockObservations } from "@/lib/analysis/clock/observations";
import { splitHeaderBlock } from "@/lib/analysis/message/headers";

const ROOT = path.resolve(__dirname, "../fixtures");
const real = (name: string) => analyze(readFileSync(path.join(ROOT, "headers", name), "utf8"));
const shaped = (name: string) => analyze(readFileSync(path.join(ROOT, "issue-13", name), "utf8"));
const offsets = (a: Analysis) => a.hops.map((h) => h.clock?.offsetSeconds ?? null);

/** Latest header first, as MTAs prepend them. */
function chain(lines: string[], extra = ""): Analysis {
  return analyze(lines.join("\n") + "\n" + extra + "From: a@sender-co.com\nTo: b@recipient-corp.com\nSubject: t\n");
}

describe("clock offsets", () => {
  it("a sender-side filter whose clock is 12 min behind is named, and its neighbours' fake gap vanishes (flanker outlook_express)", () => {
    const a = real("flanker__outlook_express.txt");
    // hop 2-4 run on 121.14.68.74 (hops 3-4 by an unnamed local filter on the same machine)
    expect(offsets(a)).toEqual([0, -708, -708, -708, 0, 0, 0]);
    expect(a.hops[1].delaySeconds).toBe(-709); // raw values stay
    expect(a.hops[4].delaySeconds).toBe(714);
    expect(a.hops[4].clock?.correctedDelaySeconds).toBe(6);
    expect(a.hops[1].clock?.basis.join(" ")).toMatch(/12 min behind/);
    expect(a.summary.totalDelaySeconds).toBe(22);
    expect(a.summary.deliverySeconds).toBe(22);
  });

  it("the recipient's own clock is distrusted when the sender's server and the Date header agree against it (sisimai opensmtpd-01)", () => {
    const a = real("sisimai__lhost-opensmtpd-01.txt");
    expect(offsets(a)).toEqual([0, -1181]);
    expect(a.hops[1].clock?.correctedDelaySeconds).toBe(-1);
    expect(a.summary.totalDelaySeconds).toBe(-1182);
    expect(a.summary.deliverySeconds).toBe(0);
  });

  it("a recipient clock 17 h behind does not make the sender's hops 'after the border' (forged): the Date and X-Received side with them (sisimai googlegroups-14)", () => {
    const a = real("sisimai__lhost-googlegroups-14.txt");
    expect(offsets(a)).toEqual([0, 0, -61199, -61199]);
    expect(a.hops[2].clock?.basis.join(" ")).toMatch(/X-Received by Google/);
    expect(a.summary.deliverySeconds).toBe(0);
  });

  it("a sending server 2 h behind (a time-zone mistake) against the Date header and Exchange Online (phishing_pot 670)", () => {
    const a = real("phishing_pot__sample-670.txt");
    expect(a.hops[0].clock?.offsetSeconds).toBe(-7217);
    expect(a.hops[1].delaySeconds).toBe(7218);
    expect(a.hops[1].clock?.correctedDelaySeconds).toBe(1);
    expect(a.hops[1].delayCause).toMatchObject({ cause: "clock-skew", owner: "mx.ancidigitale.it" });
    expect(a.summary.totalDelaySeconds).toBe(7232);
    expect(a.summary.deliverySeconds).toBe(15);
  });

  it("no offset without evidence: when no clock contradicts another, every offset is null and corrected = raw", () => {
    const a = shaped("greylisting-postgrey.txt");
    expect(offsets(a)).toEqual([null, null, null]);
    a.hops.forEach((h) => expect(h.clock?.correctedDelaySeconds).toBe(h.delaySeconds));
    expect(a.hops[1].clock?.basis[0]).toMatch(/No other clock/);
  });

  it("a DKIM t= later than the border's time is a clock the border contradicts: the signer's or the border's, decided by the other clocks", () => {
    // Hop 1 and the Date agree; the recipient's border is dated before the signature: the border's clock is behind.
    const a = chain(
      [
        "Received: from mx.recipient-corp.com (mx.recipient-corp.com [198.51.100.9]) by store.recipient-corp.com (Postfix) with LMTP id 2; Tue, 1 Dec 2026 10:05:30 +0000",
        "Received: from smtp.sender-co.com (smtp.sender-co.com [203.0.113.5]) by mx.recipient-corp.com (Postfix) with ESMTPS id 1; Tue, 1 Dec 2026 10:00:00 +0000",
        "Received: from [10.0.0.2] (unknown [10.0.0.2]) by smtp.sender-co.com (Postfix) with ESMTPSA id 0; Tue, 1 Dec 2026 10:05:01 +0000",
      ],
      "DKIM-Signature: v=1; a=rsa-sha256; d=sender-co.com; s=s; t=1796119502; bh=x; b=y\nDate: Tue, 1 Dec 2026 10:05:00 +0000\n",
    );
    // recipient-corp.com is one clock (hops 2 and 3): distrusting it alone is the fewest; hop 3 is its own too
    expect(a.hops[0].clock?.offsetSeconds).toBe(0);
    expect(a.hops[1].clock?.offsetSeconds).toBeLessThan(-290);
    expect(a.hops[1].clock?.basis.join(" ")).toMatch(/DKIM signature of sender\.example|hop 1/);
  });

  it("two clocks that disagree with no third to judge them get no offset, and the basis says why", () => {
    const a = chain([
      "Received: from relay.b-net.com (relay.b-net.com [198.51.100.20]) by mx.recipient-corp.com (Postfix) with ESMTPS id 3; Tue, 1 Dec 2026 10:06:00 +0000",
      "Received: from out.a-net.com (out.a-net.com [198.51.100.10]) by relay.b-net.com (Postfix) with ESMTPS id 2; Tue, 1 Dec 2026 10:00:30 +0000",
      "Received: from app.s-net.com (app.s-net.com [203.0.113.4]) by out.a-net.com (Postfix) with ESMTPS id 1; Tue, 1 Dec 2026 10:05:00 +0000",
      "Received: from [10.0.0.2] (unknown [10.0.0.2]) by app.s-net.com (Postfix) with ESMTPSA id 0; Tue, 1 Dec 2026 10:00:00 +0000",
    ]);
    expect(offsets(a)).toEqual([null, null, null, null]);
    expect(a.hops[2].clock?.basis.join(" ")).toMatch(/No third clock/);
    a.hops.forEach((h) => expect(h.clock?.correctedDelaySeconds).toBe(h.delaySeconds));
  });

  it("a forged (implausibly dated) hop gets no offset and is left out of the delivery time and the slowest hop", () => {
    const a = shaped("forged-bottom-hop.txt");
    expect(a.hops[0].findings.map((f) => f.code)).toContain("implausible-date");
    expect(a.hops[0].clock?.offsetSeconds).toBeNull();
    expect(a.hops[0].clock?.basis[0]).toMatch(/forged/);
    expect(a.summary.totalDelaySeconds).toBeGreaterThan(86_400 * 365); // raw, kept
    expect(a.summary.deliverySeconds).toBe(40);
    expect(a.summary.slowestHop).toBe(4); // 38 of 40 s, not the forged hop's years
    expect(a.hops[1].delayCause).toBeNull();
  });
});

describe("delivery time", () => {
  it("is unknown when only the hops' own clocks contradict each other (a correction is then a bound, not a time)", () => {
    const a = analyze(
      [
        "Received: from mx.example.net (mx.example.net [192.0.2.10]) by store.example.net with LMTP id 2; Mon, 9 Nov 2026 01:00:00 +0000",
        "Received: from out.sender.example (out.sender.example [198.51.100.7]) by mx.example.net with ESMTPS id 1; Mon, 9 Nov 2026 10:00:00 +0000",
        "Subject: skew",
      ].join("\n"),
    );
    expect(a.summary.totalDelaySeconds).toBe(-32_400); // raw stays raw
    expect(a.summary.deliverySeconds).toBeNull();
    expect(a.warnings.map((w) => w.code)).toContain("clock-skew");
  });
});

describe("slowest hop", () => {
  const base = (d2: string, d3: string) =>
    chain([
      `Received: from mail.sendco.net (mail.sendco.net [203.0.113.5]) by mx.recipient-corp.com (Postfix) with ESMTPS id 2; Tue, 1 Dec 2026 ${d3} +0000`,
      `Received: from app.sendco.net (app.sendco.net [203.0.113.6]) by mail.sendco.net (Postfix) with ESMTP id 1; Tue, 1 Dec 2026 ${d2} +0000`,
      "Received: from [10.0.0.2] (unknown [10.0.0.2]) by app.sendco.net (Postfix) with ESMTPSA id 0; Tue, 1 Dec 2026 10:00:00 +0000",
    ]);
  it("is named when it holds >= 10 s and >= 30% of the delivery time", () => {
    expect(base("10:00:02", "10:00:40").summary.slowestHop).toBe(3);
  });
  it("is not named below 10 s", () => {
    expect(base("10:00:02", "10:00:09").summary.slowestHop).toBeNull();
  });
  it("is not named on a tie", () => {
    expect(base("10:00:30", "10:01:00").summary.slowestHop).toBeNull();
  });
});

describe("delay causes", () => {
  it("greylisting by postgrey: the X-Greylist note of the server that took the message (freedesktop shape)", () => {
    const a = shaped("greylisting-postgrey.txt");
    expect(a.hops[1].delaySeconds).toBe(526);
    expect(a.hops[1].delayCause).toMatchObject({ cause: "greylisting", owner: expect.stringMatching(/freedesktop\.org$/) });
    expect(a.hops[1].delayCause?.evidence[0]).toMatch(/postgrey-1\.36/);
    expect(a.hops[2].delayCause).toBeNull();
  });

  it("greylisting by milter-greylist (Delayed for hh:mm:ss)", () => {
    const a = shaped("greylisting-milter.txt");
    expect(a.hops[1].delaySeconds).toBe(370);
    expect(a.hops[1].delayCause).toMatchObject({ cause: "greylisting", owner: "redhat.com" });
    expect(a.hops[1].delayCause?.evidence[0]).toMatch(/6 min/);
  });

  it("sender-side queue: the Date header and the DKIM t= are 40 min before the first hop", () => {
    const a = shaped("sender-queue-dkim.txt");
    expect(a.hops[0].delayCause).toMatchObject({ cause: "sender-queue", owner: "sender" });
    expect(a.hops[0].delayCause?.evidence[0]).toMatch(/Date header is 40 min before/);
    expect(a.hops[1].delayCause).toBeNull();
  });

  it("a backup MX holding the message until the primary took it (the backup-MX example)", () => {
    const ex = EXAMPLES.find((e) => e.id === "backup-mx")!;
    const a = analyze(ex.headers);
    const i = a.hops.findIndex((h) => h.relayType === "backup-mx");
    expect(i).toBeGreaterThanOrEqual(0);
    expect(a.hops[i + 1].delayCause).toMatchObject({ cause: "backup-mx" });
    expect(a.hops[i + 1].delayCause?.evidence[0]).toMatch(/mx2\.contoso-labs\.net/);
  });

  it("the time a filtering gateway held the message is its own (Mimecast, phishing_pot 5291)", () => {
    const a = real("phishing_pot__sample-5291.txt");
    const c = a.hops.map((h) => h.delayCause).filter((x) => x !== null && x !== undefined);
    expect(c).toEqual([expect.objectContaining({ cause: "sandbox", owner: "Mimecast" })]);
  });

  it("a gap before a fetchmail hop is time in the polled mailbox, not a queue (spamassassin nice_002)", () => {
    const a = real("spamassassin__nice_002.txt");
    const h = a.hops[5];
    expect(h.with).toBe("IMAP");
    expect(h.delayCause).toMatchObject({ cause: "mailbox-pickup", owner: "slashnull.org" });
    const slow = h.findings.find((f) => f.code === "slow-hop");
    expect(slow?.message).toMatch(/waited in the mailbox it was fetched from/);
    expect(slow?.message).not.toMatch(/greylisting|retry/);
  });

  it("a gap longer than any MTA keeps retrying (7 days) is no deferral (mail-parser mail_test_9: 72 days; phishing_pot 1393: 70 days)", () => {
    for (const name of ["mail-parser__mail_test_9.txt", "phishing_pot__sample-1393.txt"]) {
      const a = real(name);
      expect(a.hops.map((h) => h.delayCause?.cause ?? null), name).not.toContain("deferral");
    }
    // Within the queue lifetime the border's gap is still the sender's retrying.
    const a = chain([
      "Received: from out.sender-co.com (out.sender-co.com [198.51.100.7]) by mx.recipient-corp.com (Postfix) with ESMTPS id 4AbC; Thu, 5 Feb 2026 18:00:00 +0000",
      "Received: from client.sender-co.com (client.sender-co.com [192.168.1.5]) by out.sender-co.com (Postfix) with ESMTPSA id 77AA; Tue, 3 Feb 2026 18:00:00 +0000",
    ]);
    expect(a.hops[1].delayCause).toMatchObject({ cause: "deferral" });
  });

  it("a gap over 7 days is a date-gap, not a slow hop, and the delivery time is this delivery's (phishing_pot 1393: Microsoft headers of 19 Jul copied into a 28 Sep message)", () => {
    const a = real("phishing_pot__sample-1393.txt");
    expect(a.hops[3].findings.map((f) => f.code)).toEqual(expect.arrayContaining(["date-gap"]));
    expect(a.hops[3].findings.map((f) => f.code)).not.toContain("slow-hop");
    expect(a.summary.deliverySeconds).toBeLessThan(60);
    expect(a.summary.slowestHop).toBeNull();
  });

  it("the delivery time of a resent message is the resend's, not the first delivery's (issue-10 shapes)", () => {
    for (const name of ["resent-mutt-bounce.txt", "redelivered-after-mailbox.txt"]) {
      const a = analyze(readFileSync(path.join(ROOT, "issue-10", name), "utf8"));
      expect(a.summary.trails, name).toBeGreaterThanOrEqual(2);
      expect(a.summary.deliverySeconds, name).toBeLessThan(600);
      expect(a.summary.totalDelaySeconds, name).toBeGreaterThan(86_400); // the contract's field still spans every hop
    }
  });

  it("a sender-side hop left out as dated over an hour after the recipient's border gets implausible-date, and the border is not blamed for clock skew (sisimai exchange2007-04)", () => {
    const a = real("sisimai__lhost-exchange2007-04.txt");
    const border = a.summary.border?.hop as number;
    expect(border).toBe(3);
    const late = a.hops[0].findings.find((f) => f.code === "implausible-date");
    expect(late).toMatchObject({ severity: "warning" });
    expect(late?.message).toMatch(/after hop 3, where the recipient's border received the message/);
    expect(a.hops[border - 1].findings.map((f) => f.code)).not.toContain("clock-skew");
  });

  it("a slow hop that a corrected clock explains is no slow hop (phishing_pot 670: a sending server 2 h off)", () => {
    const a = real("phishing_pot__sample-670.txt");
    expect(a.hops[1].delayCause).toMatchObject({ cause: "clock-skew" });
    expect(a.hops[1].findings.map((f) => f.code)).not.toContain("slow-hop");
    expect(a.warnings.map((f) => f.code)).not.toContain("slow-hop");
  });

  it("short gaps have no cause (threshold 2 min)", () => {
    const a = real("flanker__outlook_express.txt");
    expect(a.hops.filter((h) => h.delayCause && h.delayCause.cause !== "clock-skew")).toEqual([]);
  });
});

describe("signing-time observations (DKIM-Signature and ARC-Seal t=)", () => {
  const observe = (text: string) => clockObservations(splitHeaderBlock(text).fields);

  it("reads t= and d= wherever they stand among empty and unknown tags, the first of each winning", () => {
    const obs = observe("DKIM-Signature: v=1;;; ;a=rsa-sha256; d=Signer.example; s=x;;t=1700000000; t=1800000000; bh=abc=; b=def==\n");
    expect(obs).toEqual([{ group: "dkim:signer.example", label: "the DKIM signature of signer.example (t=)", time: 1_700_000_000_000, before: "border" }]);
  });

  it("finds a tag after a long run of empty tags and stops where no '=' follows", () => {
    const late = observe(`DKIM-Signature: d=signer.example; ${";".repeat(50_000)} t=1700000000; ${"(;".repeat(20_000)}\n`);
    expect(late.map((o) => o.time)).toEqual([1_700_000_000_000]);
    expect(observe(`ARC-Seal: i=1; ${"(;".repeat(40_000)}\n`)).toEqual([]);
  });
});
