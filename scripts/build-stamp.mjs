// The source stamp of a build: a SHA-256 over every file that goes into `next build` (paths and
// contents), written next to BUILD_ID after a build. `npm start` rebuilds when the stamp differs,
// so a `git pull` (or any edit) is never served from the old build. Works without git.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
const STAMP_FILE = "hoptrace-source.sha256";

function walk(root, rel, out) {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) {
    for (const name of readdirSync(abs).sort()) walk(root, path.join(rel, name), out);
  } else {
    out.push(rel);
  }
}

export function sourceStamp(root) {
  const files = [];
  for (const s of SOURCES) walk(root, s, files);
  const h = createHash("sha256");
  for (const f of files) h.update(`${f}\0`).update(readFileSync(path.join(root, f))).update("\0");
  return h.digest("hex");
}

/** True when distDir holds a build of exactly the current sources. */
export function buildIsCurrent(root, distDir) {
  const stamp = path.join(root, distDir, STAMP_FILE);
  if (!existsSync(path.join(root, distDir, "BUILD_ID")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === sourceStamp(root);
}

export function writeStamp(root, distDir, stamp) {
  writeFileSync(path.join(root, distDir, STAMP_FILE), `${stamp}\n`);
}
