import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnalysisView } from "@/components/analysis/analysis-view";
import { SharedAnalysis } from "@/components/share/shared-analysis";
import { loadSharedAnalysis } from "@/lib/share/service";

export const dynamic = "force-dynamic";

// Shared analyses are private-by-link: never indexed (Referrer-Policy is set in next.config.ts).
export const metadata: Metadata = {
  title: "Shared analysis · Hoptrace",
  robots: { index: false, follow: false },
};

export default async function SharedAnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const shared = await loadSharedAnalysis(id);
  // Unknown, expired or deleted: ./not-found.tsx says so (status 404).
  if (!shared) notFound();
  return (
    <main className="mx-auto max-w-5xl min-w-0 space-y-6 px-3 py-6 sm:px-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/" className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300">Hoptrace</Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Shared analysis</h1>
      </header>
      <SharedAnalysis id={id} expiresAt={shared.expiresAt} redacted={shared.redacted}>
        <AnalysisView analysis={shared.analysis} />
      </SharedAnalysis>
    </main>
  );
}
