/**
 * The page's delivery time and slowest hop (forged.ts): the engine's fields (issue 13) when present,
 * the old computation for analyses and stored shares made before them; the per-hop timing words.
 */
import { describe, expect, it } from "vitest";
import { analyze, type Analysis } from "@/lib/analysis";
import { EXAMPLES } from "@/components/analysis/examples";
import { causeLabel, hasCorrection } from "@/components/analysis/timing-model";
import { deliverySeconds, slowestHop } from "@/components/analysis/forged";

const example = (id: string) => analyze(EXAMPLES.find((e) => e.id === id)!.headers);

/** What an analysis stored before issue 13 looks like: no summary.deliverySeconds / slowestHop. */
function old(a: Analysis): Analysis {
  const { deliverySeconds: _d, slowestHop: _s, ...summary } = a.summary;
  void _d;
  void _s;
  return { ...a, summary, hops: a.hops.map(({ clock: _c, delayCause: _x, ...h }) => (void _c, void _x, h)) } as Analysis;
}

describe("timing model", () => {
  it("uses the engine's slowest hop and delivery time", () => {
    const a = example("backup-mx");
    expect(slowestHop(a)).toBe(3);
    expect(deliverySeconds(a)).toBe(7277);
  });

  it("shows the forged-free delivery time, not the raw total, on the phishing example", () => {
    const a = example("phishing");
    expect(deliverySeconds(a)).toBe(a.summary.deliverySeconds);
    expect(a.summary.totalDelaySeconds! - deliverySeconds(a)!).toBeGreaterThan(86_400);
  });

  it("the engine naming no slowest hop (under 10 s) is kept, not replaced by the old pick", () => {
    const a = example("esp-gmail");
    expect(a.summary.slowestHop).toBeNull();
    expect(slowestHop(a)).toBeNull();
  });

  it("falls back for old analyses: raw total, largest positive delay", () => {
    const a = old(example("backup-mx"));
    expect(deliverySeconds(a)).toBe(7277);
    expect(slowestHop(a)).toBe(3);
    expect(a.hops.some((h) => hasCorrection(h))).toBe(false);
  });

  it("labels causes, and shows causes added later as written", () => {
    expect(causeLabel("greylisting")).toBe("greylisting");
    expect(causeLabel("backup-mx")).toBe("held at a backup MX");
    expect(causeLabel("something-new")).toBe("something-new");
  });
});
