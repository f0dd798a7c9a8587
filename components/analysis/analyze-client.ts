/**
 * The browser side of POST /api/analyze: headers go in a JSON body (never the URL), and every
 * failure becomes one plain sentence for the person at the keyboard.
 */
import type { Analysis } from "@/lib/analysis/types";

export type AnalyzeOutcome = { ok: true; analysis: Analysis } | { ok: false; message: string };

interface ApiError {
  error?: { code?: string; message?: string };
}

function plainWords(status: number, body: ApiError | null): string {
  const detail = body?.error?.message;
  switch (status) {
    case 413:
      return "These headers are too large to analyse (the limit is 1 MiB). Paste only the header section of the message.";
    case 400:
      return `This does not look like email headers. ${detail ?? "Paste lines such as “Received: …” and “From: …”."}`;
    case 429:
      return "Too many analyses from your network in a short time. Wait a minute, then try again.";
    default:
      return `The analysis failed (HTTP ${status}). ${detail ?? "Please try again."}`;
  }
}

/** `dns`: ask the server to check the recipient domains' MX records (evidence for backup MX hops). */
export async function requestAnalysis(headers: string, signal?: AbortSignal, dns = false): Promise<AnalyzeOutcome> {
  let res: Response;
  try {
    res = await fetch("/api/analyze", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(dns ? { headers, options: { dns: true } } : { headers }),
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    return { ok: false, message: "Could not reach the Hoptrace server. Check your connection and try again." };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) return { ok: false, message: plainWords(res.status, body as ApiError | null) };
  if (!body || typeof body !== "object" || (body as { schemaVersion?: unknown }).schemaVersion !== 1) {
    return { ok: false, message: "The server answered with something this page cannot read. Please reload and try again." };
  }
  return { ok: true, analysis: body as Analysis };
}
