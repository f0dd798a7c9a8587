import { RelayBadge } from "./hop-badges";
import { RELAY_TYPE_ORDER, RELAY_TYPES } from "./relay-types";

/** One line per relay type; shown folded under the route so the badges are never a puzzle. */
export function RelayLegend() {
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
      <summary className="cursor-pointer font-medium">What the relay types mean</summary>
      <dl className="mt-2 grid gap-2 sm:grid-cols-[auto_1fr] sm:gap-x-3">
        {RELAY_TYPE_ORDER.map((t) => (
          <div key={t} className="contents">
            <dt>
              <RelayBadge type={t} />
            </dt>
            <dd className="mb-1 text-slate-700 sm:mb-0 dark:text-slate-300">{RELAY_TYPES[t].definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
