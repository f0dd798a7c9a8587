/** Loads a fixture header set and analyses it (issue 12's tests). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyze } from "@/lib/analysis";
import type { Analysis, AntispamReport } from "@/lib/analysis/types";

export function fixture(name: string): Analysis {
  return analyze(readFileSync(path.resolve(__dirname, "../fixtures/headers", `${name}.txt`), "utf8"));
}

export function vendor(a: Analysis, name: string): AntispamReport {
  const r = a.antispam?.find((x) => x.vendor === name);
  if (!r) throw new Error(`no ${name} report`);
  return r;
}

/** name → [value, meaning] for a report's fields. */
export function fieldMap(r: AntispamReport): Map<string, [string, string | null]> {
  return new Map(r.fields.map((f) => [f.name, [f.value, f.meaning]]));
}

export function codes(a: Analysis): string[] {
  return a.warnings.map((w) => w.code);
}

/** A minimal message with the given headers above one Received line into a Microsoft 365 MX. */
export function message(lines: string[]): string {
  return [...lines, ""].join("\r\n");
}
