"use client";

/**
 * The delete action on /a/[id], shown only in the browser that created the share (it holds the
 * delete token in localStorage). Two clicks: "Delete…" then "Delete for good".
 */
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { forgetDeleteToken, readDeleteToken } from "./delete-token";

type State = { kind: "ready"; confirming: boolean } | { kind: "deleting" } | { kind: "deleted" } | { kind: "error"; message: string };

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/** `onDeleted`: the page replaces the expiry line and the analysis once the share is gone. */
export function DeleteShare({ id, onDeleted }: { id: string; onDeleted?: () => void }) {
  const [state, setState] = useState<State>({ kind: "ready", confirming: false });
  // localStorage exists only in the browser: the server renders no action, the client may add it.
  const hasToken = useSyncExternalStore(subscribe, () => readDeleteToken(id) !== null, () => false);

  async function remove() {
    const token = readDeleteToken(id);
    if (!token) return;
    setState({ kind: "deleting" });
    try {
      const res = await fetch(`/api/analyses/${encodeURIComponent(id)}`, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } });
      if (res.status === 204 || res.status === 404) {
        forgetDeleteToken(id);
        setState({ kind: "deleted" });
        onDeleted?.();
        return;
      }
      if (res.status === 403) forgetDeleteToken(id);
      setState({ kind: "error", message: res.status === 403 ? "This browser's delete token does not match this share." : `Deleting failed (HTTP ${res.status}).` });
    } catch {
      setState({ kind: "error", message: "Deleting failed: the server did not answer." });
    }
  }

  if (!hasToken && state.kind === "ready") return null;
  if (state.kind === "deleted") {
    return <p role="status" className="text-sm font-medium">Deleted. This link no longer works.</p>;
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {state.kind === "ready" && !state.confirming ? (
        <Button onClick={() => setState({ kind: "ready", confirming: true })}>Delete this share…</Button>
      ) : null}
      {state.kind === "ready" && state.confirming ? (
        <>
          <span>Delete it for everyone who has the link?</span>
          <Button variant="primary" onClick={() => void remove()}>Delete for good</Button>
          <Button variant="ghost" onClick={() => setState({ kind: "ready", confirming: false })}>Keep it</Button>
        </>
      ) : null}
      {state.kind === "deleting" ? <span role="status">Deleting…</span> : null}
      {state.kind === "error" ? <span role="alert" className="text-red-800 dark:text-red-300">{state.message}</span> : null}
    </div>
  );
}
