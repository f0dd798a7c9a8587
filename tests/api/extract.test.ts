/**
 * POST /api/extract against a real `next start`: Outlook .msg and .eml files in, header sections
 * out; the statuses of the error paths (400, 413, 415, 405) with the contract's error shape.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";

const FIX = path.resolve(__dirname, "../fixtures");
const file = (rel: string) => readFileSync(path.join(FIX, rel));

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ ANALYZE_RATE_LIMIT: "100000" });
});
afterAll(async () => {
  await server?.stop();
});

async function post(body: Uint8Array | string, type: string | null, query = "") {
  const res = await fetch(`${server.url}/api/extract${query}`, {
    method: "POST",
    headers: type ? { "content-type": type } : {},
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return { res, json: text ? JSON.parse(text) : null };
}

describe("POST /api/extract", () => {
  it("answers an Outlook .msg's transport headers and its embedded item's", async () => {
    const { res, json } = await post(file("msg/report-embedded-item.msg"), "application/vnd.ms-outlook", "?name=report.msg");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(json.format).toBe("msg");
    expect(json.message.name).toBe("report.msg");
    expect(json.message.headers).toMatch(/^Received: from BY2NAM01HT049/);
    expect(json.attachments).toHaveLength(1);
    expect(json.attachments[0].subject).toBe("Your DigiD account");
  });

  it("tells a .msg by its signature even when sent as application/octet-stream", async () => {
    const { res, json } = await post(file("msg/report-eml-file.msg"), "application/octet-stream");
    expect(res.status).toBe(200);
    expect(json.format).toBe("msg");
    expect(json.attachments[0].name).toBe("original.eml");
  });

  it("answers an .eml's own headers and its message/rfc822 attachment, without any body", async () => {
    const { res, json } = await post(file("eml/report-attached-rfc822.eml"), "message/rfc822");
    expect(res.status).toBe(200);
    expect(json.format).toBe("mime");
    expect(json.attachments).toHaveLength(1);
    expect(JSON.stringify(json)).not.toContain("Dear customer");
    expect(JSON.stringify(json)).not.toContain("Please check the attached message");
  });

  it.each([
    ["a draft .msg without headers", file("msg/draft-no-headers.msg"), "application/vnd.ms-outlook", "no-headers"],
    ["a broken .msg", Buffer.concat([file("msg/report-embedded-item.msg").subarray(0, 600), Buffer.alloc(600)]), "application/vnd.ms-outlook", null],
    ["an empty body", Buffer.alloc(0), "application/octet-stream", "no-headers"],
  ])("answers 400 for %s", async (_, body, type, code) => {
    const { res, json } = await post(body, type);
    expect(res.status).toBe(400);
    expect(typeof json.error.message).toBe("string");
    if (code) expect(json.error.code).toBe(code);
    else expect(["unreadable", "no-headers"]).toContain(json.error.code);
  });

  it("answers 415 for other media types", async () => {
    const { res, json } = await post("<html></html>", "text/html");
    expect(res.status).toBe(415);
    expect(json.error.code).toBe("unsupported-media-type");
  });

  it("answers 413 past 25 MiB", async () => {
    const { res, json } = await post(Buffer.alloc(25 * 1024 * 1024 + 1, 0x41), "application/octet-stream");
    expect(res.status).toBe(413);
    expect(json.error.code).toBe("too-large");
  });

  it("answers 405 for GET", async () => {
    const res = await fetch(`${server.url}/api/extract`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});
