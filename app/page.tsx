import { Analyzer } from "@/components/analysis/analyzer";

export default function Home() {
  return (
    <main className="mx-auto max-w-5xl min-w-0 space-y-6 px-3 py-6 sm:px-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Hoptrace</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Paste an email&apos;s headers to see every hop it took: how long each took, whether it was encrypted, which
          servers relayed it, and what SPF, DKIM and DMARC said.
        </p>
      </header>
      <Analyzer />
    </main>
  );
}
