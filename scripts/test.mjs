// `npm test`: every suite (unit, API against a real `next start`, browser in headless Chromium).
// Builds the app first so API and browser tests run against the current code; SKIP_BUILD=1 reuses
// an existing build. Prints a plain "Tests: N passed, N failed, N skipped" closing line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "./build.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const extra = process.argv.slice(2);

if (!(process.env.SKIP_BUILD === "1" && existsSync(path.join(root, distDir, "BUILD_ID")))) {
  const status = build(root, distDir);
  if (status !== 0) {
    console.error("next build failed");
    process.exit(status);
  }
}

mkdirSync(path.join(root, "test-results"), { recursive: true });
const jsonOut = path.join(root, "test-results", "vitest.json");
rmSync(jsonOut, { force: true });
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
const r = spawnSync(
  process.execPath,
  [vitestBin, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${jsonOut}`, ...extra],
  { cwd: root, stdio: "inherit" },
);
if (existsSync(jsonOut)) {
  const j = JSON.parse(readFileSync(jsonOut, "utf8"));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  console.log(`Tests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`);
  if (j.numTotalTests === 0) {
    console.error("No test ran.");
    process.exit(1);
  }
}
process.exit(r.status ?? 1);
