import type { Hop } from "@/lib/analysis/types";
import { AlertIcon } from "@/components/ui/icons";
import { HopCard } from "./hop-card";

/** One node per hop, earliest first, joined by a rail so the direction of travel is obvious. */
export function Timeline({ hops, slowest, emptyNote }: { hops: Hop[]; slowest: number | null; emptyNote?: string }) {
  if (hops.length === 0) {
    // The engine's no-received warning when there is one (old shares may lack it).
    return (
      <p role="note" className="flex items-start gap-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100">
        <AlertIcon /> {emptyNote ?? "No Received headers were found, so there is no route to show."}
      </p>
    );
  }
  return (
    <ol aria-label="Hops, earliest first" className="relative space-y-3 border-l-2 border-slate-300 pl-4 dark:border-slate-600">
      {hops.map((hop) => (
        <li key={hop.index} className="relative min-w-0">
          <span
            aria-hidden="true"
            className="absolute top-4 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-white bg-slate-500 dark:border-slate-950 dark:bg-slate-400"
          />
          <HopCard hop={hop} slowest={slowest === hop.index} />
        </li>
      ))}
    </ol>
  );
}
