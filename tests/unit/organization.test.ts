/**
 * Organisation of a host (design.md, "Relay types") and private/loopback addresses.
 */
import { describe, expect, it } from "vitest";
import { isPrivateOrLoopback } from "@/lib/analysis/net/ip";
import { organizationOf } from "@/lib/analysis/route/organization";

const orgs: { host: string | null; ip?: string | null; expected: string | null }[] = [
  { host: "mx.google.com", expected: "Google" },
  { host: "2002:a05:612c:2691:b0:324:2126:330e", expected: "Google" }, // sample-270, Gmail-internal hop
  { host: "BN8NAM12FT055.mail.protection.outlook.com", expected: "Microsoft 365" },
  { host: "DUZPR01CA0289.eurprd01.prod.exchangelabs.com", expected: "Microsoft 365" }, // sample-2852
  { host: "a9-14.smtp-out.amazonses.com", expected: "Amazon SES" },
  { host: "mx07-00096706.pphosted.com", expected: "Proofpoint" },
  { host: "mail.nova.phishme.com", expected: "phishme.com" }, // sample-270
  { host: "zaulmex02.umzimvubu.gov.za", expected: "umzimvubu.gov.za" }, // sample-5291: public suffix gov.za
  { host: "dns.hoteldemexicowtc.com.mx", expected: "hoteldemexicowtc.com.mx" }, // sample-1614
  { host: "ZAULMEX02.Umzimvubu.GOV.za.", expected: "umzimvubu.gov.za" }, // case and trailing dot
  { host: "vps-0e511917.vps.ovh.net", expected: "ovh.net" },
  { host: "user1.github.io", expected: "user1.github.io" }, // PSL private section: each user is its own organisation
  { host: "ec2-198-51-100-7.compute-1.amazonaws.com", expected: "ec2-198-51-100-7.compute-1.amazonaws.com" },
  { host: "localhost", expected: null },
  { host: "localhost.localdomain", expected: null },
  { host: "mailmx.nyi.internal", expected: null }, // postal-mime bounce: a site-local name
  { host: "co.uk", expected: null }, // a public suffix alone
  { host: "mx4", expected: null }, // unqualified
  { host: "27533be87c53", expected: null }, // Mailgun's container id, sample-2
  { host: "unknown", expected: null },
  { host: "192.0.2.1", expected: null },
  { host: "[192.0.2.1]", expected: null },
  { host: "2001:db8::25", expected: null },
  { host: null, ip: "209.85.220.41", expected: "Google" }, // no name, but Google's published range
  { host: null, ip: "192.0.2.1", expected: null },
  { host: null, expected: null },
  { host: "", expected: null },
];

describe("organizationOf", () => {
  it.each(orgs)("puts $host ($ip) in $expected", ({ host, ip, expected }) => {
    expect(organizationOf(host, ip ?? null)).toBe(expected);
  });
});

const addresses: { ip: string | null; expected: boolean }[] = [
  { ip: "127.0.0.1", expected: true },
  { ip: "127.0.0.6", expected: true }, // sample-1067, MailChannels' loopback alias
  { ip: "::1", expected: true },
  { ip: "10.13.172.172", expected: true },
  { ip: "172.16.4.60", expected: true }, // sample-1736, HubSpot
  { ip: "172.31.255.255", expected: true },
  { ip: "172.32.0.1", expected: false },
  { ip: "192.168.13.202", expected: true },
  { ip: "100.127.93.20", expected: true }, // sample-1067, CGNAT
  { ip: "100.128.0.1", expected: false },
  { ip: "169.254.1.1", expected: true },
  { ip: "fd00::1", expected: true },
  { ip: "fc00::1", expected: true },
  { ip: "fe80::c8f6:f261:5556:2eef", expected: true }, // sample-5291
  { ip: "fe80::c8f6:f261:5556:2eef%13", expected: true }, // Exchange writes zone ids
  { ip: "[IPv6:::1]", expected: true },
  { ip: "::ffff:10.0.0.1", expected: true }, // IPv4-mapped
  { ip: "::ffff:8.8.8.8", expected: false },
  { ip: "[127.0.0.1]", expected: true },
  { ip: "54.240.9.14", expected: false },
  { ip: "2a01:111:f400:7eab::814", expected: false },
  { ip: "2603:10b6:5:60::19", expected: false },
  { ip: "not an ip", expected: false },
  { ip: "999.1.1.1", expected: false },
  { ip: "", expected: false },
  { ip: null, expected: false },
];

describe("isPrivateOrLoopback", () => {
  it.each(addresses)("says $ip is private or loopback: $expected", ({ ip, expected }) => {
    expect(isPrivateOrLoopback(ip)).toBe(expected);
  });
});
