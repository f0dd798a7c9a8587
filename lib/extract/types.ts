/**
 * What POST /api/extract answers: the header sections found in an uploaded message file (an
 * Outlook .msg, or a MIME message whose attachments are messages). Only header sections leave
 * the server; bodies and attachment contents are read in memory and dropped.
 */
export interface ExtractedMessage {
  /** Where the headers came from: the file itself, or one of its attachments. */
  name: string;
  /** Subject as the file records it, or null. */
  subject: string | null;
  /** The header section, as text to analyse (CRLF or LF as found). */
  headers: string;
}

export interface ExtractResult {
  /** "msg": an Outlook .msg (Compound File); "mime": an RFC 5322 message (.eml). */
  format: "msg" | "mime";
  /** The file's own transport headers; null when it has none (an unsent draft .msg). */
  message: ExtractedMessage | null;
  /** Messages attached to it (forwarded "as attachment", phishing reports), in file order. */
  attachments: ExtractedMessage[];
}

export type ExtractErrorCode = "unreadable" | "no-headers" | "too-large";

/** The one error of lib/extract, mapped to 400/413 by the route. */
export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ExtractError";
  }
}

/** Largest upload read (the browser refuses larger files first: lib/format/header-section.ts). */
export const MAX_EXTRACT_BYTES = 25 * 1024 * 1024;
/** Attached messages returned at most; a report rarely holds more than a few. */
export const MAX_ATTACHED_MESSAGES = 20;
/** How deep attached messages inside attached messages are followed. */
export const MAX_NESTING = 3;
