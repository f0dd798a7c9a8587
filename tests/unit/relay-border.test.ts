/**
 * The recipient's border and the relay types decided from it (route/border.ts, route/relay-rules.ts),
 * on real header sets from tests/fixtures/headers. Each case names the behaviour it pins.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { parseReceived } from "@/lib/analysis/received/parse-received";
import type { Analysis } from "@/lib/analysis/types";

const DIR = path.resolve(__dirname, "../fixtures/headers");
const fixture = (name: string): Analysis => analyze(readFileSync(path.join(DIR, name), "utf8"));
const types = (a: Analysis) => a.hops.map((h) => h.relayType);

interface BorderCase {
  name: string;
  fixture: string;
  border: number | null;
  types: string[];
  trails?: number;
  /** A phrase the border's evidence must contain. */
  evidence?: string;
}

const BORDERS: BorderCase[] = [
  {
    name: "Microsoft 365 tenant to tenant: the outbound host handing to the inbound host is the recipient's MX",
    fixture: "phishing_pot__sample-1086.txt",
    border: 3,
    types: ["submission", "internal", "mx", "internal", "internal", "delivery"],
    evidence: "Received-SPF: pass for client 40.92.20.10",
  },
  {
    name: "Microsoft 365 tenant to tenant (a second tenant pair)",
    fixture: "phishing_pot__sample-1100.txt",
    border: 3,
    types: ["submission", "internal", "mx", "internal", "internal", "delivery"],
  },
  {
    name: "a HELO of localhost.localdomain from a public address is the border, not a local client",
    fixture: "phishing_pot__sample-2417.txt",
    border: 1,
    types: ["mx", "internal", "internal", "delivery"],
  },
  {
    name: "a HELO naming msn.com does not make the inbound hop internal",
    fixture: "phishing_pot__sample-5181.txt",
    border: 1,
    types: ["mx", "internal", "internal", "delivery"],
    evidence: "4.216.148.221",
  },
  {
    name: "the same shape with an ordinary HELO (for contrast)",
    fixture: "phishing_pot__sample-4064.txt",
    border: 1,
    types: ["mx", "internal", "internal", "delivery"],
  },
  {
    name: "a sending service (Mailchimp) into Microsoft 365: the receiver's SPF check names the border",
    fixture: "phishing_pot__sample-17.txt",
    border: 2,
    types: ["esp", "mx", "internal", "internal", "delivery"],
    evidence: "198.2.183.45",
  },
  {
    name: "Google's outbound edge handing to Google's inbound MX crosses between two accounts",
    fixture: "phishing_pot__sample-1011.txt",
    border: 7,
    trails: 2,
    types: ["mx", "internal", "internal", "internal", "internal", "internal", "mx", "internal", "internal", "delivery"],
  },
  {
    name: "a recipient's Proofpoint gateway in front of Google: Google checked the client beyond it, so the border is the gateway",
    fixture: "phishing_pot__sample-270.txt",
    border: 2,
    types: ["submission", "mx", "internal", "internal", "delivery"],
  },
  {
    name: "the sender's Mimecast relay is a smart host; the border is Proton's inbound host",
    fixture: "phishing_pot__sample-5291.txt",
    border: 4,
    types: ["submission", "internal", "smart-host", "mx"],
  },
  {
    name: "the sender's MessageLabs is a smart host before Microsoft 365's border",
    fixture: "phishing_pot__sample-3525.txt",
    border: 3,
    types: ["smart-host", "internal", "mx", "internal", "internal", "internal", "internal", "delivery"],
  },
  {
    name: "the sender's Proofpoint (IBM's) is a smart host; the recipient's server is the border",
    fixture: "mail-parser__mail_test_10.txt",
    border: 14,
    types: ["submission", "internal", "internal", "smart-host", "internal", "internal", "internal", "internal", "internal", "internal", "internal", "smart-host", "internal", "mx", "internal"],
  },
  {
    name: "a forwarding service (ImprovMX) then Proton: two trails, one MX each",
    fixture: "phishing_pot__sample-1211.txt",
    border: 2,
    trails: 2,
    types: ["mx", "mx"],
  },
  {
    name: "Gmail auto-forwarding to Proton: two trails, one MX each",
    fixture: "phishing_pot__sample-2280.txt",
    border: 4,
    trails: 2,
    types: ["mx", "internal", "internal", "mx"],
  },
  {
    name: "a mailing list (vger) is the border of the first trail and hands on to the subscriber's MX",
    fixture: "lkml-archive__mailgun_codeaurora_vger.txt",
    border: 6,
    trails: 2,
    types: ["submission", "submission", "esp", "mx", "internal", "mx"],
  },
  {
    name: "mail that stayed inside one organisation has no border",
    fixture: "flanker__multi_received_headers.txt",
    border: null,
    types: ["submission", "internal", "internal", "delivery"],
  },
  {
    name: "an authenticated submission is never the border (Haraka, the laptop's own MTA below it)",
    fixture: "haraka__queue_1507509981169.txt",
    border: 3,
    types: ["submission", "internal", "mx", "internal"],
  },
  {
    name: "fetchmail pulling from the recipient's mailbox host is inside the recipient's side",
    fixture: "spamassassin__spam_004.txt",
    border: 5,
    trails: 2,
    types: ["submission", "smart-host", "mx", "internal", "mx", "internal", "internal"],
  },
  {
    name: "a mailing list's server is no gateway of the subscriber's provider: it received for the list's address and sent on under the list's domain, a trail of its own (IETF Mailman behind amavis, then Gmail)",
    fixture: "mail-auth__arc-001-ietf-list.txt",
    border: 7,
    trails: 2,
    types: ["submission", "mx", "internal", "internal", "internal", "internal", "mx", "delivery"],
    evidence: "Received-SPF: pass for client 50.223.129.194 (google.com) names the client of hop 7",
  },
  {
    name: "Gmail's Received-SPF and Authentication-Results, written below its own Received header, name that hop's client",
    fixture: "mailparser__nodemailer.txt",
    border: 2,
    types: ["smart-host", "mx", "delivery"],
    evidence: "Received-SPF: pass for client 217.146.68.191 (google.com) names the client of hop 2 | Authentication-Results: spf checked sender IP 217.146.68.191 (mx.google.com) names the client of hop 2",
  },
];

describe("the recipient's border", () => {
  it.each(BORDERS)("$name", ({ fixture: name, border, types: expected, trails, evidence }) => {
    const a = fixture(name);
    expect(a.summary.border.hop).toBe(border);
    expect(types(a)).toEqual(expected);
    if (trails !== undefined) expect(a.summary.trails).toBe(trails);
    if (evidence) expect(a.summary.border.evidence.join(" | ")).toContain(evidence);
    // Hops at and above the border are the recipient's record; below it, the sender's claims.
    if (border !== null) for (const h of a.hops) expect(h.trust).toBe(h.index >= border ? "recipient" : "sender");
    for (const h of a.hops) expect(h.relayReason.length).toBeGreaterThan(10);
  });
});

describe("every fixture", () => {
  const all = readdirSync(DIR).filter((f) => f.endsWith(".txt"));

  it.each(all)("%s has at most one border per trail: one mx, or a backup-mx then an mx", (name) => {
    const a = fixture(name);
    for (let t = 1; t <= a.summary.trails; t++) {
      const inTrail = a.hops.filter((h) => h.trail === t).map((h) => h.relayType);
      const mx = inTrail.filter((x) => x === "mx").length;
      const backup = inTrail.filter((x) => x === "backup-mx").length;
      expect(mx + backup, `${name} trail ${t}: ${inTrail.join(" ")}`).toBeLessThanOrEqual(backup > 0 ? 2 : 1);
    }
    expect(a.summary.borders).toHaveLength(a.summary.trails);
    expect(a.summary.border).toEqual({ hop: a.summary.borders[0].hop, evidence: a.summary.borders[0].evidence });
  });

  it("every Microsoft 365 delivery has an mx hop (the issue's 11% without a border)", () => {
    const delivered = all.map(fixture).filter((a) => a.hops.at(-1)?.operator === "Microsoft 365" && a.hops.at(-1)?.relayType === "delivery");
    expect(delivered.length).toBeGreaterThan(40);
    const without = delivered.filter((a) => !a.hops.some((h) => h.relayType === "mx"));
    expect(without).toEqual([]);
  });
});

describe("claims versus evidence", () => {
  it("a HELO of localhost from a public address keeps its plaintext warning and gets a helo-mismatch", () => {
    const a = fixture("phishing_pot__sample-2417.txt");
    const codes = a.hops[0].findings.map((f) => f.code);
    expect(codes).toContain("plaintext-hop");
    expect(codes).toContain("helo-mismatch");
  });

  it("the From domain's own server called mx.* hands the message out: one trail, the border is the recipient's MX (phishing_pot sample-670)", () => {
    const a = fixture("phishing_pot__sample-670.txt");
    expect(a.summary.trails).toBe(1);
    expect(a.summary.border?.hop).toBe(2);
    expect(a.hops[0].relayType).not.toBe("mx");
    expect(a.hops[0].trust).toBe("sender");
  });

  it("a Google Groups HELO from a DigitalOcean address is a helo-mismatch (phishing_pot sample-52)", () => {
    const f = fixture("phishing_pot__sample-52.txt").hops[0].findings.find((x) => x.code === "helo-mismatch");
    expect(f?.message).toMatch(/googlegroups\.com, a Google name/);
  });

  it("a HELO naming a known operator from outside its networks is a helo-mismatch warning", () => {
    const f = fixture("phishing_pot__sample-5181.txt").hops[0].findings.find((x) => x.code === "helo-mismatch");
    expect(f?.severity).toBe("warning");
    expect(f?.message).toContain("wolmwo.msn.com");
  });

  it("an authenticated client's own name is not checked (it logs in behind the provider's load balancer)", () => {
    expect(fixture("phishing_pot__sample-3315.txt").hops[0].findings.map((f) => f.code)).not.toContain("helo-mismatch");
  });

  it("with two bracketed addresses in a from part, the receiver's own record (the last) is the client", () => {
    const p = parseReceived("from x ([6.6.6.6]) (real.example.net [192.0.2.9]) by mx.example.org with ESMTP id 1; Mon, 1 Jan 2024 10:00:00 +0000");
    expect(p.from).toEqual({ helo: "x", rdns: "real.example.net", ip: "192.0.2.9" });
  });
});

/**
 * Relay types that changed on the reviewed fixtures when the border logic replaced the old chain
 * of rules, each with its reason (the fixtures' expected JSON holds the new reading).
 */
const CHANGED: { fixture: string; hop: number; was: string; now: string; because: string }[] = [
  { fixture: "phishing_pot__sample-1011.txt", hop: 1, was: "internal", now: "mx", because: "Gmail's own sending edge into mx.google.com is a border between two accounts" },
  { fixture: "phishing_pot__sample-1981.txt", hop: 6, was: "internal", now: "mx", because: "Microsoft 365 tenant to tenant (-obe.outbound into mail.protection)" },
  { fixture: "phishing_pot__sample-270.txt", hop: 4, was: "mx", now: "internal", because: "the recipient's Proofpoint gateway hands on to Google, which checked the client beyond it" },
  { fixture: "phishing_pot__sample-340.txt", hop: 6, was: "internal", now: "mx", because: "a Google-to-Google forward re-enters through mx.google.com: a second trail" },
  { fixture: "phishing_pot__sample-3525.txt", hop: 1, was: "mx", now: "smart-host", because: "MessageLabs relays for the sender; its bemta hosts hand to the recipient" },
  { fixture: "sisimai__lhost-exchange2007-04.txt", hop: 1, was: "mx", now: "smart-host", because: "MessageLabs relays for the sender, as in sample-3525" },
  { fixture: "sisimai__rhost-messagelabs-01.txt", hop: 4, was: "mx", now: "smart-host", because: "MessageLabs' bemta host relays for the sender before the recipient's server" },
  { fixture: "phishing_pot__sample-5291.txt", hop: 3, was: "mx", now: "smart-host", because: "Mimecast takes mail from the sender's own Exchange servers, which submitted it below" },
  { fixture: "mail-parser__mail_test_10.txt", hop: 12, was: "mx", now: "smart-host", because: "IBM's Proofpoint relays IBM's outbound mail to the recipient's server" },
  { fixture: "rspamd__rcvd7.txt", hop: 3, was: "mx", now: "smart-host", because: "repeated hand-offs into one MX are one border, not one per copy (rspamd's synthetic test)" },
  { fixture: "sisimai__lhost-x5-01.txt", hop: 8, was: "unknown", now: "mx", because: "the walk back from the fetchmail delivery finds the entry into the recipient's side" },
  { fixture: "spamassassin__welcomelists_cert_org.txt", hop: 3, was: "mx", now: "smart-host", because: "the forwarders' names are anonymised inconsistently (spit.gen.nz / xxxxxx.gen.nz): no earlier border is proven" },
];

describe("relay types that changed on the reviewed fixtures, with their reasons", () => {
  it.each(CHANGED)("$fixture hop $hop: $was → $now ($because)", ({ fixture: name, hop, now }) => {
    expect(fixture(name).hops[hop - 1].relayType).toBe(now);
  });
});
