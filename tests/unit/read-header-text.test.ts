/**
 * readHeaderText (lib/http/read-body.ts): a raw message body is streamed; the start (enough for
 * a header section of the limit) is kept, the rest counted and dropped, 413 past 50 MiB.
 */
import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES, SECTION_SCAN_CHARS } from "@/lib/analysis/limits";
import { HttpError } from "@/lib/http/errors";
import { readHeaderText } from "@/lib/http/read-body";

const MiB = 1024 * 1024;

function request(totalBytes: number, head = "Subject: hi\r\n\r\n", contentLength?: number): Request {
  const enc = new TextEncoder();
  const chunk = enc.encode("b".repeat(256 * 1024));
  let left = totalBytes - head.length;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (!started) {
        started = true;
        return c.enqueue(enc.encode(head));
      }
      if (left <= 0) return c.close();
      const part = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
      left -= part.byteLength;
      c.enqueue(part);
    },
  });
  const headers: Record<string, string> = { "content-type": "message/rfc822" };
  if (contentLength !== undefined) headers["content-length"] = String(contentLength);
  return new Request("http://localhost/api/analyze", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readHeaderText", () => {
  it("keeps only the start of a 20 MiB message and reads the rest to the end", async () => {
    const text = await readHeaderText(request(20 * MiB));
    expect(text.startsWith("Subject: hi\r\n\r\nbbb")).toBe(true);
    expect(text.length).toBe(SECTION_SCAN_CHARS);
  });

  it("returns a small message whole", async () => {
    expect(await readHeaderText(request(100))).toBe("Subject: hi\r\n\r\n" + "b".repeat(100 - 15));
  });

  it("refuses a streamed message over 50 MiB with 413 too-large", async () => {
    const err = await readHeaderText(request(MAX_MESSAGE_BYTES + 1)).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 413, code: "too-large", message: expect.stringContaining("50 MiB") });
  });

  it("refuses a declared Content-Length over 50 MiB before reading", async () => {
    const err = await readHeaderText(request(10, "Subject: hi\r\n\r\n", 60 * MiB)).catch((e) => e);
    expect(err).toMatchObject({ status: 413, code: "too-large" });
  });
});
