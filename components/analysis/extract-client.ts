/**
 * The browser side of POST /api/extract: a message file the browser cannot read itself (an
 * Outlook .msg) or whose attached message is wanted goes to the server as the raw body; the answer
 * holds header sections only. Every failure becomes one plain sentence.
 */
import type { ExtractResult } from "@/lib/extract/types";

export type ExtractOutcome = { ok: true; result: ExtractResult } | { ok: false; message: string };

/** Outlook's .msg starts with the Compound File signature D0 CF 11 E0 A1 B1 1A E1 ([MS-CFB] 2.2). */
export async function isOutlookMsg(file: File): Promise<boolean> {
  if (/\.msg$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return head.length === 8 && magic.every((b, i) => head[i] === b);
}

/**
 * Whether the message text carries an attached message (RFC 2046 message/rfc822, or an .eml
 * file part), checked with plain substring searches on the lower-cased text.
 */
/** The header section declares a multipart body (RFC 2046 §5.1): only such a body can attach a message. */
export function isMultipart(headers: string): boolean {
  for (const line of headers.split(/\r?\n/)) {
    if (line.slice(0, 13).toLowerCase() === "content-type:" && line.slice(13).trimStart().toLowerCase().startsWith("multipart/")) return true;
  }
  return false;
}

export function hasAttachedMessage(text: string): boolean {
  const t = text.toLowerCase();
  return t.includes("message/rfc822") || t.includes(".eml\"") || t.includes("message/global");
}

function isResult(v: unknown): v is ExtractResult {
  const o = v as Partial<ExtractResult> | null;
  return typeof o === "object" && o !== null && (o.format === "msg" || o.format === "mime") && Array.isArray(o.attachments);
}

export async function requestExtract(file: File, type: "msg" | "mime"): Promise<ExtractOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/extract?name=${encodeURIComponent(file.name.slice(0, 200))}`, {
      method: "POST",
      headers: { "Content-Type": type === "msg" ? "application/vnd.ms-outlook" : "message/rfc822", Accept: "application/json" },
      body: file,
    });
  } catch {
    return { ok: false, message: "Could not reach the Hoptrace server to read the file. Check your connection and try again." };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && isResult(body)) return { ok: true, result: body };
  const detail = (body as { error?: { message?: unknown } } | null)?.error?.message;
  const said = typeof detail === "string" ? ` ${detail}` : "";
  switch (res.status) {
    case 413:
      return { ok: false, message: `“${file.name}” is too large to read (the limit is 25 MiB).` };
    case 415:
    case 400:
      return { ok: false, message: `“${file.name}” could not be read.${said}` };
    case 429:
      return { ok: false, message: "Too many requests from your network in a short time. Wait a minute, then try again." };
    default:
      return { ok: false, message: `Reading “${file.name}” failed (HTTP ${res.status}).${said}` };
  }
}
