/**
 * net/ip.ts: the one IP reader. Checked against RFC 4291/5952 examples, the MTA spellings the
 * Received grammar meets, and ipaddr.js as an oracle on random addresses.
 */
import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { formatIpv6, inCidr, ipValue, ipv6Groups, isPrivateOrLoopback, parseCidr, parseIp } from "@/lib/analysis/net/ip";

describe("parseIp reads the spellings MTAs write", () => {
  it.each([
    ["Postfix literal", "[192.0.2.1]", "192.0.2.1"],
    ["Postfix IPv6 literal", "[IPv6:2001:DB8::1]", "2001:db8::1"],
    ["Exim literal with port", "[192.0.2.1]:25565", "192.0.2.1"],
    ["Exim IPv6 literal with port", "[2001:db8::1]:587", "2001:db8::1"],
    ["Exchange bare IPv6 with zone", "fe80::1%9", "fe80::1"],
    ["ecelerity port inside the brackets", "[192.0.2.1:4242]", "192.0.2.1"],
    ["old Exim port as a fifth part", "[192.0.2.1.13219]", "192.0.2.1"],
    ["qmail user@ip", "user@192.0.2.1", "192.0.2.1"],
    ["XMail ip:port", "192.0.2.1:23198", "192.0.2.1"],
    ["IPv4-mapped IPv6", "::FFFF:10.0.0.1", "::ffff:10.0.0.1"],
    ["IPv6 with an IPv4 tail", "64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
    ["uncompressed IPv6", "2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329"],
    ["trailing punctuation", "192.0.2.1,", "192.0.2.1"],
  ])("%s: %s → %s", (_name, raw, expected) => {
    expect(parseIp(raw)).toBe(expected);
  });

  it.each([
    ["a bare number (ipaddr.js read \"0\" as 0.0.0.0: the by host \"0\" is a name)", "0"],
    ["a three-part IPv4", "127.0.1"],
    ["a hex IPv4", "0x7f.0.0.1"],
    ["an octet over 255", "256.1.1.1"],
    ["two \"::\"", "1::2::3"],
    ["nine groups", "1:2:3:4:5:6:7:8:9"],
    ["a group of five hex digits", "12345::1"],
    ["an Exchange build number", "15.20.6768.28"],
    ["a Gmail SMTP id", "a5-20020a05620a"],
    ["a time", "10:00:00"],
    ["a trailing single colon", "1:2:3:4:5:6:7:"],
    ["a host name", "mail.example.com"],
  ])("rejects %s: %s", (_name, raw) => {
    expect(parseIp(raw)).toBeNull();
  });
});

describe("formatIpv6 writes RFC 5952 text", () => {
  it.each([
    [[0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], "2001:db8::1"],
    [[0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], "2001:db8:0:1:1:1:1:1"], // a single zero group is not "::"
    [[0x2001, 0, 0, 1, 0, 0, 0, 1], "2001:0:0:1::1"], // the longest run wins
    [[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], "2001:db8::1:0:0:1"], // the first of equal runs wins
    [[0, 0, 0, 0, 0, 0, 0, 0], "::"],
    [[0, 0, 0, 0, 0, 0, 0, 1], "::1"],
  ])("%j → %s", (groups, text) => {
    expect(formatIpv6(groups)).toBe(text);
  });

  it("agrees with ipaddr.js on random addresses", () => {
    const groups = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(groups, (g) => {
        const oracle = ipaddr.IPv6.parse(g.map((x) => x.toString(16)).join(":"));
        const expected = oracle.isIPv4MappedAddress() ? `::ffff:${oracle.toIPv4Address().toString()}` : oracle.toRFC5952String();
        const text = formatIpv6(g);
        expect(text).toBe(expected);
        expect(ipv6Groups(text)).toEqual(g);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("classification", () => {
  it.each([
    ["127.0.0.1", true], ["10.1.2.3", true], ["172.31.255.255", true], ["172.32.0.1", false],
    ["192.168.0.1", true], ["100.64.0.1", true], ["169.254.1.1", true], ["::1", true],
    ["fd00::1", true], ["fe80::1%9", true], ["[::ffff:10.0.0.1]", true], ["IPv6:fe80::2", true],
    ["8.8.8.8", false], ["2a00:1450:4000::1", false], ["not an address", false],
  ])("%s private or loopback: %s", (ip, expected) => {
    expect(isPrivateOrLoopback(ip)).toBe(expected);
  });

  it.each([
    ["40.93.1.2", "40.92.0.0/15", true], ["40.94.0.0", "40.92.0.0/15", false],
    ["2a01:111:f400:7e00::1", "2a01:111:f400::/48", true], ["2a01:111:f401::1", "2a01:111:f400::/48", false],
    ["1.2.3.4", "0.0.0.0/0", true], ["1.2.3.4", "::/0", false],
  ])("%s in %s: %s", (ip, block, expected) => {
    expect(inCidr(ipValue(ip)!, parseCidr(block))).toBe(expected);
  });

  it("refuses a malformed CIDR in a table", () => {
    expect(() => parseCidr("10.0.0.0/33")).toThrow();
    expect(() => parseCidr("mail.example/8")).toThrow();
  });
});

describe("hostile input", () => {
  it("reads a megabyte of colon runs in linear time", () => {
    const shapes = ["0:0 ", "a:b ", "::1 ", "(0:0:0) ", "10:00:00 "].map((s) => s.repeat(Math.ceil(1_048_576 / s.length)));
    for (const text of shapes) {
      const t0 = performance.now();
      for (const word of text.split(/[ ()]+/)) parseIp(word);
      expect(performance.now() - t0).toBeLessThan(2_000);
    }
  });
});
