/**
 * The page's reading of authentication results (components/analysis/auth-model.ts): DMARC
 * bestguesspass and none are neutral, never green; the recipient's own results come first.
 */
import { describe, expect, it } from "vitest";
import { byTrust, resultTone, verdicts } from "@/components/analysis/auth-model";
import type { Authentication } from "@/lib/analysis/types";

describe("auth model", () => {
  it("pass is good; bestguesspass and none are neutral; fail is bad", () => {
    expect(resultTone("pass").tone).toBe("good");
    expect(resultTone("bestguesspass").tone).toBe("neutral");
    expect(resultTone("none").tone).toBe("neutral");
    expect(resultTone("fail").tone).toBe("bad");
  });

  it("orders the recipient's results first, then unknown, then upstream claims, header order within", () => {
    const list = [
      { id: "up1", trusted: false },
      { id: "old" },
      { id: "own1", trusted: true },
      { id: "up2", trusted: false },
      { id: "own2", trusted: true },
    ];
    expect(byTrust(list).map((r) => r.id)).toEqual(["own1", "own2", "old", "up1", "up2"]);
  });

  it("the badges read the recipient's results, not an upstream pass", () => {
    const auth: Authentication = {
      spf: [
        { result: "pass", domain: "forged.example", authservId: "relay.example", trusted: false, source: "upstream" },
        { result: "fail", domain: "example.com", authservId: "mx.google.com", trusted: true, source: "recipient" },
      ],
      dkim: [
        { result: "pass", domain: "forged.example", selector: "s", authservId: "relay.example", trusted: false, source: "upstream" },
        { result: "none", domain: null, selector: null, authservId: "mx.google.com", trusted: true, source: "recipient" },
      ],
      dmarc: [],
      arc: [],
      alignment: { spf: false, dkim: false },
    };
    const v = verdicts(auth);
    expect(v[0]).toMatchObject({ mechanism: "SPF", result: "fail", domain: "example.com" });
    expect(v[1]).toMatchObject({ mechanism: "DKIM", result: "none" });
  });

  it("older shares without trust keep the topmost result and any DKIM pass", () => {
    const auth: Authentication = {
      spf: [{ result: "softfail", domain: "a.example", authservId: null }],
      dkim: [{ result: "fail", domain: "a.example", selector: null, authservId: null }, { result: "pass", domain: "a.example", selector: null, authservId: null }],
      dmarc: [{ result: "bestguesspass", domain: "a.example", policy: null, authservId: null }],
      arc: [],
      alignment: { spf: false, dkim: true },
    };
    expect(verdicts(auth).map((x) => x.result)).toEqual(["softfail", "pass", "bestguesspass"]);
  });
});
