/**
 * Hostile header values render as text on the page: pasted `<script>` and `<img onerror>` values
 * show up verbatim, no dialog opens, no injected code runs, no injected element appears, and the
 * Content-Security-Policy blocks nothing the page itself needs (no console errors).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startServer, type RunningServer } from "../helpers/server";
import { launchBrowser, openPage, pasteHeaders, waitForResult } from "../helpers/browser";

const SCRIPT = "<script>window.__xss=1;alert(1)</script>";
const IMG = '<img src=x onerror="window.__xss=2;alert(2)">';
const SVG = "<svg onload=alert(3)>";
const HEADERS = [
  `Received: from ${IMG} (unknown [192.0.2.1]) by mx.example.net (${SCRIPT}) with ESMTP id ${SVG}; Mon, 1 Jan 2024 10:00:00 +0000`,
  `Received: from client.example (client.example [192.0.2.9]) by ${SCRIPT} with ESMTPSA id x; Mon, 1 Jan 2024 09:59:58 +0000`,
  `Subject: ${SCRIPT}`,
  `From: "${IMG}" <a@example.org>`,
  `To: ${SVG}`,
  `X-Note: <a href="javascript:alert(4)">click</a>`,
  `Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=${IMG}`,
].join("\n");

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ ANALYZE_RATE_LIMIT: "10000" }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("hostile header values on the page", () => {
  it("render as text: no dialog, no script execution, the text is visible", async () => {
    const opened = await openPage(browser, `${server.url}/`);
    const { page } = opened;
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await pasteHeaders(page, HEADERS);
      await page.getByRole("button", { name: "Analyze", exact: true }).click();
      await waitForResult(page);
      await page.waitForTimeout(500); // give any injected handler the chance to fire

      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator("svg[onload]").count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      const text = await page.locator("body").innerText();
      expect(text).toContain(SCRIPT);
      expect(text).toContain(IMG);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
