"use client";

/**
 * "Share" under a result: options (redact, expiry) and a preview of what the link will contain →
 * POST /api/analyses → the link with a copy button. Redaction is on by default. The delete token
 * goes to this browser's localStorage only. When the share store cannot take links (GET
 * /api/health, or a 503 on create) the panel says sharing is unavailable instead.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Button, FOCUS_RING } from "@/components/ui/button";
import { saveDeleteToken } from "./delete-token";
import { SharePreview } from "./share-preview";

const UNAVAILABLE: Record<string, string> = {
  full: "Sharing is unavailable right now: the server's storage is full.",
  "read-only": "Sharing is unavailable right now: the server cannot store links.",
  unavailable: "Sharing is unavailable right now: the server's share store cannot be reached.",
};

/** The reason sharing is unavailable, from /api/health, or null when it works (or health cannot say). */
function useSharingUnavailable(): [string | null, (reason: string) => void] {
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/health")
      .then((r) => r.json())
      .then((h: { store?: { state?: string } }) => {
        const state = h.store?.state;
        if (live && state && state !== "ok") setReason(UNAVAILABLE[state] ?? UNAVAILABLE.unavailable);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return [reason, setReason];
}

const EXPIRY_OPTIONS = [
  { days: 1, label: "1 day" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 365, label: "1 year" },
] as const;

interface Created {
  id: string;
  url: string;
  expiresAt: string;
}

type State =
  | { kind: "closed" }
  | { kind: "options" }
  | { kind: "creating" }
  | { kind: "error"; message: string }
  | { kind: "created"; share: Created; copied: boolean };

function isCreated(v: unknown): v is Created & { deleteToken: string } {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === "string" && typeof o.url === "string" && typeof o.deleteToken === "string" && typeof o.expiresAt === "string";
}

function errorMessage(v: unknown, status: number): string {
  const msg = (v as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof msg === "string" ? msg : `The link could not be created (HTTP ${status}).`;
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" });

export function SharePanel({ headers }: { headers: string }) {
  // A new analysis resets the panel: a link always belongs to the headers it was made from.
  const [state, setState] = useState<{ for: string; s: State }>({ for: headers, s: { kind: "closed" } });
  const [redact, setRedact] = useState(true);
  const [days, setDays] = useState<number>(30);
  const linkRef = useRef<HTMLInputElement>(null);
  const redactId = useId();
  const expiryId = useId();
  const linkId = useId();
  const s: State = state.for === headers ? state.s : { kind: "closed" };
  const set = (next: State) => setState({ for: headers, s: next });
  const [unavailable, setUnavailable] = useSharingUnavailable();

  async function create() {
    set({ kind: "creating" });
    try {
      const res = await fetch("/api/analyses", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ headers, redact, expiresInDays: days }),
      });
      const body: unknown = await res.json().catch(() => null);
      if (res.status === 503) {
        setUnavailable(errorMessage(body, res.status));
        return set({ kind: "closed" });
      }
      if (res.status !== 201 || !isCreated(body)) return set({ kind: "error", message: errorMessage(body, res.status) });
      saveDeleteToken(body.id, body.deleteToken);
      set({ kind: "created", share: { id: body.id, url: body.url, expiresAt: body.expiresAt }, copied: false });
    } catch {
      set({ kind: "error", message: "The link could not be created: the server did not answer." });
    }
  }

  async function copy(share: Created) {
    try {
      await navigator.clipboard.writeText(share.url);
    } catch {
      linkRef.current?.select(); // no clipboard permission: leave it selected for Ctrl+C
    }
    set({ kind: "created", share, copied: true });
  }

  return (
    <section aria-labelledby={`${linkId}-title`} className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-600">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${linkId}-title`} className="text-lg font-semibold">Share</h2>
        {s.kind === "closed" && !unavailable ? (
          <Button onClick={() => set({ kind: "options" })}>Share this analysis…</Button>
        ) : null}
      </div>
      {unavailable ? (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {unavailable} Analyzing still works; try sharing again later.
        </p>
      ) : null}

      {!unavailable && (s.kind === "options" || s.kind === "creating" || s.kind === "error") ? (
        <div className="space-y-3">
          <div className="flex items-start gap-2">
            <input id={redactId} type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} className={`mt-1 ${FOCUS_RING}`} />
            <label htmlFor={redactId} className="text-sm">
              <span className="font-medium">Redact personal details</span>
              <span className="block text-slate-700 dark:text-slate-300">
                Masks email addresses (domains stay), display names, recipients, login names, the sending computer&apos;s name and IP address,
                Message-ID and DKIM signatures. Servers, times, TLS and relay types stay.
              </span>
            </label>
          </div>
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor={expiryId} className="font-medium">Link expires after</label>
            <select
              id={expiryId}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
              className={`rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
            >
              {EXPIRY_OPTIONS.map((o) => (
                <option key={o.days} value={o.days}>{o.label}</option>
              ))}
            </select>
          </div>
          <SharePreview headers={headers} redact={redact} />
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" onClick={() => void create()} disabled={s.kind === "creating"}>
              {s.kind === "creating" ? "Creating link…" : "Create link"}
            </Button>
            <Button variant="ghost" onClick={() => set({ kind: "closed" })}>Cancel</Button>
          </div>
          {s.kind === "error" ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">{s.message}</p> : null}
        </div>
      ) : null}

      {s.kind === "created" ? (
        <div className="space-y-2">
          <label htmlFor={linkId} className="block text-sm font-medium">Link to this analysis</label>
          <div className="flex flex-wrap gap-2">
            <input
              id={linkId}
              ref={linkRef}
              readOnly
              value={s.share.url}
              onFocus={(e) => e.currentTarget.select()}
              className={`min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
            />
            <Button onClick={() => void copy(s.share)}>{s.copied ? "Copied" : "Copy link"}</Button>
          </div>
          <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
            Anyone with the link can see it until {DATE.format(new Date(s.share.expiresAt))}. You can delete it from
            this browser on the shared page.
          </p>
        </div>
      ) : null}
    </section>
  );
}
