/**
 * Messages attached to a MIME message (RFC 2046 §5.2.1 message/rfc822: how "forward as
 * attachment" and most phishing-report buttons send the original), read with mailparser. Also
 * .eml files attached as application/octet-stream, which some clients send.
 */
import { simpleParser, type Attachment } from "mailparser";
import { headerSection } from "@/lib/format/header-section";
import { MAX_ATTACHED_MESSAGES, MAX_NESTING, type ExtractedMessage } from "./types";

const PARSE_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true } as const;

function isMessage(a: Attachment): boolean {
  const type = (a.contentType ?? "").toLowerCase();
  if (type === "message/rfc822" || type === "message/global") return true;
  return /\.eml$/i.test(a.filename ?? "");
}

/** The Subject line of a header section, for naming an attachment without parsing it again. */
export function subjectOf(headers: string): string | null {
  for (const line of headers.split(/\r?\n/)) {
    if (line.length > 8 && line.slice(0, 8).toLowerCase() === "subject:") return line.slice(8).trim() || null;
  }
  return null;
}

/** Header section of a message/rfc822 body, or null when it holds no header lines. */
function headersOf(content: Buffer): string | null {
  const text = content.toString("utf8");
  const headers = headerSection(text).trim();
  return headers.includes(":") ? headers : null;
}

/** Attached messages of `raw`, depth-first in file order, nested ones after their parent. */
export async function attachedMessages(raw: Uint8Array | string, depth = 1, out: ExtractedMessage[] = []): Promise<ExtractedMessage[]> {
  if (depth > MAX_NESTING || out.length >= MAX_ATTACHED_MESSAGES) return out;
  const parsed = await simpleParser(typeof raw === "string" ? raw : Buffer.from(raw), PARSE_OPTIONS);
  for (const a of parsed.attachments ?? []) {
    if (out.length >= MAX_ATTACHED_MESSAGES) break;
    if (!isMessage(a)) continue;
    const headers = headersOf(a.content);
    if (!headers) continue;
    out.push({ name: a.filename ?? "attached message", subject: subjectOf(headers), headers });
    await attachedMessages(a.content, depth + 1, out);
  }
  return out;
}
