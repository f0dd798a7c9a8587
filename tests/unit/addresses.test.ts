/**
 * The address-list fast path (message/addresses.ts simpleMailboxes) reads exactly what mailparser's
 * parser reads, on every address header of every fixture and on the shapes at its edges; values
 * it does not take go to the parser.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMessage } from "@/lib/analysis";
import { parseList, simpleMailboxes } from "@/lib/analysis/message/addresses";

const DIR = path.join(__dirname, "../fixtures/headers");
const ADDRESS_FIELDS = new Set(["from", "to", "cc", "reply-to", "sender", "return-path", "delivered-to", "x-original-to", "envelope-to"]);
const plain = (list: readonly { name: string; address: string; domain: string | null }[]) => list.map((m) => ({ name: m.name, address: m.address, domain: m.domain }));

function fixtureValues(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(DIR).filter((x) => x.endsWith(".txt"))) {
    try {
      for (const field of readMessage(readFileSync(path.join(DIR, f), "utf8")).block.fields) if (ADDRESS_FIELDS.has(field.key)) out.push(field.value);
    } catch {
      // fixtures the engine refuses have no address fields to compare
    }
  }
  return out;
}

const EDGES = [
  "a@b.example",
  "<a@b.example>",
  "Jane <a@b.example>, c@d.example",
  '"Jane Doe" <a@b.example>',
  '"Jane Doe" <a@b.example>, "Bob" <c@d.example>',
  '"Doe, Jane" <a@b.example>',
  '"support@bank.example" <x@evil.example>',
  '" Jane" <a@b.example>',
  '"Jane  Doe" <a@b.example>',
  '"" <a@b.example>',
  'Jane "JD" Doe <a@b.example>',
  '"=?utf-8?B?SsO8cmdlbg==?=" <a@b.example>',
  "=?utf-8?B?SsO8cmdlbg==?= <a@b.example>",
  '"Jane <a@b.example>',
  '"a"@b.example',
  "undisclosed-recipients:;",
];

describe("address-list fast path", () => {
  const values = [...fixtureValues(), ...EDGES];

  it("found address fields to compare", () => {
    expect(values.length).toBeGreaterThan(200);
  });

  it("reads what the parser reads, whenever it takes a value", () => {
    let taken = 0;
    for (const v of values) {
      const fast = simpleMailboxes(v);
      if (fast === null) continue;
      taken++;
      expect(plain(fast), v).toEqual(plain(parseList(v)));
    }
    expect(taken).toBeGreaterThan(values.length / 2);
  });

  it("leaves quoted names with commas, addresses or odd spacing to the parser", () => {
    for (const v of ['"Doe, Jane" <a@b.example>', '"support@bank.example" <x@evil.example>', '" Jane" <a@b.example>', '"Jane  Doe" <a@b.example>', 'Jane "JD" Doe <a@b.example>', '"Jane <a@b.example>']) {
      expect(simpleMailboxes(v), v).toBeNull();
    }
  });
});
