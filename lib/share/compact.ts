/**
 * Compact storage of an Analysis (issue 11: 1 MiB in became 2-3 MB stored). The raw headers are
 * kept once, in headers[]: each hop's `raw` and the summary's subject/from/to/messageId that equal
 * a header value are stored as a reference to it. Lossless by construction: the encoder decodes
 * its own output and falls back to the plain JSON when it does not give the same text back.
 *
 * Encodings (the `encoding` column): "analysis-json" = the Analysis as JSON (every row written
 * before this change, and the fallback); "compact-v1" = { v: 1, analysis, refs } as below.
 */
import type { Analysis } from "@/lib/analysis/types";

export type Encoding = "analysis-json" | "compact-v1";

/** A field set to null in the stored analysis, and the header whose value it holds. */
type Ref = [field: string, header: number];

interface CompactV1 {
  v: 1;
  analysis: Analysis;
  refs: Ref[];
}

const SUMMARY_FIELDS = ["subject", "from", "to", "messageId"] as const;
/** Values shorter than this stay inline: a reference would not be smaller. */
const MIN_REF_CHARS = 24;

export function encodeAnalysis(analysis: Analysis): { encoding: Encoding; json: string } {
  const plain = JSON.stringify(analysis);
  const index = new Map<string, number>();
  analysis.headers.forEach((h, i) => {
    if (h.value.length >= MIN_REF_CHARS && !index.has(h.value)) index.set(h.value, i);
  });
  const refs: Ref[] = [];
  const summary = { ...analysis.summary };
  for (const f of SUMMARY_FIELDS) {
    const k = summary[f] === null ? undefined : index.get(summary[f]);
    if (k !== undefined) {
      refs.push([`summary.${f}`, k]);
      summary[f] = null;
    }
  }
  const hops = analysis.hops.map((h, i) => {
    const k = index.get(h.raw);
    if (k === undefined) return h;
    refs.push([`hops.${i}.raw`, k]);
    return { ...h, raw: "" };
  });
  if (refs.length === 0) return { encoding: "analysis-json", json: plain };
  const json = JSON.stringify({ v: 1, analysis: { ...analysis, summary, hops }, refs } satisfies CompactV1);
  // Nothing stored is ever lost: keep the compact form only if it reads back to the same analysis.
  return decodeAnalysis("compact-v1", json) === plain ? { encoding: "compact-v1", json } : { encoding: "analysis-json", json: plain };
}

/** The Analysis JSON text of a stored row, for either encoding. */
export function decodeAnalysis(encoding: string, json: string): string {
  if (encoding !== "compact-v1") return json;
  const c = JSON.parse(json) as CompactV1;
  const a = c.analysis;
  for (const [field, k] of c.refs) {
    const value = a.headers[k].value;
    const [where, key, sub] = field.split(".");
    if (where === "summary") (a.summary as unknown as Record<string, string | null>)[key] = value;
    else if (where === "hops" && sub === "raw") a.hops[Number(key)].raw = value;
  }
  return JSON.stringify(a);
}
