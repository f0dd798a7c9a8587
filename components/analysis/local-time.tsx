"use client";

import { useSyncExternalStore } from "react";
import { formatLocal } from "@/lib/format/dates";

const subscribe = () => () => {};

/**
 * The viewer's local time for an ISO instant. The server does not know the viewer's zone, so it
 * renders nothing and the client fills it in after hydration (no mismatch warning).
 */
export function LocalTime({ iso, className }: { iso: string | null; className?: string }) {
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!isClient || !iso) return null;
  const text = formatLocal(iso);
  if (!text) return null;
  return (
    <span className={className}>
      <span className="sr-only">Your local time: </span>
      {text} <span className="text-slate-600 dark:text-slate-400">(your time)</span>
    </span>
  );
}
