/**
 * Chain breaks and renames within one organisation (issue 10): the same operator, one owner's
 * domains, or a white-label platform and its partner (operators/owners.ts) is no break; two
 * unrelated organisations still are.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { ownerOf, sameOwner } from "@/lib/analysis/operators/owners";

const load = (name: string) => readFileSync(path.resolve(__dirname, "../fixtures/issue-10", name), "utf8");
const breaks = (headers: string) => analyze(headers).warnings.filter((w) => w.code === "chain-break");

describe("no chain break on a rename within one organisation", () => {
  it("vger.kernel.org then out1.vger.email (kernel.org's list outbound) is no break", () => {
    expect(breaks(load("lkml-vger-out1-vger-email.txt"))).toEqual([]);
  });

  it("OX Cloud (oxcs.net) then GoDaddy's secureserver.net, the partner it runs mail for, is no break", () => {
    expect(breaks(load("oxcs-secureserver.txt"))).toEqual([]);
  });

  it("GMX then WEB.DE (both United Internet) is no break", () => {
    const headers = `Received: from mout.web.de (mout.web.de [212.227.15.3]) by mx.example.org (Postfix) with ESMTPS id 2; Tue, 30 Jan 2024 09:00:02 +0000
Received: from [198.51.100.9] by mail.gmx.net (mrgmx104 [212.227.17.174]) with ESMTPSA (Nemesis) id 1; Tue, 30 Jan 2024 09:00:01 +0000
`;
    expect(breaks(headers)).toEqual([]);
  });
});

describe("a chain break between unrelated organisations is still reported", () => {
  it("vger.kernel.org then an unrelated out1.example-relay.net is a break", () => {
    expect(breaks(load("lkml-vger-out1-vger-email.txt").replaceAll("out1.vger.email", "out1.example-relay.net"))).toHaveLength(1);
  });

  it("two partners of one platform are two organisations (talktalk.net then secureserver.net)", () => {
    const headers = load("oxcs-secureserver.txt").replace(/mta-5-out\.mta\.xion\.oxcs\.net/, "smtp.talktalk.net");
    expect(breaks(headers)).toHaveLength(1);
  });
});

describe("the owners table", () => {
  it("maps members to their owner and leaves others alone", () => {
    expect(ownerOf("vger.email")).toBe("kernel.org");
    expect(ownerOf("IONOS")).toBe("United Internet");
    expect(ownerOf("example.org")).toBe("example.org");
  });

  it("pairs a platform with its partners in either order, not partners with each other", () => {
    expect(sameOwner("oxcs.net", "secureserver.net")).toBe(true);
    expect(sameOwner("secureserver.net", "oxcs.net")).toBe(true);
    expect(sameOwner("talktalk.net", "secureserver.net")).toBe(false);
    expect(sameOwner("kernel.org", "example.org")).toBe(false);
  });
});
