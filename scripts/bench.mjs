// `npm run bench`: engine and API benchmarks (numbers, not timed tests). Writes
// bench-results/latest.json and prints a table; `--readme` also rewrites the README's
// "Benchmarks" section (between the bench markers) with these numbers.
//   BENCH_SECONDS=10   seconds per API measurement (after a 3 s warm-up)
//   SKIP_BUILD=1       reuse an existing production build (NEXT_DIST_DIR, default .next)
//   BENCH_LOADER=tsx   run the engine bench through tsx instead of bundled (engine-bundle.mjs)
//   --skip-api / --skip-engine
//   --readme-only      rewrite the README table from bench-results/latest.json, measure nothing
import { spawn, spawnSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { bundle, throughTsx } from "./engine-bundle.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "..");
const args = new Set(process.argv.slice(2));
const distDir = process.env.NEXT_DIST_DIR || ".next";
const SECONDS = Number(process.env.BENCH_SECONDS) || 10;
const CONNECTIONS = 10;
/** The "typical 6-hop message": Gmail submission → Google outbound → Exchange Online (8.9 KB). */
const TYPICAL = "tests/fixtures/headers/phishing_pot__sample-1000.txt";

/** The engine bench, on the engine bundled as `next build` bundles it (engine-bundle.mjs). */
function engineBench() {
  const script = path.join(root, "scripts", "bench-engine.ts");
  const argv = throughTsx() ? ["--import", "tsx", "--expose-gc", script] : ["--expose-gc", bundle(script, "bench-engine", { root, dirname: path.dirname(script) })];
  const r = spawnSync(process.execPath, argv, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) throw new Error(`engine bench failed (${r.status})`);
  return { loader: throughTsx() ? "tsx" : "bundle", ...JSON.parse(r.stdout.trim().split("\n").pop()) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (!(process.env.SKIP_BUILD === "1" && existsSync(path.join(root, distDir, "BUILD_ID")))) {
    const b = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
    if (b.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ANALYZE_RATE_LIMIT: "1000000000" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error("next start exited early");
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => new Promise((r) => (child.once("exit", r), child.kill("SIGTERM"))) };
}

function cannon(opts) {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

async function measure(name, opts) {
  await cannon({ ...opts, connections: CONNECTIONS, duration: 3 }); // warm-up
  const r = await cannon({ ...opts, connections: CONNECTIONS, duration: SECONDS });
  const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return { name, rps: Math.round(r.requests.average), p50ms: r.latency.p50, p99ms: r.latency.p99, requests: r.requests.total, codes, errors: r.errors };
}

async function apiBench() {
  const server = await startServer();
  try {
    const body = readFileSync(path.join(root, TYPICAL), "utf8");
    const analyze = await measure("POST /api/analyze (6 hops, 8.9 KB)", {
      url: `${server.url}/api/analyze`, method: "POST", headers: { "content-type": "text/plain" }, body,
    });
    const health = await measure("GET /api/health (route handler ceiling)", { url: `${server.url}/api/health` });
    const page = await measure("GET / (page, rendered per request)", { url: `${server.url}/` });
    return {
      connections: CONNECTIONS, seconds: SECONDS, fixture: TYPICAL, results: [analyze, health, page],
      analyzeVsHealth: Math.round((analyze.rps / health.rps) * 100) / 100,
    };
  } finally {
    await server.stop();
  }
}

function table(res) {
  const rows = [];
  const e = res.engine;
  if (e) {
    const f = e.fixtures;
    rows.push(["Engine: median per header set", `${f.medianUs} µs`, `${f.count} real fixtures, median ${(f.medianBytes / 1024).toFixed(1)} KiB; p90 ${f.p90Us} µs, max ${f.maxUs} µs; ${e.loader === "tsx" ? "sources run through tsx" : "engine bundled as next build bundles it"}`]);
    if (f.floor) rows.push(["Engine ÷ floor", `×${f.floor.engineRatio}`, `floor: split + unfold + Date.parse of each Received, ${f.floor.medianUs} µs per header set (same run)`]);
    rows.push(["Engine: throughput", `${f.mbPerSecond} MB/s`, `all fixtures, ${(f.totalBytes / 1e6).toFixed(2)} MB per pass`]);
    const g = e.growth;
    rows.push(["Engine: 10 / 100 / 1,000 Received", g.medianUs.map((x) => `${x}`).join(" / ") + " µs", `×${g.ratioPer10x.join(", ×")} per 10× (at most 100 hops analysed)`]);
    rows.push(["Reading: 10 / 100 / 1,000 Received", g.readMedianUs.join(" / ") + " µs", `×${g.readRatioPer10x.join(", ×")} per 10× (split, unfold, decode)`]);
    const m = e.memory;
    rows.push(["Memory: 10,000 analyses", `RSS ${m.rssBeforeMiB} → ${m.rssAfterMiB} MiB`, `heap after GC ${m.heapUsedAfterGcMiB} MiB (before ${m.heapUsedBeforeMiB} MiB)`]);
  }
  if (res.api) {
    for (const r of res.api.results) rows.push([`API: ${r.name}`, `${r.rps} req/s`, `p50 ${r.p50ms} ms, p99 ${r.p99ms} ms; ${CONNECTIONS} connections, ${res.api.seconds} s`]);
    rows.push(["API: analyze / health", `${res.api.analyzeVsHealth}`, "share of the framework ceiling left after analysis"]);
  }
  return rows;
}

function markdown(res, rows) {
  const lines = [
    "<!-- bench:start (generated by `npm run bench -- --readme`; edit scripts/bench.mjs, not this table) -->",
    `Measured ${res.date.slice(0, 10)} at ${res.commit} on ${res.machine.cpus}× ${res.machine.cpuModel}, Node ${res.node}; raw numbers in \`bench-results/latest.json\`.`,
    "",
    "| measurement | result | notes |",
    "| --- | --- | --- |",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "<!-- bench:end -->",
  ];
  return lines.join("\n");
}

function updateReadme(md) {
  const file = path.join(root, "README.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("<!-- bench:start");
  const end = text.indexOf("<!-- bench:end -->");
  let out;
  if (start >= 0 && end > start) out = text.slice(0, start) + md + text.slice(end + "<!-- bench:end -->".length);
  else {
    // First run: the table goes at the end of the "## Benchmarks" section (added when missing).
    const heading = text.search(/^## Benchmarks[ \t]*$/m);
    if (heading < 0) out = `${text.trimEnd()}\n\n## Benchmarks\n\n${md}\n`;
    else {
      const next = text.slice(heading + 1).search(/^## /m);
      const at = next < 0 ? text.length : heading + 1 + next;
      out = `${text.slice(0, at).trimEnd()}\n\n${md}\n${next < 0 ? "" : "\n" + text.slice(at)}`;
    }
  }
  writeFileSync(file, out);
}

const latestFile = path.join(root, "bench-results", "latest.json");
const res = args.has("--readme-only") ? JSON.parse(readFileSync(latestFile, "utf8")) : await measureAll();

async function measureAll() {
  return {
  date: new Date().toISOString(),
  commit: (() => {
    try {
      return execSync("git rev-parse --short HEAD", { cwd: root, encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })(),
  node: process.version,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model?.trim() ?? "unknown", totalMemMiB: Math.round(os.totalmem() / 1048576) },
  engine: args.has("--skip-engine") ? null : engineBench(),
  api: args.has("--skip-api") ? null : await apiBench(),
  };
}
if (!args.has("--readme-only")) {
  mkdirSync(path.dirname(latestFile), { recursive: true });
  writeFileSync(latestFile, JSON.stringify(res, null, 2) + "\n");
}
const rows = table(res);
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join("  "));
if (!args.has("--readme-only")) console.log("\nWritten to bench-results/latest.json");
if (args.has("--readme") || args.has("--readme-only")) {
  updateReadme(markdown(res, rows));
  console.log("README.md Benchmarks section updated");
}
