/**
 * `npm start` rebuilds when the build is older than the source (issue 11: after a `git pull` it
 * served the old build because it only checked .next/BUILD_ID). The stamp is a hash of the sources.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { buildIsCurrent, sourceStamp, writeStamp } from "../../scripts/build-stamp.mjs";

function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hoptrace-stamp-"));
  fs.mkdirSync(path.join(root, "lib"), { recursive: true });
  fs.mkdirSync(path.join(root, ".next"), { recursive: true });
  fs.writeFileSync(path.join(root, "lib", "a.ts"), "export const a = 1;\n");
  fs.writeFileSync(path.join(root, "package.json"), "{}\n");
  fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x\n");
  return root;
}

describe("the build's source stamp", () => {
  it.each([
    ["an edited source file", (root: string) => fs.writeFileSync(path.join(root, "lib", "a.ts"), "export const a = 2;\n")],
    ["a new source file", (root: string) => fs.writeFileSync(path.join(root, "lib", "b.ts"), "export const b = 1;\n")],
    ["a renamed source file", (root: string) => fs.renameSync(path.join(root, "lib", "a.ts"), path.join(root, "lib", "c.ts"))],
    ["a changed lock file", (root: string) => fs.writeFileSync(path.join(root, "package-lock.json"), "{}\n")],
  ])("%s makes the build stale", (_name, change) => {
    const root = project();
    writeStamp(root, ".next", sourceStamp(root));
    expect(buildIsCurrent(root, ".next")).toBe(true);
    change(root);
    expect(buildIsCurrent(root, ".next")).toBe(false);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("a build without a stamp (built by hand, or before stamps) counts as stale", () => {
    const root = project();
    expect(buildIsCurrent(root, ".next")).toBe(false);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("files outside the sources (tests, data, the build itself) do not change the stamp", () => {
    const root = project();
    const before = sourceStamp(root);
    fs.mkdirSync(path.join(root, "tests"));
    fs.writeFileSync(path.join(root, "tests", "x.test.ts"), "");
    fs.writeFileSync(path.join(root, ".next", "other"), "");
    expect(sourceStamp(root)).toBe(before);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
