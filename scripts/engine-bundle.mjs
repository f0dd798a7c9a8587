// The engine as the product runs it, for the benchmarks: one scope-hoisted bundle (esbuild), as
// `next build` bundles lib/analysis into the server chunks (Turbopack concatenates the modules, so
// a call between two engine files is a plain function call there). Run under tsx instead, every
// cross-module call goes through the loader's export getters: that cost grows with the number of
// files, not with the work, and it made the 80-file engine look ~10% slower than it runs in
// production (issue 8 measurement, 2026-12-04).
//   bundle(entry, name, { root, dirname })  → path of a CommonJS bundle of `entry` with its
//   relative imports inlined and npm packages left to require(); written under
//   <root>/node_modules/.cache/hoptrace-bench/ so those requires resolve as in the checkout.
//   BENCH_LOADER=tsx (read by the callers) runs the sources through tsx as before, for comparison.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

export function bundle(entry, name, { root, dirname } = {}) {
  const base = root ?? process.cwd();
  const outDir = path.join(base, "node_modules", ".cache", "hoptrace-bench");
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, `${name}.cjs`);
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    tsconfig: path.join(base, "tsconfig.json"),
    // A bundled script's __dirname would be the cache folder: keep the script's own.
    define: dirname ? { __dirname: JSON.stringify(dirname) } : {},
    logLevel: "warning",
  });
  return outfile;
}

export const throughTsx = () => process.env.BENCH_LOADER === "tsx";
