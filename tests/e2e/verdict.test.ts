/**
 * The verdict line and the spam-filter section (issue 12) in the browser: a real Microsoft 365
 * spam message (phishing_pot sample-113: SCL 9, compauth=fail reason=001) through the real
 * engine, and a result stored before issue 12 (no verdict, no antispam) that must still render.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pasteHeaders, waitForResult, homePageSession } from "../helpers/browser";
import { CRAFTED } from "./fixtures/crafted-analysis";

const { withPage } = homePageSession();
const SAMPLE_113 = readFileSync(path.resolve(__dirname, "../fixtures/headers/phishing_pot__sample-113.txt"), "utf8");

async function analyzeText(page: Page, text: string) {
  await pasteHeaders(page, text);
  await page.getByRole("button", { name: "Analyze", exact: true }).click();
  await waitForResult(page);
}

describe("verdict line and spam filters", () => {
  it("says first that Microsoft 365 marked the message as spam, with SCL and compauth", async () => {
    await withPage(async ({ page }) => {
      await analyzeText(page, SAMPLE_113);
      const line = page.getByTestId("verdict-line");
      expect(await line.getAttribute("data-tone")).toBe("bad");
      expect(await line.innerText()).toContain("Marked as spam by Microsoft 365 (SCL 9, compauth fail: implicit authentication failed, reason 001)");
      // It comes before the route.
      const order = await page.evaluate(() => {
        const v = document.querySelector("[data-testid=verdict-line]");
        const route = document.getElementById("route-title");
        return v && route ? v.compareDocumentPosition(route) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      expect(order).toBeGreaterThan(0);
    });
  });

  it("lists each spam-filter field with its meaning, and unknown ones as not documented", async () => {
    await withPage(async ({ page }) => {
      await analyzeText(page, SAMPLE_113);
      const section = page.getByRole("region", { name: "Spam filters" });
      const ms = section.getByRole("article", { name: "Microsoft 365 spam filter" });
      const text = await ms.innerText();
      expect(text).toContain("spam");
      expect(text).toContain("recipient's filter");
      const row = ms.getByRole("row", { name: /X-MS-Exchange-Organization-SCL/ });
      expect(await row.innerText()).toMatch(/9\s+Spam filtering marked the message as high confidence spam\./);
      const reason = ms.getByRole("row", { name: /^reason/ });
      expect(await reason.innerText()).toContain("The message failed implicit authentication");
      const authAs = ms.getByRole("row", { name: /AuthAs/ });
      expect(await authAs.innerText()).toContain("not documented by the vendor");
    });
  });

  it("shows DMARC none as neutral, not green, and marks the recipient's results", async () => {
    await withPage(async ({ page }) => {
      await analyzeText(page, SAMPLE_113);
      const auth = page.getByRole("region", { name: "Authentication" });
      const dmarcRow = auth.getByRole("row", { name: /^DMARC/ }).first();
      expect(await dmarcRow.innerText()).toContain("recipient");
      const badge = dmarcRow.locator("td").first().locator("span").first();
      expect(await badge.getAttribute("class")).toContain("bg-slate-100");
    });
  });

  it("a result stored before the verdict existed renders without a verdict line or spam filters", async () => {
    await withPage(async ({ page }) => {
      await page.route("**/api/analyze", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(CRAFTED) }));
      await analyzeText(page, "Subject: crafted\nReceived: from a by b; Tue, 10 Mar 2026 09:03:27 +0000");
      expect(await page.getByTestId("verdict-line").count()).toBe(0);
      expect(await page.getByRole("region", { name: "Spam filters" }).innerText()).toContain("No spam-filter headers were found");
    });
  });
});
