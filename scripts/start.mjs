// `npm start`: serves the production build (scripts/server.mjs: HOSTNAME, PORT, MAX_CONNECTIONS),
// building first when there is no build or when it is older than the source (build-stamp.mjs).
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIsCurrent } from "./build-stamp.mjs";
import { build } from "./build.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV = "production";
const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";

if (!buildIsCurrent(root, distDir)) {
  console.log("The production build is missing or older than the source: running next build first.");
  const status = build(root, distDir);
  if (status !== 0) process.exit(status);
}
const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
