/**
 * Header sections from an uploaded message file, for POST /api/extract: an Outlook .msg (told by
 * its Compound File signature, not its name) or a MIME message with attached messages. Nothing is
 * stored and nothing of the content is logged.
 */
import { headerSection } from "@/lib/format/header-section";
import { attachedMessages, subjectOf } from "./mime";
import { isCompoundFile, readOutlookMsg } from "./msg";
import { ExtractError, MAX_EXTRACT_BYTES, type ExtractResult } from "./types";

export * from "./types";
export { isCompoundFile } from "./msg";

export async function extractMessage(bytes: Uint8Array, fileName = "message"): Promise<ExtractResult> {
  if (bytes.byteLength > MAX_EXTRACT_BYTES) {
    throw new ExtractError("too-large", `The file is larger than ${MAX_EXTRACT_BYTES / 1024 / 1024} MiB.`);
  }
  if (bytes.byteLength === 0) throw new ExtractError("no-headers", "The file is empty.");
  let result: ExtractResult;
  if (isCompoundFile(bytes)) {
    result = { format: "msg", ...(await readOutlookMsg(bytes, fileName)) };
  } else {
    const text = Buffer.from(bytes).toString("utf8");
    const own = headerSection(text).trim();
    let attachments: ExtractResult["attachments"] = [];
    try {
      attachments = await attachedMessages(bytes);
    } catch {
      // mailparser gave up on a malformed body: the message's own headers are still worth having.
      attachments = [];
    }
    result = { format: "mime", message: own.includes(":") ? { name: fileName, subject: subjectOf(own), headers: own } : null, attachments };
  }
  if (!result.message && result.attachments.length === 0) {
    throw new ExtractError(
      "no-headers",
      result.format === "msg"
        ? "This .msg file holds no transport headers (a draft, or a message saved before it was sent) and no attached message."
        : "No email headers were found in this file.",
    );
  }
  return result;
}
