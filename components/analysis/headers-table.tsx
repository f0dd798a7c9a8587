"use client";

import { useDeferredValue, useId, useMemo, useState } from "react";
import type { HeaderField } from "@/lib/analysis/types";
import { FOCUS_RING } from "@/components/ui/button";

const CELL = "border-b border-slate-200 px-2 py-1.5 align-top dark:border-slate-700";

/**
 * Values longer than this (base64 DKIM/ARC signatures, long Received chains) start collapsed to
 * one line with a toggle, so the page stays short on a phone (issue 14).
 */
export const COLLAPSE_CHARS = 160;

function LongValue({ value, name }: { value: string; name: string }) {
  const [open, setOpen] = useState(false);
  if (value.length <= COLLAPSE_CHARS) return <div className="break-all whitespace-pre-wrap">{value}</div>;
  return (
    <div className="min-w-0">
      <div className={open ? "break-all whitespace-pre-wrap" : "truncate"}>{value}</div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className={`mt-0.5 font-sans text-xs text-blue-800 underline underline-offset-2 dark:text-blue-300 ${FOCUS_RING}`}
      >
        {open ? "Show less" : `Show all ${value.length.toLocaleString("en")} characters`}
        <span className="sr-only"> of {name}</span>
      </button>
    </div>
  );
}

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
              <td className={`${CELL} min-w-0 font-mono text-xs`}>
                <LongValue value={h.value} name={h.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
