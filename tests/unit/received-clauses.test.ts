/**
 * Received clauses after the from part (received/clauses.ts): ids written after the date, and with
 * values that carry a product or host word before the protocol token.
 */
import { describe, expect, it } from "vitest";
import { parseReceived } from "@/lib/analysis/received/parse-received";

describe("ids and with values as real MTAs write them", () => {
  it.each([
    {
      name: "Courier's queue id written after the date is the hop's id",
      header: "from localhost (localhost [127.0.0.1])\n  by mail.example.org with esmtp; Sat, 11 Dec 2010 02:07:06 +0900\n  id 0F1BC0E0.4D025E3A.00001792",
      id: "0F1BC0E0.4D025E3A.00001792",
      timestamp: "2010-12-10T17:07:06.000Z",
    },
    {
      name: "an id clause before the date still wins over words after it",
      header: "from a.example.org ([192.0.2.1]) by b.example.org with ESMTP id ABC123; Sat, 11 Dec 2010 02:07:06 +0900",
      id: "ABC123",
      timestamp: "2010-12-10T17:07:06.000Z",
    },
  ])("$name", ({ header, id, timestamp }) => {
    const p = parseReceived(header.replace(/\n/g, " "));
    expect(p.id).toBe(id);
    expect(p.timestamp).toBe(timestamp);
  });

  it.each([
    {
      name: "a product word before the protocol token reads as the protocol (MailEnable ESMTPA is SMTP AUTH)",
      header: "from User ([192.0.2.7]) by mail.example.it with MailEnable ESMTPA; Thu, 2 Mar 2023 07:50:04 +0100",
      with: "ESMTPA",
      authenticated: true,
      encrypted: false,
    },
    {
      name: "an IBM gateway's host word before ESMTP reads as plain ESMTP",
      header: "from relay.example.com (10.1.2.3)\tby smtp.notes.example.com (10.1.2.4) with smtp.notes.example.com ESMTP;\tWed, 8 Mar 2017 16:45:51 -0000",
      with: "ESMTP",
      authenticated: false,
      encrypted: false,
    },
    {
      name: "a three-word vendor banner stays whole and says nothing about SMTP AUTH",
      header: "from a.example.com (192.0.2.1) by b.example.com (192.0.2.2) with Microsoft SMTP Server id 14.3.498.0; Mon, 10 Oct 2022 15:11:35 -0500",
      with: "MICROSOFT SMTP SERVER",
      authenticated: null,
      encrypted: false,
    },
  ])("$name", ({ header, with: w, authenticated, encrypted }) => {
    const p = parseReceived(header);
    expect(p.with).toBe(w);
    expect(p.authenticated).toBe(authenticated);
    expect(p.tls.encrypted).toBe(encrypted);
  });
});

describe("clause keywords are read in any case, and only whole keywords count", () => {
  it("keywordOf agrees with a lower-cased look-up on every case spelling and on near misses", async () => {
    const { keywordOf } = await import("@/lib/analysis/received/clauses");
    const names = ["from", "by", "via", "with", "id", "for"];
    const spellings = (w: string): string[] => {
      const out: string[] = [];
      for (let mask = 0; mask < 1 << w.length; mask++) {
        out.push([...w].map((ch, i) => (mask & (1 << i) ? ch.toUpperCase() : ch)).join(""));
      }
      return out;
    };
    for (const n of names) for (const s of spellings(n)) expect(keywordOf(s)).toBe(n);
    // Near misses: one character off (including the characters that differ only in bit 5 from a
    // letter, "@" / "`" / "[" …), longer or shorter words, non-ASCII look-alikes.
    const misses = ["fro", "fromm", "b", "byy", "vi", "viaa", "wit", "withh", "i", "idd", "fo", "forr", "b\u0079\u0301",
      "\u0130d", "F\u0280OM", "by@", "b`", "@y", "{y", "f0r", "w1th", "v1a", "1d", "", "with\u0000"];
    for (const w of [...misses, ...names.map((n) => n.replace(/./, (c) => String.fromCharCode(c.charCodeAt(0) ^ 32 ^ 64)))]) {
      const expected = names.includes(w.toLowerCase()) ? w.toLowerCase() : null;
      expect(keywordOf(w), JSON.stringify(w)).toBe(expected);
    }
  });

  it("an upper-case FROM/BY/WITH header reads as the lower-case one", () => {
    const lower = parseReceived("from a.example.org (a.example.org [192.0.2.1]) by b.example.org with ESMTPS id X1 for <u@example.net>; Sat, 11 Dec 2010 02:07:06 +0900");
    const upper = parseReceived("FROM a.example.org (a.example.org [192.0.2.1]) BY b.example.org WITH ESMTPS ID X1 FOR <u@example.net>; Sat, 11 Dec 2010 02:07:06 +0900");
    expect(upper).toEqual(lower);
    expect(upper.from?.ip).toBe("192.0.2.1");
    expect(upper.by?.host).toBe("b.example.org");
    expect(upper.for).toBe("u@example.net");
  });
});
