/**
 * Outlook .msg files ([MS-OXMSG]: a Compound File Binary of MAPI properties), read with
 * @kenjiuno/msgreader. The transport headers are PidTagTransportMessageHeaders (0x007D), which
 * Outlook keeps for received mail; a draft or a message composed locally has none. Attachments
 * that are messages come two ways: an embedded Outlook item (attach method 5, what Outlook's
 * "Forward as attachment" makes; its own 0x007D inside), or an attached .eml file.
 */
import MsgReader, { type FieldsData } from "@kenjiuno/msgreader";
import { headerSection } from "@/lib/format/header-section";
import { attachedMessages, subjectOf } from "./mime";
import { ExtractError, MAX_ATTACHED_MESSAGES, MAX_NESTING, type ExtractedMessage } from "./types";

/** The Compound File signature ([MS-CFB] 2.2): every .msg starts with it. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

function clean(headers: string | undefined): string | null {
  let h = headers ?? "";
  let end = h.length;
  while (end > 0 && h.charCodeAt(end - 1) === 0) end--; // UTF-16 strings may keep their terminator
  h = h.slice(0, end).trim();
  return h.includes(":") ? h : null;
}

function looksLikeEml(a: FieldsData): boolean {
  const mime = (a.attachMimeTag ?? "").toLowerCase();
  return mime === "message/rfc822" || /\.eml$/i.test(a.fileName ?? a.fileNameShort ?? "");
}

async function fromAttachments(reader: MsgReader | null, fields: FieldsData, depth: number, out: ExtractedMessage[]): Promise<void> {
  if (depth > MAX_NESTING) return;
  for (const a of fields.attachments ?? []) {
    if (out.length >= MAX_ATTACHED_MESSAGES) return;
    if (a.innerMsgContent && a.innerMsgContentFields) {
      const inner = a.innerMsgContentFields;
      const headers = clean(inner.headers);
      if (headers) out.push({ name: a.name ?? inner.subject ?? "attached Outlook item", subject: inner.subject ?? subjectOf(headers), headers });
      // Attachments of an embedded item are listed in its fields but their bytes need the outer reader.
      await fromAttachments(null, inner, depth + 1, out);
    } else if (reader && looksLikeEml(a)) {
      const content = reader.getAttachment(a).content;
      const section = clean(headerSection(Buffer.from(content).toString("utf8")));
      if (section) out.push({ name: a.fileName ?? "attached message", subject: subjectOf(section), headers: section });
      for (const nested of await attachedMessages(content, depth + 1, [])) {
        if (out.length >= MAX_ATTACHED_MESSAGES) return;
        out.push(nested);
      }
    }
  }
}

/** The .msg's own transport headers (or null) and its attached messages. */
export async function readOutlookMsg(bytes: Uint8Array, fileName: string): Promise<{ message: ExtractedMessage | null; attachments: ExtractedMessage[] }> {
  let reader: MsgReader;
  let fields: FieldsData;
  try {
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    reader = new MsgReader(buf);
    fields = reader.getFileData();
  } catch {
    throw new ExtractError("unreadable", "This file could not be read as an Outlook .msg message.");
  }
  if (fields.error) throw new ExtractError("unreadable", "This file could not be read as an Outlook .msg message.");
  const headers = clean(fields.headers);
  const message = headers ? { name: fileName, subject: fields.subject ?? subjectOf(headers), headers } : null;
  const attachments: ExtractedMessage[] = [];
  await fromAttachments(reader, fields, 1, attachments);
  return { message, attachments };
}
