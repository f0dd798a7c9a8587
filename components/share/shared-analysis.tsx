"use client";

/**
 * The permalink page's body: the expiry line, the delete action and the analysis. Once the owner
 * deletes the share, the expiry line and the analysis go, and the page says it was deleted
 * (issue 14: it must not keep saying "expires on…").
 */
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { DeleteShare } from "./delete-share";

const EXPIRY = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export function SharedAnalysis({ id, expiresAt, redacted, children }: { id: string; expiresAt: string; redacted: boolean; children: ReactNode }) {
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <section aria-labelledby="deleted-title" role="status" className="space-y-3">
        <h2 id="deleted-title" className="text-xl font-semibold">
          Deleted. This link no longer works.
        </h2>
        <p className="text-slate-700 dark:text-slate-300">
          The shared analysis was deleted for everyone who has the link.{" "}
          <Link href="/" className="font-medium text-blue-800 underline underline-offset-2 dark:text-blue-300">
            Analyse other headers
          </Link>
        </p>
      </section>
    );
  }
  return (
    <>
      <div className="space-y-2">
        <p className="text-slate-700 dark:text-slate-300">
          Shared analysis, expires on <time dateTime={expiresAt}>{EXPIRY.format(new Date(expiresAt))} UTC</time>.
          {redacted ? " Personal details (addresses, names, the sender's IP address) were redacted." : ""}
        </p>
        <DeleteShare id={id} onDeleted={() => setDeleted(true)} />
      </div>
      {children}
    </>
  );
}
