/**
 * Server-only loader of the offline IP data: @ip-location-db/asn (RouteViews + DB-IP, CC BY 4.0)
 * and @ip-location-db/geo-whois-asn-country (CC0), read from node_modules once, at first use, into
 * the typed-array tables of table.ts. Nothing is downloaded. When the files are missing the lookup
 * answers null for every address (the analysis simply has no ASN or country), never throws.
 *
 * Only server code (API routes, share service, scripts) imports this module; the engine gets the
 * lookup injected through AnalyzeOptions.ipInfo, so no client bundle ever contains the data.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "@/lib/env";
import type { IpInfo, IpInfoLookup } from "../analysis/types";
import { ipValue, type IpValue } from "../analysis/net/ip";
import { AsnTable, CountryTable } from "./table";

const ASN_FILES = ["asn/asn-ipv4-num.csv", "asn/asn-ipv6-num.csv"] as const;
const COUNTRY_FILES = ["geo-whois-asn-country/geo-whois-asn-country-ipv4-num.csv", "geo-whois-asn-country/geo-whois-asn-country-ipv6-num.csv"] as const;

export interface IpData {
  asn: AsnTable | null;
  country: CountryTable | null;
  /** Milliseconds the load took, and approximate bytes the tables hold. */
  loadMs: number;
  bytes: number;
}

let loaded: IpData | null = null;

/** The folder holding the @ip-location-db packages: IPINFO_DATA_DIR, else ./node_modules/@ip-location-db. */
function dataDir(): string {
  return env().ipInfoDataDir ?? join(process.cwd(), "node_modules", "@ip-location-db");
}

function readPair(dir: string, files: readonly [string, string]): [string, string] | null {
  try {
    return [readFileSync(join(dir, files[0]), "utf8"), readFileSync(join(dir, files[1]), "utf8")];
  } catch {
    return null;
  }
}

/** Loads both tables once (synchronously, at first call); later calls return the same tables. */
export function ipData(): IpData {
  if (loaded) return loaded;
  const t0 = performance.now();
  const dir = dataDir();
  const asnText = readPair(dir, ASN_FILES);
  const asn = asnText ? new AsnTable(asnText[0], asnText[1]) : null;
  const ccText = readPair(dir, COUNTRY_FILES);
  const country = ccText ? new CountryTable(ccText[0], ccText[1]) : null;
  if (!asn || !country) console.warn("ipinfo: @ip-location-db data files not found; hops get no ASN or country");
  loaded = { asn, country, loadMs: performance.now() - t0, bytes: (asn?.bytes ?? 0) + (country?.bytes ?? 0) };
  return loaded;
}

/**
 * Private and special-purpose blocks (RFC 1918, RFC 6598, RFC 6890 and the IANA registries; the
 * private ones as in net/ip.ts): no network owns them, whatever a registry row says. 6to4
 * (2002::/16), Teredo (2001::/32) and NAT64 (64:ff9b::/96, inside ::/8) wrap another address:
 * Gmail's internal "2002:a05:…" hops are not a 6to4 relay's, so they get no owner either.
 * Checked with masks on the number (a lookup must stay around a microsecond).
 */
const RESERVED_V4: readonly [number, number][] = [
  "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
  "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
  "224.0.0.0/3",
].map((c) => {
  const [a, bits] = c.split("/");
  const base = a.split(".").reduce((n, o) => n * 256 + Number(o), 0);
  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
  return [base, mask];
});

function reserved(v: IpValue): boolean {
  if (v.version === 4) return RESERVED_V4.some(([base, mask]) => (v.n & mask) >>> 0 === base);
  const g = v.groups;
  return (
    g[0] < 0x100 || // ::/8: unspecified, loopback, IPv4-compatible, NAT64 64:ff9b::/96
    (g[0] === 0x100 && g[1] === 0 && g[2] === 0 && g[3] === 0) || // 100::/64 discard
    (g[0] === 0x2001 && (g[1] === 0 || g[1] === 0xdb8)) || // Teredo, documentation
    g[0] === 0x2002 || // 6to4
    (g[0] & 0xfe00) === 0xfc00 || // unique local
    (g[0] & 0xffc0) === 0xfe80 || // link-local
    (g[0] & 0xff00) === 0xff00 // multicast
  );
}

/** Looks up one address; private, loopback and reserved addresses get nulls. */
export const lookupIpInfo: IpInfoLookup = (ip: string): IpInfo => {
  const v = ipValue(ip);
  if (!v || reserved(v)) return { asn: null, country: null };
  const d = ipData();
  return { asn: d.asn?.lookupValue(v) ?? null, country: d.country?.lookupValue(v) ?? null };
};
