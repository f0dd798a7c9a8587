/**
 * The address-list fast path (message/addresses.ts simpleMailboxes) reads exactly what mailparser's
 * parser reads, on every address header of every fixture and on the shapes at its edges; values
 * it does not take go to the parser.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
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

  it("reads a quoted name that is an address, as the parser does", () => {
    for (const v of ['"support@bank.example" <x@evil.example>', '"a@b.example" <a@b.example>, "c@d.example"\t<c@d.example>']) {
      const fast = simpleMailboxes(v);
      expect(fast, v).not.toBeNull();
      expect(plain(fast ?? []), v).toEqual(plain(parseList(v)));
    }
    expect(plain(simpleMailboxes('"support@bank.example" <x@evil.example>') ?? [])).toEqual([{ name: "support@bank.example", address: "x@evil.example", domain: "evil.example" }]);
  });

  it("leaves quoted names with commas or odd spacing, and bare addresses as names, to the parser", () => {
    for (const v of ['"Doe, Jane" <a@b.example>', "support@bank.example <x@evil.example>", '"a"b@c.example <x@evil.example>', '" Jane" <a@b.example>', '"Jane  Doe" <a@b.example>', 'Jane "JD" Doe <a@b.example>', '"Jane <a@b.example>']) {
      expect(simpleMailboxes(v), v).toBeNull();
    }
  });

  it("reads what the parser reads on generated lists of names and addresses", () => {
    const local = fc.constantFrom("a", "jane.doe", "x+tag", "Info", "no-reply");
    const domain = fc.constantFrom("b.example", "mail.example.org", "B.Example");
    const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
    const entry = fc.tuple(address, fc.constantFrom("none", "plain", "quoted", "quoted-address", "same", "same-case", "bare-address", "spaced"), address).map(([a, kind, other]) => {
      switch (kind) {
        case "none": return a;
        case "plain": return `Jane Doe <${a}>`;
        case "quoted": return `"Jane Doe" <${a}>`;
        case "quoted-address": return `"${other}" <${a}>`;
        case "same": return `"${a}" <${a}>`;
        case "same-case": return `"${a.toUpperCase()}" <${a}>`;
        case "bare-address": return `${other} <${a}>`;
        default: return `" ${other}"\t<${a}>`;
      }
    });
    let taken = 0;
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 3 }), fc.constantFrom(", ", ",", " , "), (list, sep) => {
        const v = list.join(sep);
        const fast = simpleMailboxes(v);
        if (fast === null) return;
        taken++;
        expect(plain(fast), v).toEqual(plain(parseList(v)));
      }),
      { numRuns: 2000 },
    );
    expect(taken).toBeGreaterThan(500);
  });
});
