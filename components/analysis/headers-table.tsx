"use client";

import { useDeferredValue, useId, useMemo, useState } from "react";
import type { HeaderField } from "@/lib/analysis/types";
import { FOCUS_RING } from "@/components/ui/button";

const CELL = "border-b border-slate-200 px-2 py-1.5 align-top dark:border-slate-700";

/** Every header in original order, filterable by name or value. */
export function HeadersTable({ headers }: { headers: HeaderField[] }) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const inputId = useId();
  const shown = useMemo(() => {
    const q = deferred.trim().toLowerCase();
    const indexed = headers.map((h, i) => ({ ...h, i }));
    if (!q) return indexed;
    return indexed.filter((h) => h.name.toLowerCase().includes(q) || h.value.toLowerCase().includes(q));
  }, [headers, deferred]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="text-sm font-medium">
          Search headers
        </label>
        <input
          id={inputId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="e.g. dkim, x-mailer"
          className={`min-w-0 flex-1 basis-40 rounded-md border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-500 dark:bg-slate-900 ${FOCUS_RING}`}
        />
        <span role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {shown.length} of {headers.length} headers
        </span>
      </div>
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">All headers, in original order</caption>
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            <th scope="col" className={`${CELL} w-[32%]`}>
              Name
            </th>
            <th scope="col" className={CELL}>
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((h) => (
            <tr key={h.i}>
              <th scope="row" className={`${CELL} break-all font-mono text-xs font-medium`}>
                {h.name}
              </th>
              <td className={`${CELL} break-all font-mono text-xs whitespace-pre-wrap`}>{h.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
