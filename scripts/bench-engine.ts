/**
 * Engine benchmarks (numbers, not pass/fail): run by scripts/bench.mjs as
 *   node --import tsx --expose-gc scripts/bench-engine.ts
 * Prints one JSON object on stdout:
 * - fixtures: median µs per header set over tests/fixtures/headers/*.txt, and MB/s over all of them;
 * - growth: median µs for 10, 100 and 1,000 Received headers and the ratio per 10× (linear ≈ 10;
 *   the engine analyses at most MAX_HOPS = 100 hops but still reads all 1,000 headers);
 * - memory: RSS before/after 10,000 analyses and heap used after a forced GC;
 * - floor: the least any header analyzer must do (split the block into lines, unfold the fields,
 *   parse the date of each Received header with Date.parse), median µs per fixture, and the
 *   engine's ratio to it (engine median / floor median): a number that means the same on any
 *   machine, unlike microseconds.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { analyze as analyzeRaw } from "../lib/analysis";
import { lookupIpInfo } from "../lib/ipinfo/load";
import { splitHeaderBlock } from "../lib/analysis/message/headers";

const ROOT = path.resolve(__dirname, "..");
/** BENCH_IPINFO=1: analyse as the API does, with the offline ASN/country lookup (issue 13). */
const OPTIONS = process.env.BENCH_IPINFO === "1" ? { ipInfo: lookupIpInfo } : {};
const analyze = (text: string) => analyzeRaw(text, OPTIONS);
const DIR = path.join(ROOT, "tests/fixtures/headers");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** analyze() that never throws (a fixture may be rejected while the engine is being built). */
function run(text: string): void {
  try {
    analyze(text);
  } catch {
    /* counted by the caller via `rejected` */
  }
}

/** Median µs of `fn` over `rounds` timed batches of `batch` calls each. */
function timeMedianUs(fn: () => void, rounds: number, batch: number): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3 / batch);
  }
  return median(samples);
}

/** The floor: split + unfold + one date per Received, nothing else. */
function floor(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const fields: string[] = [];
  for (const line of lines) {
    if (line === "") break;
    const c = line.charCodeAt(0);
    if ((c === 32 || c === 9) && fields.length > 0) fields[fields.length - 1] += line;
    else fields.push(line);
  }
  let dates = 0;
  for (const f of fields) {
    if (f.length < 9 || f.slice(0, 9).toLowerCase() !== "received:") continue;
    const semi = f.lastIndexOf(";");
    if (semi >= 0 && !Number.isNaN(Date.parse(f.slice(semi + 1).trim()))) dates++;
  }
  return dates;
}

function floorBench(texts: string[], engineMedianUs: number) {
  let sink = 0;
  for (let i = 0; i < 50; i++) for (const t of texts) sink += floor(t);
  const perFixture = texts.map((t) => timeMedianUs(() => (sink += floor(t)), 15, 50));
  const medianUs = median(perFixture);
  return { medianUs: round(medianUs, 2), engineRatio: round(engineMedianUs / medianUs), datesRead: sink > 0 };
}

function fixturesBench() {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort();
  const texts = files.map((f) => readFileSync(path.join(DIR, f), "utf8"));
  let rejected = 0;
  for (const t of texts) {
    try {
      analyze(t);
    } catch {
      rejected++;
    }
  }
  for (let i = 0; i < 20; i++) texts.forEach(run); // warm-up (JIT)
  const perFixture = texts.map((t) => timeMedianUs(() => run(t), 15, 10));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const passes = 30;
  const t0 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) texts.forEach(run);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const engineMedianUs = median(perFixture);
  return {
    floor: floorBench(texts, engineMedianUs),
    count: texts.length,
    rejected,
    totalBytes: bytes,
    medianBytes: median(texts.map((t) => Buffer.byteLength(t))),
    medianUs: round(median(perFixture)),
    p90Us: round([...perFixture].sort((a, b) => a - b)[Math.floor(perFixture.length * 0.9)]),
    maxUs: round(Math.max(...perFixture)),
    mbPerSecond: round((bytes * passes) / 1e6 / seconds, 2),
  };
}

/** A realistic Received header for hop i (distinct hosts, addresses and times). */
function receivedLine(i: number): string {
  const ip = `198.51.${(i >> 8) & 255}.${i & 255}`;
  const t = new Date(Date.UTC(2024, 0, 1, 10, 0, 0) + i * 1000).toUTCString().replace("GMT", "+0000");
  return `Received: from mail-${i}.relay.example (mail-${i}.relay.example [${ip}])\r\n\tby mx-${i + 1}.relay.example (Postfix) with ESMTPS id 4Q${i}X${i}Z\r\n\t(version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256)\r\n\tfor <user@example.net>; ${t}\r\n`;
}

function message(n: number): string {
  let s = "";
  for (let i = n - 1; i >= 0; i--) s += receivedLine(i); // newest first, like a real message
  return s + "From: a@sender.example\r\nTo: user@example.net\r\nSubject: growth\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n";
}

function growthBench() {
  const sizes = [10, 100, 1000];
  const msgs = sizes.map(message);
  for (let i = 0; i < 5; i++) msgs.forEach(run);
  const batch = (i: number) => Math.max(2, Math.round(1000 / sizes[i]));
  const us = msgs.map((m, i) => timeMedianUs(() => run(m), 31, batch(i)));
  // Reading alone (split + unfold + decode every field): must stay linear past MAX_HOPS.
  const readUs = msgs.map((m, i) => timeMedianUs(() => splitHeaderBlock(m), 31, batch(i)));
  return {
    sizes,
    bytes: msgs.map((m) => Buffer.byteLength(m)),
    medianUs: us.map((x) => round(x)),
    usPerHeader: us.map((x, i) => round(x / sizes[i], 2)),
    ratioPer10x: us.slice(1).map((x, i) => round(x / us[i], 2)),
    readMedianUs: readUs.map((x) => round(x)),
    readRatioPer10x: readUs.slice(1).map((x, i) => round(x / readUs[i], 2)),
  };
}

function memoryBench() {
  const texts = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(path.join(DIR, f), "utf8"));
  for (let i = 0; i < 200; i++) run(texts[i % texts.length]);
  gc();
  const before = process.memoryUsage();
  const N = 10_000;
  for (let i = 0; i < N; i++) run(texts[i % texts.length]);
  const afterNoGc = process.memoryUsage().rss;
  gc();
  const after = process.memoryUsage();
  const mib = (b: number) => round(b / 1024 / 1024);
  return {
    analyses: N,
    gcAvailable: typeof (globalThis as { gc?: unknown }).gc === "function",
    rssBeforeMiB: mib(before.rss),
    rssAfterMiB: mib(afterNoGc),
    rssAfterGcMiB: mib(after.rss),
    heapUsedBeforeMiB: mib(before.heapUsed),
    heapUsedAfterGcMiB: mib(after.heapUsed),
  };
}

const result = { node: process.version, fixtures: fixturesBench(), growth: growthBench(), memory: memoryBench() };
process.stdout.write(JSON.stringify(result) + "\n");
