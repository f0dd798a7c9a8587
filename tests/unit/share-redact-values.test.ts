/**
 * Redaction by value (issue 11, item 3): the personal values are collected once and masked in
 * every field, card, raw header and the JSON; provider server names stay. On real fixtures.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import type { Analysis } from "@/lib/analysis/types";
import { redactAnalysis, redactWithReport } from "@/lib/share/redact";

const DIR = path.resolve(__dirname, "../fixtures/headers");
const load = (file: string): Analysis => analyze(fs.readFileSync(path.join(DIR, file), "utf8"));

describe("redaction masks personal values wherever they are copied", () => {
  it.each([
    // Received-SPF identity=helo: authentication.spf[].domain keeps the submission HELO.
    ["haraka__queue_1507509981169.txt", ["imac27", "174.24.224.63", "174-24-224-63", "Simerson"]],
    // "from [45.133.74.208] (mail.iteca.kz [151.236.198.148])": the HELO literal is the client's own address.
    ["phishing_pot__sample-2127.txt", ["45.133.74.208", "151.236.198.148", "Bitcoin Admin"]],
  ])("%s keeps none of %j anywhere in the stored JSON", (file, secrets) => {
    const text = JSON.stringify(redactAnalysis(load(file))).toLowerCase();
    for (const s of secrets) expect(text.includes(s.toLowerCase()), s).toBe(false);
  });

  it("masks the SPF domain that is the submission HELO, and keeps the other SPF domains", () => {
    const spf = redactAnalysis(load("haraka__queue_1507509981169.txt")).authentication.spf.map((s) => s.domain);
    expect(spf).toEqual(["tnpi.net", "mail.theartfarm.com", "tnpi.net", "•••"]);
  });

  it("masks the raw Received text beside a masked hop card", () => {
    const hop = redactAnalysis(load("phishing_pot__sample-2127.txt")).hops.find((h) => h.from?.helo === "•••");
    expect(hop?.raw.startsWith("from [•••] (••• [•••])")).toBe(true);
  });
});

describe("what redaction keeps", () => {
  it.each([
    ["phishing_pot__sample-65.txt", '"•••@metamask.io" <•••@proprofs.com>'],
    ["phishing_pot__sample-4149.txt", '"•••@care-metamask.com" <•••@surveymonkeyuser.com>'],
  ])("%s: a display name that is itself an address stays one readable From (%s)", (file, from) => {
    const r = redactAnalysis(load(file));
    expect(r.summary.from).toBe(from);
    expect(r.headers.find((h) => h.name.toLowerCase() === "from")?.value).toBe(from);
  });

  it("keeps Microsoft 365 server names, even as the client of a MAPI submission hop", () => {
    const full = load("phishing_pot__sample-1214.txt");
    const r = redactAnalysis(full);
    expect(r.hops[0].from).toEqual(full.hops[0].from);
    const hosts = full.hops.flatMap((h) => [h.by?.host, h.from?.helo]).filter((h): h is string => !!h && /outlook\.com$/i.test(h));
    expect(hosts.length).toBeGreaterThan(2);
    const text = JSON.stringify(r);
    for (const h of hosts) expect(text).toContain(h);
  });

  it("keeps an organisation's own server that hands mail to itself (from X ([::1]) by X with mapi)", () => {
    const r = redactAnalysis(load("mailparser__large_text.txt"));
    expect(r.hops[0].by?.host).toBe("loganberry.canonical.com");
    expect(r.hops[1].from?.helo).toBe("loganberry.canonical.com");
  });

  it.each(
    fs.readdirSync(DIR).filter((f) => f.endsWith(".txt")),
  )("%s: operators, relay types, protocols and timestamps survive", (file) => {
    let full: Analysis;
    try {
      full = load(file);
    } catch {
      return expect(true).toBe(true); // the engine refuses this input: nothing to redact
    }
    const r = redactAnalysis(full);
    const facts = (a: Analysis) => a.hops.map((h) => [h.operator, h.relayType, h.with, h.timestamp, h.tls]);
    expect(facts(r)).toEqual(facts(full));
    expect(r.summary.sender).toEqual(full.summary.sender);
    expect(r.headers.map((h) => h.name)).toEqual(full.headers.map((h) => h.name));
  });
});

describe("the laptop's own MTA (Postfix on the sender's machine relaying through the ISP)", () => {
  const raw = [
    "Received: from imac27.home.example.net (c-198-51-100-23.isp.example [198.51.100.23]) (Authenticated sender: jdoe) by smtp.isp.example (Postfix) with ESMTPSA id 4AbC; Mon, 9 Nov 2026 15:12:40 +0000",
    "Received: from localhost (localhost [127.0.0.1]) by imac27.home.example.net (Postfix) with ESMTP id 99X; Mon, 9 Nov 2026 15:12:39 +0000",
    "Received-SPF: none (smtp.isp.example: domain of imac27.home.example.net has no SPF) identity=helo; helo=imac27.home.example.net; client-ip=198.51.100.23",
    "Authentication-Results: smtp.isp.example; spf=none smtp.helo=imac27.home.example.net; auth=pass smtp.auth=jdoe",
    "X-Authenticated-User: jdoe",
    "From: Jane Doe <jane@example.net>",
    "Date: Mon, 9 Nov 2026 15:12:38 +0000",
  ].join("\n");

  it("masks its name as the earlier hop's by.host, in the SPF domain and in every raw header", () => {
    const { analysis, report } = redactWithReport(analyze(raw));
    const text = JSON.stringify(analysis);
    for (const s of ["imac27", "198.51.100.23", "c-198-51-100-23", "jdoe", "Jane Doe"]) expect(text.includes(s), s).toBe(false);
    expect(analysis.hops[0].by?.host).toBe("•••");
    expect(report.hosts).toEqual(expect.arrayContaining(["imac27.home.example.net", "c-198-51-100-23.isp.example"]));
    expect(report.ips).toEqual(["198.51.100.23"]);
    expect(report.names).toEqual(expect.arrayContaining(["Jane Doe", "jdoe"]));
  });

  it("keeps the ISP's servers and localhost", () => {
    const r = redactAnalysis(analyze(raw));
    expect(r.hops[1].by?.host).toBe("smtp.isp.example");
    expect(r.hops[0].raw.startsWith("from localhost (localhost [127.0.0.1]) by ••• (Postfix)")).toBe(true);
  });

  it("a display name that equals an operator's name does not erase operator fields", () => {
    const withBrand = `${raw.replace("Jane Doe", "Google")}\nReceived: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41]) by mx.google.com with SMTPS id x; Mon, 9 Nov 2026 15:12:41 +0000`;
    const full = analyze(withBrand);
    const r = redactAnalysis(full);
    expect(r.hops.map((h) => h.operator)).toEqual(full.hops.map((h) => h.operator));
  });
});
