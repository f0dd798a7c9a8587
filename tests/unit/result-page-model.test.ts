/**
 * The result page's derived figures (issue 14): forged hops out of the timing, which plaintext
 * matters, names as written, the delay chart's scale, the hop table's sort and bars.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import type { Analysis } from "@/lib/analysis/types";
import { EXAMPLES } from "@/components/analysis/examples";
import { computeDeliverySeconds, deliveryHeadline, deliverySeconds, forgedHops, slowestHop } from "@/components/analysis/forged";
import { tlsSummary, plaintextThatMatters, tlsMatters } from "@/components/analysis/tls-model";
import { byAsWritten, protocolAsWritten } from "@/components/analysis/display-names";
import { chartScale, toChartData } from "@/components/analysis/delay-chart";
import { delayBars, sortHops } from "@/components/analysis/hop-table";
import { routeFacts, hopsByTrail } from "@/components/analysis/hop-context";
import { borderOf, bordersOf, trailCount } from "@/components/analysis/border";

const example = (id: string) => analyze(EXAMPLES.find((e) => e.id === id)!.headers);
const fixture = (name: string) => analyze(readFileSync(path.resolve(__dirname, "../fixtures/headers", name), "utf8"));

describe("forged hops and the timing figures", () => {
  const phishing = example("phishing");

  it("the phishing example's forged bottom hop is found from its implausible-date finding", () => {
    expect([...forgedHops(phishing)]).toEqual([1]);
  });

  it("the delivery time leaves the forged hop out: seconds, not 5 years", () => {
    expect(phishing.summary.totalDelaySeconds).toBeGreaterThan(86400 * 365 * 5);
    expect(computeDeliverySeconds(phishing)).toBe(3);
    expect(deliveryHeadline(deliverySeconds(phishing))).toBe("3 s");
  });

  it("the slowest hop is never the gap into or out of a forged hop", () => {
    const s = slowestHop(phishing);
    expect(s).not.toBe(1);
    expect(s).not.toBe(2);
  });

  it("prefers the engine's own fields when an analysis carries them (issue 13)", () => {
    const withEngine = { ...phishing, summary: { ...phishing.summary, deliverySeconds: 42, slowestHop: 4 } } as Analysis;
    expect(deliverySeconds(withEngine)).toBe(42);
    expect(slowestHop(withEngine)).toBe(4);
  });

  it("without forged hops the delivery time is the contract's totalDelaySeconds", () => {
    const a = example("backup-mx");
    expect(deliverySeconds(a)).toBe(a.summary.totalDelaySeconds);
  });

  it.each([
    [null, "unknown"],
    [-32400, "unknown (clock skew)"],
    [7277, "2 h 1 min"],
  ] as const)("the headline for %s seconds reads %s", (seconds, text) => {
    expect(deliveryHeadline(seconds)).toBe(text);
  });

  it("the chart's scale is set by real delays only: the forged +5 y gap is a labelled stub", () => {
    const facts = routeFacts(phishing);
    const data = toChartData(phishing.hops, facts.slowest, (h) => facts.context(h).forgedGap);
    expect(data.find((d) => d.name === "Hop 2")).toMatchObject({ kind: "forged", text: "forged date, not time" });
    const { ticks } = chartScale(data);
    expect(ticks[ticks.length - 1]).toBeLessThanOrEqual(10);
  });
});

describe("the delay chart's ticks", () => {
  it("run from the shortest to the longest real delay, and the caption lists exactly those", () => {
    const a = example("backup-mx");
    const data = toChartData(a.hops, slowestHop(a));
    expect(chartScale(data).ticks).toEqual([1, 10, 60, 600, 3600, 21600]);
  });

  it("skew and unknown delays never set the scale", () => {
    const a = example("esp-gmail");
    const hops = a.hops.map((h, i) => (i === 1 ? { ...h, delaySeconds: -32400 } : i === 2 ? { ...h, delaySeconds: null } : h));
    const data = toChartData(hops, null);
    expect(data.map((d) => d.kind)).toEqual(["skew", "unknown", "time"]);
    expect(chartScale(data).ticks).toEqual([1, 10]);
  });
});

describe("gaps between two deliveries in the chart", () => {
  it("a 70-day date-gap is a stub that never sets the scale (phishing_pot sample-1393)", () => {
    const a = fixture("phishing_pot__sample-1393.txt");
    const data = toChartData(a.hops, slowestHop(a));
    const gap = data.find((d) => d.name === "Hop 4");
    expect(gap).toMatchObject({ kind: "apart", value: 0 });
    expect(gap?.text).toMatch(/between deliveries, not time$/);
    const { ticks } = chartScale(data);
    expect(ticks[ticks.length - 1]).toBeLessThan(86400);
    // The hop table's bars leave it out too, and it does not sort first.
    const facts = routeFacts(a);
    expect(delayBars(a.hops, facts).has(4)).toBe(false);
    expect(sortHops(a.hops, "delay", facts)[0]?.index).not.toBe(4);
  });

  it("the first hop of a new trail (earlier-trail) is drawn the same way (issue-10 resent message)", () => {
    const a = analyze(readFileSync(path.resolve(__dirname, "../fixtures/issue-10/resent-mutt-bounce.txt"), "utf8"));
    const restart = a.hops.find((h) => h.findings.some((f) => f.code === "earlier-trail"));
    expect(restart).toBeDefined();
    const data = toChartData(a.hops, slowestHop(a));
    expect(data.find((d) => d.name === `Hop ${restart!.index}`)?.kind).toBe("apart");
  });
});

describe("which plaintext matters", () => {
  it("LMTP into the mailbox store is local: the backup-MX example counts as encrypted between organisations", () => {
    const a = example("backup-mx");
    const flagged = plaintextThatMatters(a);
    expect(tlsMatters(a.hops[3], flagged)).toBe(false);
    expect(tlsSummary(a)).toMatchObject({ tone: "good", text: "Encrypted between organisations (1 local hop not counted)" });
  });

  it("the phishing example's plaintext hop from the VPS is what the summary names", () => {
    const a = example("phishing");
    expect([...plaintextThatMatters(a)]).toEqual([2]);
    const line = tlsSummary(a);
    expect(line.text).toBe("Not encrypted between organisations: hop 2");
    expect(line.tone).toBe("bad");
    // The loopback hand-off to the content filter (hop 3) is local.
    expect(tlsMatters(a.hops[2], plaintextThatMatters(a))).toBe(false);
  });
});

describe("names as written", () => {
  it("keeps the by host's case as Exchange wrote it", () => {
    const a = fixture("mha__ews_gmail_to_eop.txt");
    const top = a.hops[a.hops.length - 1];
    expect(top.by?.host).toBe("by2pr16mb0487.namprd16.prod.outlook.com");
    expect(byAsWritten(top)).toBe("BY2PR16MB0487.namprd16.prod.outlook.com");
  });

  it("shows Exchange's protocol as Microsoft SMTP Server, not shouted", () => {
    const a = fixture("mha__ews_gmail_to_eop.txt");
    const withMs = a.hops.find((h) => h.with === "MICROSOFT SMTP SERVER");
    expect(withMs).toBeDefined();
    expect(protocolAsWritten(withMs!)).toBe("Microsoft SMTP Server");
  });

  it("keeps upper-case SMTP tokens and falls back to the normalised form when the raw text lacks it", () => {
    expect(protocolAsWritten({ with: "ESMTPS", raw: "from a by b with ESMTPS id 1" })).toBe("ESMTPS");
    expect(protocolAsWritten({ with: "MAPI", raw: "from a by b with mapi id 15.20" })).toBe("mapi");
    expect(byAsWritten({ by: { host: "mx.example.net", ip: null }, raw: "" })).toBe("mx.example.net");
    // U+0130 lower-cases to two characters: offsets would not line up, so the normalised name is kept.
    expect(byAsWritten({ by: { host: "mx.example.net", ip: null }, raw: "İ by MX.example.net" })).toBe("mx.example.net");
  });
});

describe("the hop table", () => {
  it("sorts by delay, longest real delay first, forged gaps last", () => {
    const a = example("phishing");
    const facts = routeFacts(a);
    expect(sortHops(a.hops, "delay", facts).map((h) => h.index)).toEqual([3, 4, 1, 2]);
    expect(sortHops(a.hops, "route", facts).map((h) => h.index)).toEqual([1, 2, 3, 4]);
  });

  it("draws linear bars relative to the longest real delay, none for forged gaps", () => {
    const a = example("phishing");
    const bars = delayBars(a.hops, routeFacts(a));
    expect(bars.get(2)).toBeUndefined();
    expect(bars.get(3)).toBe(100);
    expect(bars.get(4)).toBe(50);
  });
});

describe("border, trails and old shares", () => {
  it("reads the border and its evidence", () => {
    const a = example("esp-gmail");
    expect(borderOf(a)?.hop).toBe(3);
    expect(routeFacts(a).context(a.hops[2]).border?.evidence.length).toBeGreaterThan(0);
    expect(routeFacts(a).context(a.hops[1]).border).toBeNull();
  });

  it("an old stored analysis without border, trails, trust or reasons still works", () => {
    const a = example("backup-mx");
    const old = JSON.parse(JSON.stringify(a)) as Record<string, unknown> & Analysis;
    const summary = old.summary as unknown as Record<string, unknown>;
    delete summary.border;
    delete summary.borders;
    delete summary.trails;
    for (const h of old.hops as unknown as Record<string, unknown>[]) {
      delete h.relayReason;
      delete h.trust;
      delete h.trail;
    }
    expect(borderOf(old)).toBeNull();
    expect(bordersOf(old)).toEqual([]);
    expect(trailCount(old)).toBe(1);
    expect(hopsByTrail(old.hops)).toHaveLength(1);
    expect(routeFacts(old).context(old.hops[1]).border).toBeNull();
  });

  it("groups hops by trail, earliest trail first", () => {
    const a = example("backup-mx");
    const two = a.hops.map((h) => ({ ...h, trail: h.index <= 2 ? 2 : 1 }));
    expect(hopsByTrail(two).map((g) => [g.trail, g.hops.map((h) => h.index)])).toEqual([
      [2, [1, 2]],
      [1, [3, 4]],
    ]);
  });
});
