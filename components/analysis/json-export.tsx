"use client";

import { useState } from "react";
import type { Analysis } from "@/lib/analysis/types";
import { Button } from "@/components/ui/button";
import { CopyIcon, DownloadIcon } from "@/components/ui/icons";

function fileName(analysis: Analysis): string {
  const base = (analysis.summary.messageId ?? analysis.summary.date ?? "analysis").replace(/[^\w.-]+/g, "_").slice(0, 60);
  return `hoptrace-${base}.json`;
}

/** Copy or download the Analysis exactly as the API returned it. */
export function JsonExport({ analysis }: { analysis: Analysis }) {
  const [status, setStatus] = useState("");
  const json = JSON.stringify(analysis, null, 2);

  async function copy() {
    try {
      await navigator.clipboard.writeText(json);
      setStatus("Analysis JSON copied to the clipboard.");
    } catch {
      setStatus("Copying was blocked by the browser; use Download instead.");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName(analysis);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
    setStatus(`Downloading ${a.download}.`);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button onClick={copy}>
        <CopyIcon /> Copy JSON
      </Button>
      <Button onClick={download}>
        <DownloadIcon /> Download JSON
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {status}
      </span>
    </div>
  );
}
