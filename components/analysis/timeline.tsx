import type { Hop } from "@/lib/analysis/types";
import { AlertIcon } from "@/components/ui/icons";
import { HopCard } from "./hop-card";
import { hopsByTrail, type RouteFacts } from "./hop-context";

function Rail({ hops, facts, label }: { hops: Hop[]; facts: RouteFacts; label: string }) {
  return (
    <ol aria-label={label} className="relative space-y-3 border-l-2 border-slate-300 pl-4 dark:border-slate-600">
      {hops.map((hop) => (
        <li key={hop.index} className="relative min-w-0">
          <span
            aria-hidden="true"
            className="absolute top-4 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-white bg-slate-500 dark:border-slate-950 dark:bg-slate-400"
          />
          <HopCard hop={hop} context={facts.context(hop)} />
        </li>
      ))}
    </ol>
  );
}

/**
 * One node per hop, earliest first, joined by a rail so the direction of travel is obvious. When
 * the chain holds several trails (delivered, then sent on), each trail gets its own titled rail.
 */
export function Timeline({ hops, facts, emptyNote }: { hops: Hop[]; facts: RouteFacts; emptyNote?: string }) {
  if (hops.length === 0) {
    // The engine's no-received warning when there is one (old shares may lack it).
    return (
      <p role="note" className="flex items-start gap-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100">
        <AlertIcon /> {emptyNote ?? "No Received headers were found, so there is no route to show."}
      </p>
    );
  }
  const groups = hopsByTrail(hops);
  if (groups.length === 1) return <Rail hops={hops} facts={facts} label="Hops, earliest first" />;
  return (
    <div className="space-y-4">
      {groups.map((g, i) => (
        <section key={i} aria-labelledby={`trail-${i}-title`} className="space-y-2 rounded-lg border border-slate-200 p-2 dark:border-slate-700">
          <h3 id={`trail-${i}-title`} className="text-base font-semibold">
            Trail {g.trail ?? i + 1}
            {g.trail === 1 ? " (the latest: delivery to this mailbox)" : i === 0 ? " (the earliest)" : ""}:{" "}
            {g.hops.length === 1 ? `hop ${g.hops[0].index}` : `hops ${g.hops[0].index}–${g.hops[g.hops.length - 1].index}`}
          </h3>
          <Rail hops={g.hops} facts={facts} label={i === 0 ? "Hops, earliest first" : `Hops of trail ${g.trail ?? i + 1}`} />
        </section>
      ))}
    </div>
  );
}
