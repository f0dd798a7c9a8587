/**
 * Writes tests/fixtures/expected/<fixture>.json from the current engine, for the fixtures named
 * on the command line (or all with --all). Every written file must then be checked by reading
 * the headers: the expected JSON is a reviewed statement, not a snapshot to accept blindly.
 *   node --import tsx scripts/update-expected.ts phishing_pot__sample-8.txt
 */
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { analyze } from "../lib/analysis/index";
import { project } from "../tests/helpers/projection";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "tests/fixtures/headers");
const out = path.join(root, "tests/fixtures/expected");
const args = process.argv.slice(2);
const names = args.includes("--all") ? readdirSync(dir).filter((f) => f.endsWith(".txt")) : args;
for (const name of names) {
  const raw = readFileSync(path.join(dir, name), "utf8");
  const json = JSON.stringify(project(analyze(raw)), null, 2) + "\n";
  writeFileSync(path.join(out, name.replace(/\.txt$/, ".json")), json);
  console.log(`wrote expected/${name.replace(/\.txt$/, ".json")}`);
}
