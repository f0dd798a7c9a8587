/**
 * Where the message entered the recipient's organisation (summary.border, summary.borders, the
 * hops' trust and trail). Every field here is newer than the first stored shares: each one is
 * optional, and without them the page simply shows no border.
 */
import type { Analysis, Hop, Summary } from "@/lib/analysis/types";
import { Badge } from "@/components/ui/badge";

type BorderInfo = Summary["border"];

/** summary.border when the analysis has one (old shares do not). */
export function borderOf(analysis: Analysis): BorderInfo | null {
  const b = (analysis.summary as Partial<Summary>).border;
  return b && typeof b === "object" ? { hop: b.hop ?? null, evidence: Array.isArray(b.evidence) ? b.evidence : [] } : null;
}

/** Every trail's border, trail 1 (the latest) first; [] for old shares. */
export function bordersOf(analysis: Analysis): Summary["borders"] {
  const list = (analysis.summary as Partial<Summary>).borders;
  return Array.isArray(list) ? list : [];
}

/** How many trails the chain holds; 1 when the analysis does not say. */
export function trailCount(analysis: Analysis): number {
  const t = (analysis.summary as Partial<Summary>).trails;
  return typeof t === "number" && t > 1 ? t : 1;
}

/** The border of the hop's trail when the hop is that border, else null. */
export function borderAt(analysis: Analysis, hop: Hop): { evidence: string[] } | null {
  const all = bordersOf(analysis);
  const hit = all.find((b) => b.hop === hop.index);
  if (hit) return { evidence: hit.evidence };
  const b = borderOf(analysis);
  return b && b.hop === hop.index ? { evidence: b.evidence } : null;
}

function Evidence({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
      {items.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
    </ul>
  );
}

/** The banner on the border hop's card. */
export function BorderMarker({ evidence }: { evidence: string[] }) {
  return (
    <div
      data-testid="border-marker"
      className="mb-2 rounded-md border border-sky-300 bg-sky-50 px-2 py-1.5 text-sm text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-50"
    >
      <p className="font-semibold">
        <span aria-hidden="true">⇥ </span>Entered the recipient&apos;s organisation here
      </p>
      <Evidence items={evidence} />
    </div>
  );
}

/** "Sender's claim": a hop below the recipient's border, written by the sending side. */
export function TrustBadge({ trust }: { trust: Hop["trust"] | undefined }) {
  if (trust !== "sender") return null;
  return (
    <Badge tone="neutral" icon="?" title="Written by the sending side, below the recipient's border: the recipient cannot verify it">
      Sender&apos;s claim
    </Badge>
  );
}

/** The summary's border line: where the message came in, and on what evidence. */
export function BorderSummary({ analysis }: { analysis: Analysis }) {
  const border = borderOf(analysis);
  if (!border) return null;
  const trails = trailCount(analysis);
  return (
    <div className="space-y-1 text-sm" data-testid="border-summary">
      <h3 className="text-sm font-semibold">Recipient&apos;s border</h3>
      {border.hop !== null ? (
        <>
          <p>
            Entered the recipient&apos;s organisation at{" "}
            <a href={`#hop-${border.hop}`} className="font-medium text-blue-800 underline underline-offset-2 dark:text-blue-300">
              hop {border.hop}
            </a>
            . Hops below it are the sender&apos;s claims; the recipient cannot verify them.
          </p>
          <details>
            <summary className="cursor-pointer text-blue-800 underline-offset-2 hover:underline dark:text-blue-300">Evidence</summary>
            <Evidence items={border.evidence} />
          </details>
        </>
      ) : (
        <p>The route shows no entry from outside: the message stayed inside one organisation.</p>
      )}
      {trails > 1 ? (
        <p>
          The message travelled {trails} trails: it was delivered, then sent on (forwarding, a mailing list or a resend). Each trail is
          shown separately below, with its own border.
        </p>
      ) : null}
    </div>
  );
}
