"use client";

/**
 * What a share link will contain, shown before it is created (issue 11): the server redacts
 * exactly as it will when storing (POST /api/analyses/preview) and this lists what it hides,
 * with the stored header section behind a disclosure. Nothing is stored by the preview.
 */
import { useEffect, useState } from "react";

export interface PreviewBody {
  redact: boolean;
  analysis: { headers: { name: string; value: string }[] };
  masked: { names: string[]; hosts: string[]; ips: string[]; addresses: number; identityHeaders: string[]; signatures: number } | null;
}

type Preview = { kind: "loading" } | { kind: "ready"; body: PreviewBody } | { kind: "failed" };

function isPreview(v: unknown): v is PreviewBody {
  const o = v as Partial<PreviewBody> | null;
  return typeof o === "object" && o !== null && typeof o.redact === "boolean" && Array.isArray(o.analysis?.headers);
}

/** Header lines shown in the disclosure at most (a 1 MiB paste has thousands). */
const MAX_LINES = 300;

function List({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <li>
      {label}: <span className="font-mono break-all">{items.join(", ")}</span>
    </li>
  );
}

export function SharePreview({ headers, redact }: { headers: string; redact: boolean }) {
  const [preview, setPreview] = useState<{ key: string; p: Preview }>({ key: "", p: { kind: "loading" } });
  const key = `${redact}\u0000${headers}`;

  useEffect(() => {
    const ctl = new AbortController();
    fetch("/api/analyses/preview", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ headers, redact }),
      signal: ctl.signal,
    })
      .then(async (res) => {
        const body: unknown = await res.json().catch(() => null);
        setPreview({ key, p: res.ok && isPreview(body) ? { kind: "ready", body } : { kind: "failed" } });
      })
      .catch(() => {
        if (!ctl.signal.aborted) setPreview({ key, p: { kind: "failed" } });
      });
    return () => ctl.abort();
  }, [headers, redact, key]);

  const p: Preview = preview.key === key ? preview.p : { kind: "loading" };
  if (p.kind === "loading") return <p className="text-sm text-slate-700 dark:text-slate-300" role="status">Preparing a preview of the link…</p>;
  if (p.kind === "failed") return <p className="text-sm text-slate-700 dark:text-slate-300">The preview could not be prepared; the link will still be created as described above.</p>;
  const { body } = p;
  const lines = body.analysis.headers.map((h) => `${h.name}: ${h.value}`);
  return (
    <div aria-label="Preview of the link" role="region" className="space-y-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800">
      {body.redact && body.masked ? (
        <>
          <p className="font-medium">The link will not contain:</p>
          <ul className="list-disc space-y-1 pl-5">
            <List label="Names and login names" items={body.masked.names} />
            <List label="The sending computer's names" items={body.masked.hosts} />
            <List label="The sending computer's IP addresses" items={body.masked.ips} />
            <List label="Headers removed whole" items={body.masked.identityHeaders} />
            {body.masked.addresses > 0 ? <li>The part before &quot;@&quot; of {body.masked.addresses} email address{body.masked.addresses === 1 ? "" : "es"} (domains stay)</li> : null}
            {body.masked.signatures > 0 ? <li>The signature values of {body.masked.signatures} DKIM/ARC header{body.masked.signatures === 1 ? "" : "s"}</li> : null}
            <li>Recipients, Message-ID local parts and SMTP login names</li>
          </ul>
        </>
      ) : (
        <p className="font-medium">Nothing is masked: anyone with the link sees every header as you pasted it, including addresses and names.</p>
      )}
      <details>
        <summary className="cursor-pointer">Headers as the link will show them</summary>
        <pre className="mt-2 max-h-64 overflow-auto text-xs break-all whitespace-pre-wrap">
          {lines.slice(0, MAX_LINES).join("\n")}
          {lines.length > MAX_LINES ? `\n… ${lines.length - MAX_LINES} more` : ""}
        </pre>
      </details>
    </div>
  );
}
