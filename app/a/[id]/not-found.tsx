import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Shared analysis expired or deleted · Hoptrace",
  robots: { index: false, follow: false },
};

/**
 * /a/{id} for a link that no longer works (issue 14: not the bare 404 page). The store does not
 * keep what it deleted, so "expired" and "deleted" cannot be told apart, and an id that never
 * existed looks the same: the page says all three plainly. The status stays 404.
 */
export default function SharedAnalysisGone() {
  return (
    <main className="mx-auto max-w-3xl min-w-0 space-y-4 px-3 py-10 sm:px-6">
      <p className="text-sm">
        <Link href="/" className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300">Hoptrace</Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">This shared analysis has expired or was deleted</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Shared links last for the time chosen when they were made, and whoever made one can delete it sooner. Nothing of
        this analysis is kept any more (or the link was mistyped).
      </p>
      <p>
        <Link href="/" className="font-medium text-blue-800 underline underline-offset-2 dark:text-blue-300">
          Analyse headers yourself
        </Link>{" "}
        <span className="text-slate-700 dark:text-slate-300">: paste them again to see the route.</span>
      </p>
    </main>
  );
}
