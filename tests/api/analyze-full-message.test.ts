/**
 * POST /api/analyze with a full message (issue 10): the 1 MiB limit is on the header section,
 * not on the request. A raw body (text/plain, message/rfc822) is streamed: the header section is
 * kept, the body is read and dropped up to 50 MiB in all; JSON is read whole up to 25 MiB and
 * the engine reads only the section of its "headers" string.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { lookupIpInfo } from "@/lib/ipinfo/load";
import { startServer, type RunningServer } from "../helpers/server";

const MiB = 1024 * 1024;
const FIXTURE = readFileSync(path.resolve(__dirname, "../fixtures/headers/phishing_pot__sample-65.txt"), "utf8").trimEnd();
/** A base64 attachment line, as a real message body has thousands of. */
const BODY_LINE = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ ANALYZE_RATE_LIMIT: "100000" });
});
afterAll(async () => {
  await server?.stop();
});

async function post(body: BodyInit, type: string) {
  const res = await fetch(`${server.url}/api/analyze`, { method: "POST", headers: { "content-type": type }, body, duplex: "half" } as RequestInit);
  const text = await res.text();
  return { res, json: JSON.parse(text) };
}

/** A stream of the fixture's headers, an empty line, then `bodyBytes` of body in 64 KiB chunks. */
function messageStream(bodyBytes: number, headers = FIXTURE): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const chunk = enc.encode(BODY_LINE.repeat(Math.floor((64 * 1024) / BODY_LINE.length)));
  let left = bodyBytes;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (!started) {
        started = true;
        return c.enqueue(enc.encode(headers + "\r\n\r\n"));
      }
      if (left <= 0) return c.close();
      const part = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
      left -= part.byteLength;
      c.enqueue(part);
    },
  });
}

describe("a full message over 1 MiB", () => {
  // The API adds each hop's network owner (lib/ipinfo); the engine alone does not.
  const expected = JSON.parse(JSON.stringify(analyze(FIXTURE, { ipInfo: lookupIpInfo })));

  it.each(["text/plain", "message/rfc822"])("is analysed from its header section when streamed as %s (5 MiB body)", async (type) => {
    const { res, json } = await post(messageStream(5 * MiB), type);
    expect(res.status).toBe(200);
    expect(json).toEqual(expected);
  });

  it("is analysed from its header section when sent as JSON (3 MiB body)", async () => {
    const body = FIXTURE + "\r\n\r\n" + BODY_LINE.repeat(Math.ceil((3 * MiB) / BODY_LINE.length));
    const { res, json } = await post(JSON.stringify({ headers: body }), "application/json");
    expect(res.status).toBe(200);
    expect(json).toEqual(expected);
  });

  it("is analysed when its body is 45 MiB (read and dropped, under the 50 MiB bound)", async () => {
    const { res, json } = await post(messageStream(45 * MiB), "message/rfc822");
    expect(res.status).toBe(200);
    expect(json.hops).toHaveLength(expected.hops.length);
  });

  it("is refused with 413 when the whole request is over 50 MiB", async () => {
    const { res, json } = await post(messageStream(51 * MiB), "message/rfc822");
    expect(res.status).toBe(413);
    expect(json).toEqual({ error: { code: "too-large", message: expect.stringContaining("50 MiB") } });
  });
});

describe("a header section over 1 MiB", () => {
  it.each(["text/plain", "application/json"])("is refused with 413 naming the header section (%s), though a body follows", async (type) => {
    const headers = `${FIXTURE}\r\nX-Filler: ${"a".repeat(MiB)}`;
    const raw = headers + "\r\n\r\nbody\r\n";
    const { res, json } = await post(type === "application/json" ? JSON.stringify({ headers: raw }) : raw, type);
    expect(res.status).toBe(413);
    expect(json).toEqual({ error: { code: "too-large", message: expect.stringMatching(/header section is larger than 1024 KiB/) } });
  });
});
