"use client";

/**
 * The home page's interactive leaf: paste or drop headers, analyse, show the result.
 * Only the header section (up to the first empty line) is ever sent; the body stays here.
 */
import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import type { Analysis } from "@/lib/analysis/types";
import { Button, FOCUS_RING } from "@/components/ui/button";
import { headerSection, MAX_FILE_BYTES } from "@/lib/format/header-section";
import { SECTION_SCAN_CHARS } from "@/lib/analysis/limits";
import { requestAnalysis } from "./analyze-client";
import { EXAMPLE_META, type ExampleMeta } from "./examples-meta";
import { AlertIcon, FileIcon } from "@/components/ui/icons";
import type { ExtractedMessage } from "@/lib/extract/types";
import { hasAttachedMessage, isMultipart, isOutlookMsg, requestExtract } from "./extract-client";
import { AttachedMessages } from "./attached-messages";
import { HeaderHelp } from "./header-help";

// The result (and recharts inside it) is fetched only once there is something to show.
const AnalysisView = dynamic(() => import("./analysis-view").then((m) => m.AnalysisView), {
  loading: () => <p className="text-sm">Preparing the result…</p>,
});
const SharePanel = dynamic(() => import("@/components/share/share-panel").then((m) => m.SharePanel));

type State =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "done"; analysis: Analysis; sent: string; trimmedBody: boolean };

const ACCEPT = ".eml,.msg,.txt,message/rfc822,application/vnd.ms-outlook,text/plain";

function isReadable(file: File): boolean {
  return (
    /\.(?:eml|msg|txt)$/i.test(file.name) ||
    file.type === "message/rfc822" ||
    file.type === "application/vnd.ms-outlook" ||
    file.type.startsWith("text/")
  );
}

/** Attached messages of the last file: offered, being read on the server, listed, or failed. */
type Attached =
  | { kind: "offer"; file: File }
  | { kind: "reading"; file: File }
  | { kind: "list"; file: File; items: ExtractedMessage[] }
  | { kind: "error"; file: File; message: string };

export function Analyzer() {
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const [lastResult, setLastResult] = useState<Extract<State, { kind: "done" }> | null>(null);
  const [dragging, setDragging] = useState(false);
  const [fileNote, setFileNote] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const pending = useRef<AbortController | null>(null);
  const [checkMx, setCheckMx] = useState(false);
  const [attached, setAttached] = useState<Attached | null>(null);
  const textareaId = useId();
  const helpId = useId();
  const errorId = useId();

  const loading = state.kind === "loading";
  const canSubmit = text.trim().length > 0 && !loading;

  async function analyze(raw: string) {
    const sent = headerSection(raw);
    if (!sent.trim()) return;
    pending.current?.abort();
    const ctrl = new AbortController();
    pending.current = ctrl;
    setState({ kind: "loading" });
    try {
      const outcome = await requestAnalysis(sent, ctrl.signal, checkMx);
      if (ctrl.signal.aborted) return;
      if (outcome.ok) {
        const done = { kind: "done" as const, analysis: outcome.analysis, sent, trimmedBody: sent.length < raw.trim().length };
        setState(done);
        setLastResult(done);
      } else {
        setState({ kind: "error", message: outcome.message });
      }
    } catch {
      /* aborted by a newer request */
    }
  }

  // Text pasted before the page hydrated is in the box but not in React's state (the server
  // rendered it empty): read the box's real contents once on hydration, so Analyze and
  // Ctrl+Enter work at once (issue 14).
  useEffect(() => {
    const v = box.current?.value ?? "";
    if (v) setText(v);
    setHydrated(true);
  }, []);

  // Move focus to the fresh result so keyboard and screen-reader users land on it.
  const resultKey = state.kind === "done" ? state.analysis : null;
  useEffect(() => {
    if (resultKey) resultRef.current?.focus();
  }, [resultKey]);

  /** The box as it is now (never behind React's state). */
  const current = () => box.current?.value ?? text;

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      const v = current();
      if (v !== text) setText(v);
      if (v.trim() && !loading) void analyze(v);
    }
  }

  async function loadFile(file: File | undefined) {
    if (!file) return;
    setAttached(null);
    if (!isReadable(file)) {
      setState({ kind: "error", message: `“${file.name}” is not an .eml, .msg or .txt file. Save the message as .eml, or paste its headers.` });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setState({ kind: "error", message: `“${file.name}” is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB. Paste only its headers.` });
      return;
    }
    if (await isOutlookMsg(file)) return loadOutlookMsg(file);
    // Only the start of the file is read for the headers: a header section within the API's limit ends there.
    const headers = headerSection(await file.slice(0, SECTION_SCAN_CHARS).text());
    setText(headers);
    setFileNote(`Read the headers of “${file.name}” in your browser; the message body was not loaded into the form.`);
    // A report with the original attached (message/rfc822): offer to read the attachment.
    // Only a multipart message can carry one; its body is read here, in the browser, and sent only if asked.
    if (isMultipart(headers) && hasAttachedMessage((await file.text()).slice(headers.length))) setAttached({ kind: "offer", file });
    await analyze(headers);
  }

  /** Outlook .msg: a binary format the server reads (lib/extract/msg.ts); only headers come back. */
  async function loadOutlookMsg(file: File) {
    setState({ kind: "loading" });
    const outcome = await requestExtract(file, "msg");
    if (!outcome.ok) return setState({ kind: "error", message: outcome.message });
    const { message, attachments } = outcome.result;
    if (attachments.length > 0) setAttached({ kind: "list", file, items: attachments });
    if (!message) {
      setState({ kind: "idle" });
      setFileNote(`“${file.name}” holds no transport headers of its own (it was never received), but it has an attached message.`);
      return;
    }
    setText(message.headers);
    setFileNote(`Read the transport headers of the Outlook file “${file.name}” on the server; nothing of it was stored.`);
    await analyze(message.headers);
  }

  /** The attached message(s) of the last file, read on the server on request. */
  async function readAttached(file: File) {
    setAttached({ kind: "reading", file });
    const outcome = await requestExtract(file, (await isOutlookMsg(file)) ? "msg" : "mime");
    if (!outcome.ok) return setAttached({ kind: "error", file, message: outcome.message });
    const items = outcome.result.attachments;
    if (items.length === 0) return setAttached({ kind: "error", file, message: `No attached message with headers was found in “${file.name}”.` });
    setAttached({ kind: "list", file, items });
    if (items.length === 1) await analyzeAttached(items[0]);
  }

  async function analyzeAttached(item: ExtractedMessage) {
    setText(item.headers);
    setFileNote(`Showing the attached message “${item.subject ?? item.name}”.`);
    await analyze(item.headers);
  }

  async function tryExample(id: ExampleMeta["id"]) {
    const { EXAMPLES } = await import("./examples");
    const headers = EXAMPLES.find((e) => e.id === id)?.headers ?? "";
    setText(headers);
    setFileNote("");
    setAttached(null);
    await analyze(headers);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void loadFile(e.dataTransfer.files[0]);
  }

  const shown = state.kind === "done" ? state : lastResult;

  return (
    <div className="space-y-8">
      <form
        aria-label="Analyze email headers"
        className="space-y-3"
        data-hydrated={hydrated ? "true" : undefined}
        onSubmit={(e) => {
          e.preventDefault();
          const v = current();
          if (v.trim() && !loading) void analyze(v);
        }}
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <label htmlFor={textareaId} className="text-base font-semibold">
            Raw email headers
          </label>
          <span id={helpId} className="text-sm text-slate-700 dark:text-slate-300">
            Paste them, or drop an .eml, .msg or .txt file. <kbd className="font-mono">Ctrl</kbd>+<kbd className="font-mono">Enter</kbd> (
            <kbd className="font-mono">⌘</kbd>+<kbd className="font-mono">Enter</kbd>) analyzes.
          </span>
        </div>
        <div
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`rounded-lg border-2 border-dashed p-1 ${
            dragging ? "border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950" : "border-slate-300 dark:border-slate-600"
          }`}
        >
          <textarea
            ref={box}
            id={textareaId}
            name="headers"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={`${helpId}${state.kind === "error" ? ` ${errorId}` : ""}`}
            aria-invalid={state.kind === "error" ? true : undefined}
            rows={12}
            spellCheck={false}
            autoComplete="off"
            placeholder={"Received: from mail.example.org (mail.example.org [192.0.2.10])\n\tby mx.example.net with ESMTPS id …"}
            className={`block min-h-56 w-full resize-y rounded-md bg-white p-3 font-mono text-sm text-slate-900 placeholder:text-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 ${FOCUS_RING}`}
          />
          <p aria-hidden="true" className="px-2 py-1 text-center text-xs text-slate-600 dark:text-slate-400">
            {dragging ? "Drop the file to read its headers" : "Drop an .eml, Outlook .msg or .txt file here"}
          </p>
        </div>

        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" variant="primary" disabled={!canSubmit} className="px-5 py-2 text-base">
            {loading ? "Analyzing…" : "Analyze"}
          </Button>
          <Button onClick={() => fileInput.current?.click()}>
            <FileIcon /> Open .eml, .msg or .txt file
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            aria-label="Choose an .eml, .msg or .txt file"
            className="hidden"
            onChange={(e) => {
              void loadFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          {text ? (
            <Button
              variant="ghost"
              onClick={() => {
                setText("");
                setFileNote("");
                setState({ kind: "idle" });
                setLastResult(null);
                setAttached(null);
              }}
            >
              Clear
            </Button>
          ) : null}
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <input type="checkbox" checked={checkMx} onChange={(e) => setCheckMx(e.target.checked)} className={FOCUS_RING} />
          Check the recipient domain&apos;s MX records (a DNS look-up from the server) to confirm backup-MX hops
        </label>
        {fileNote ? <p className="text-sm text-slate-700 dark:text-slate-300">{fileNote}</p> : null}
        {attached ? (
          <AttachedMessages
            state={attached}
            busy={loading}
            onRead={() => void readAttached(attached.file)}
            onAnalyze={(item) => void analyzeAttached(item)}
          />
        ) : null}

        {state.kind === "error" ? (
          <div
            id={errorId}
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
          >
            <AlertIcon /> 
            {state.message}
          </div>
        ) : null}

        <p className="text-xs text-slate-700 dark:text-slate-300">
          Only the header section (up to the first empty line) is sent, to this server, for analysis; it never goes into the
          page address. Outlook .msg files, and files whose attached message you ask for, are read on the server and dropped:
          only their headers come back, nothing is stored.
        </p>
        <HeaderHelp />
      </form>

      <section aria-labelledby="examples-title" className="space-y-2">
        <h2 id="examples-title" className="text-base font-semibold">
          Try an example
        </h2>
        <ul className="grid gap-2 sm:grid-cols-3">
          {EXAMPLE_META.map((ex) => (
            <li key={ex.id}>
              <button
                type="button"
                disabled={loading}
                onClick={() => void tryExample(ex.id)}
                className={`h-full w-full rounded-lg border border-slate-300 bg-white p-3 text-left hover:border-blue-600 hover:bg-blue-50 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:hover:border-blue-400 dark:hover:bg-slate-800 ${FOCUS_RING}`}
              >
                <span className="block font-medium text-blue-800 dark:text-blue-300">{ex.label}</span>
                <span className="block text-xs text-slate-700 dark:text-slate-300">{ex.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <div ref={resultRef} tabIndex={-1} aria-label="Analysis result" aria-busy={loading} role="region" className="min-w-0 outline-none">
        {shown ? (
          <div className="space-y-8">
            {shown.trimmedBody ? (
              <p className="text-sm text-slate-700 dark:text-slate-300">
                Only the header section was sent; the message body stayed in your browser.
              </p>
            ) : null}
            <AnalysisView analysis={shown.analysis} share={<SharePanel headers={shown.sent} />} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
