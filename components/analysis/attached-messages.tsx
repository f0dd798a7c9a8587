"use client";

/**
 * "Analyse the attached message": a phishing report usually carries the original as an attachment
 * (message/rfc822, or an embedded Outlook item). The attachment is read on the server only when
 * asked (the file holds a body the page otherwise never sends).
 */
import type { ExtractedMessage } from "@/lib/extract/types";
import { Button } from "@/components/ui/button";

type State =
  | { kind: "offer"; file: File }
  | { kind: "reading"; file: File }
  | { kind: "list"; file: File; items: ExtractedMessage[] }
  | { kind: "error"; file: File; message: string };

export function AttachedMessages({
  state,
  busy,
  onRead,
  onAnalyze,
}: {
  state: State;
  busy: boolean;
  onRead: () => void;
  onAnalyze: (item: ExtractedMessage) => void;
}) {
  return (
    <div
      role="region"
      aria-label="Attached messages"
      className="space-y-2 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-700 dark:bg-blue-950 dark:text-blue-50"
    >
      {state.kind === "offer" ? (
        <>
          <p>“{state.file.name}” has a message attached to it (a forwarded or reported message).</p>
          <Button variant="primary" onClick={onRead} disabled={busy}>
            Analyse the attached message
          </Button>
          <p className="text-xs">The file is sent to this server to read the attachment&apos;s headers; nothing is stored.</p>
        </>
      ) : null}
      {state.kind === "reading" ? <p role="status">Reading the attached message…</p> : null}
      {state.kind === "error" ? <p role="alert">{state.message}</p> : null}
      {state.kind === "list" ? (
        <>
          <p>
            “{state.file.name}” holds {state.items.length === 1 ? "an attached message" : `${state.items.length} attached messages`}:
          </p>
          <ul className="space-y-1">
            {state.items.map((item, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2">
                <Button onClick={() => onAnalyze(item)} disabled={busy}>
                  Analyse the attached message
                  <span className="sr-only"> {item.subject ?? item.name}</span>
                </Button>
                <span className="min-w-0 [overflow-wrap:anywhere]">{item.subject ?? item.name}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
