// `npm run build`: next build, then the source stamp that `npm start` compares (build-stamp.mjs).
// The stamp is taken before building, so an edit made during the build makes the next start rebuild.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { sourceStamp, writeStamp } from "./build-stamp.mjs";

export function build(root, distDir) {
  const stamp = sourceStamp(root);
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status === 0) writeStamp(root, distDir, stamp);
  return r.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "..");
  process.exit(build(root, process.env.NEXT_DIST_DIR || ".next"));
}
