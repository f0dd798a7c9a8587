/**
 * Address-range tables for offline IP ownership (ASN) and country, built once from the CSV files
 * of @ip-location-db (the "-num" variants: `start,end,value...` with decimal addresses) into
 * sorted typed arrays, looked up by binary search. Pure: no I/O (load.ts reads the files).
 *
 * IPv4 keys are uint32 in Uint32Array; IPv6 keys are 128-bit, split into high and low 64 bits in
 * two BigUint64Array (the data has ranges narrower than /64, so the low half matters).
 * Ranges in the files are sorted and disjoint; rows that are not are skipped (never trusted blindly).
 */
import { ipValue, type IpValue } from "../analysis/net/ip";

export interface AsnInfo {
  number: number;
  name: string;
}

/** One family's ranges, with an index into a value table per range. */
interface V4Table {
  start: Uint32Array;
  end: Uint32Array;
  value: Uint32Array;
  size: number;
}
interface V6Table {
  startHi: BigUint64Array;
  startLo: BigUint64Array;
  endHi: BigUint64Array;
  endLo: BigUint64Array;
  value: Uint32Array;
  size: number;
}

const MASK64 = (1n << 64n) - 1n;

/** Splits one CSV line into fields (RFC 4180 quotes, "" for a quote inside). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          s += line.slice(i);
          i = line.length;
          break;
        }
        s += line.slice(i, q);
        if (line[q + 1] === '"') {
          s += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(s);
      const comma = line.indexOf(",", i);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = line.indexOf(",", i);
      if (comma < 0) {
        out.push(line.slice(i));
        break;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
  return out;
}

/** Calls `row` for each non-empty line, without splitting the whole text into an array first. */
function eachLine(text: string, row: (line: string) => void): void {
  let at = 0;
  while (at < text.length) {
    let nl = text.indexOf("\n", at);
    if (nl < 0) nl = text.length;
    const end = nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (end > at) row(text.slice(at, end));
    at = nl + 1;
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function buildV4(text: string, valueOf: (fields: string[]) => number | null): V4Table {
  const cap = countLines(text);
  const start = new Uint32Array(cap);
  const end = new Uint32Array(cap);
  const value = new Uint32Array(cap);
  let size = 0;
  let lastEnd = -1;
  eachLine(text, (line) => {
    const f = csvFields(line);
    if (f.length < 3) return;
    const s = Number(f[0]);
    const e = Number(f[1]);
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > 0xffffffff || e < s || s <= lastEnd) return;
    const v = valueOf(f);
    if (v === null) return;
    start[size] = s;
    end[size] = e;
    value[size] = v;
    size++;
    lastEnd = e;
  });
  return { start: start.slice(0, size), end: end.slice(0, size), value: value.slice(0, size), size };
}

function bigOf(text: string): bigint | null {
  if (!/^\d{1,39}$/.test(text)) return null;
  const n = BigInt(text);
  return n <= (1n << 128n) - 1n ? n : null;
}

function buildV6(text: string, valueOf: (fields: string[]) => number | null): V6Table {
  const cap = countLines(text);
  const startHi = new BigUint64Array(cap);
  const startLo = new BigUint64Array(cap);
  const endHi = new BigUint64Array(cap);
  const endLo = new BigUint64Array(cap);
  const value = new Uint32Array(cap);
  let size = 0;
  let lastEnd = -1n;
  eachLine(text, (line) => {
    const f = csvFields(line);
    if (f.length < 3) return;
    const s = bigOf(f[0]);
    const e = bigOf(f[1]);
    if (s === null || e === null || e < s || s <= lastEnd) return;
    const v = valueOf(f);
    if (v === null) return;
    startHi[size] = s >> 64n;
    startLo[size] = s & MASK64;
    endHi[size] = e >> 64n;
    endLo[size] = e & MASK64;
    value[size] = v;
    size++;
    lastEnd = e;
  });
  return {
    startHi: startHi.slice(0, size),
    startLo: startLo.slice(0, size),
    endHi: endHi.slice(0, size),
    endLo: endLo.slice(0, size),
    value: value.slice(0, size),
    size,
  };
}

/** Index of the last range whose start is <= the address, or -1. */
function findV4(t: V4Table, n: number): number {
  let lo = 0;
  let hi = t.size - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (t.start[mid] <= n) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && t.end[found] >= n ? found : -1;
}

function findV6(t: V6Table, h: bigint, l: bigint): number {
  let lo = 0;
  let hi = t.size - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const sh = t.startHi[mid];
    if (sh < h || (sh === h && t.startLo[mid] <= l)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const eh = t.endHi[found];
  return eh > h || (eh === h && t.endLo[found] >= l) ? found : -1;
}

function v6Halves(groups: readonly number[]): [bigint, bigint] {
  const half = (a: number, b: number, c: number, d: number) => (BigInt(a * 65536 + b) << 32n) | BigInt(c * 65536 + d);
  return [half(groups[0], groups[1], groups[2], groups[3]), half(groups[4], groups[5], groups[6], groups[7])];
}

/** ASN ranges: `start,end,asn,name`. */
export class AsnTable {
  private readonly v4: V4Table;
  private readonly v6: V6Table;
  private readonly names = new Map<number, string>();

  constructor(ipv4Csv: string, ipv6Csv: string) {
    const valueOf = (f: string[]): number | null => {
      const asn = Number(f[2]);
      if (!Number.isInteger(asn) || asn <= 0 || asn > 0xffffffff) return null;
      if (!this.names.has(asn) && f[3]) this.names.set(asn, f[3]);
      return asn;
    };
    this.v4 = buildV4(ipv4Csv, valueOf);
    this.v6 = buildV6(ipv6Csv, valueOf);
  }

  get ranges(): number {
    return this.v4.size + this.v6.size;
  }

  /** Approximate bytes held by the typed arrays and the name table. */
  get bytes(): number {
    let names = 0;
    for (const n of this.names.values()) names += 2 * n.length + 48;
    return this.v4.size * 12 + this.v6.size * 36 + names;
  }

  lookup(ip: string | null | undefined): AsnInfo | null {
    const v = ipValue(ip);
    return v ? this.lookupValue(v) : null;
  }

  lookupValue(v: IpValue): AsnInfo | null {
    const asn = rangeValue(this.v4, this.v6, v);
    return asn === null ? null : { number: asn, name: this.names.get(asn) ?? `AS${asn}` };
  }
}

/** Country ranges: `start,end,CC` (ISO 3166 alpha-2), stored as two char codes in one number. */
export class CountryTable {
  private readonly v4: V4Table;
  private readonly v6: V6Table;

  constructor(ipv4Csv: string, ipv6Csv: string) {
    const valueOf = (f: string[]): number | null => {
      const cc = f[2];
      if (!/^[A-Z]{2}$/.test(cc)) return null;
      return cc.charCodeAt(0) * 256 + cc.charCodeAt(1);
    };
    this.v4 = buildV4(ipv4Csv, valueOf);
    this.v6 = buildV6(ipv6Csv, valueOf);
  }

  get ranges(): number {
    return this.v4.size + this.v6.size;
  }

  get bytes(): number {
    return this.v4.size * 12 + this.v6.size * 36;
  }

  lookup(ip: string | null | undefined): string | null {
    const v = ipValue(ip);
    return v ? this.lookupValue(v) : null;
  }

  lookupValue(v: IpValue): string | null {
    const code = rangeValue(this.v4, this.v6, v);
    return code === null ? null : String.fromCharCode(code >> 8, code & 255);
  }
}

/** The value of the range holding the address, in the table of its version; null outside every range. */
function rangeValue(v4: V4Table, v6: V6Table, v: IpValue): number | null {
  if (v.version === 4) {
    const i = findV4(v4, v.n);
    return i < 0 ? null : v4.value[i];
  }
  const [h, l] = v6Halves(v.groups);
  const i = findV6(v6, h, l);
  return i < 0 ? null : v6.value[i];
}
