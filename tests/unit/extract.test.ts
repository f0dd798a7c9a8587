/**
 * Header sections from uploaded message files (lib/extract): Outlook .msg and MIME messages with
 * attached messages. The .msg files are built by scripts/make-msg-fixtures.ts around real header
 * sets (see its comment); the .eml report is built the same way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractMessage, ExtractError, isCompoundFile, MAX_ATTACHED_MESSAGES } from "@/lib/extract";
import { attachedMessages } from "@/lib/extract/mime";
import { analyze } from "@/lib/analysis";

const FIX = path.resolve(__dirname, "../fixtures");
const bytes = (rel: string) => new Uint8Array(readFileSync(path.join(FIX, rel)));
const text = (rel: string) => readFileSync(path.join(FIX, rel), "utf8");
const reportHeaders = text("headers/mha__ews_gmail_to_eop.txt").split(/\r?\n\r?\n/)[0].trim();

async function failure(p: Promise<unknown>): Promise<ExtractError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
  throw new Error("expected an ExtractError");
}

describe("Outlook .msg files", () => {
  it("are told by their Compound File signature, not by their name", () => {
    expect(isCompoundFile(bytes("msg/report-embedded-item.msg"))).toBe(true);
    expect(isCompoundFile(bytes("eml/report-attached-rfc822.eml"))).toBe(false);
    expect(isCompoundFile(new Uint8Array([0xd0, 0xcf]))).toBe(false);
  });

  it("give their transport headers (PidTagTransportMessageHeaders), which analyse as the real chain", async () => {
    const r = await extractMessage(bytes("msg/report-embedded-item.msg"), "report.msg");
    expect(r.format).toBe("msg");
    expect(r.message?.subject).toBe("FW: suspicious message");
    expect(r.message?.headers).toBe(reportHeaders);
    expect(analyze(r.message!.headers).hops.length).toBe(analyze(reportHeaders).hops.length);
  });

  it("an embedded Outlook item (Forward as attachment) is offered with its own transport headers", async () => {
    const r = await extractMessage(bytes("msg/report-embedded-item.msg"), "report.msg");
    expect(r.attachments).toHaveLength(1);
    expect(r.attachments[0].subject).toBe("Your DigiD account");
    expect(r.attachments[0].headers).toContain("DB8EUR06FT023.mail.protection.outlook.com");
    expect(analyze(r.attachments[0].headers).hops.length).toBeGreaterThan(2);
  });

  it("an attached .eml file is offered with its header section only (its body is dropped)", async () => {
    const r = await extractMessage(bytes("msg/report-eml-file.msg"), "report.msg");
    expect(r.attachments.map((a) => a.name)).toEqual(["original.eml"]);
    expect(r.attachments[0].headers).toContain("localhost.localdomain (151.115.107.88)");
    expect(r.attachments[0].headers).not.toContain("Dear customer");
  });

  it("a draft without transport headers or attachments is refused in plain words", async () => {
    const e = await failure(extractMessage(bytes("msg/draft-no-headers.msg"), "draft.msg"));
    expect(e.code).toBe("no-headers");
    expect(e.message).toMatch(/no transport headers/);
  });

  it("a truncated or corrupt .msg is unreadable, not a crash", async () => {
    const whole = bytes("msg/report-embedded-item.msg");
    for (const cut of [8, 512, 1024, 4096]) {
      const e = await failure(extractMessage(whole.slice(0, cut), "cut.msg")).catch((x: unknown) => x);
      // Either unreadable, or what survived has no headers: never another error.
      expect(e).toBeInstanceOf(ExtractError);
    }
  });
});

describe("MIME messages with attached messages", () => {
  it("a report with the original as message/rfc822 gives both header sections", async () => {
    const r = await extractMessage(bytes("eml/report-attached-rfc822.eml"), "report.eml");
    expect(r.format).toBe("mime");
    expect(r.message?.headers.startsWith("Received: from BY2NAM01HT049")).toBe(true);
    expect(r.message?.headers).not.toContain("Please check the attached message");
    expect(r.attachments).toHaveLength(1);
    expect(r.attachments[0].name).toBe("Your DigiD account.eml");
    expect(r.attachments[0].headers).toContain("localhost.localdomain (151.115.107.88)");
    expect(r.attachments[0].headers).not.toContain("Dear customer");
  });

  it("a message without attachments gives its own headers and no attachment", async () => {
    const r = await extractMessage(new Uint8Array(Buffer.from(`${reportHeaders}\r\n\r\nHello\r\n`)), "plain.eml");
    expect(r.message?.headers).toBe(reportHeaders);
    expect(r.attachments).toEqual([]);
  });

  it("stops after MAX_ATTACHED_MESSAGES attached messages", async () => {
    const part = (i: number) => `--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: m${i}\r\nFrom: a@b.example\r\n\r\nx\r\n`;
    const raw = `Subject: many\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${Array.from({ length: 30 }, (_, i) => part(i)).join("")}--b--\r\n`;
    expect((await attachedMessages(raw)).length).toBe(MAX_ATTACHED_MESSAGES);
  });

  it("empty files and text without headers are refused", async () => {
    expect((await failure(extractMessage(new Uint8Array(0)))).code).toBe("no-headers");
    expect((await failure(extractMessage(new Uint8Array(Buffer.from("just some words"))))).code).toBe("no-headers");
  });
});
