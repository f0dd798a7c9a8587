/**
 * How the page renders every state of the contract, with /api/analyze answered by a hand-written
 * Analysis (fixtures/crafted-analysis.ts): skew, unknown values, the slowest hop, the table view,
 * header search, JSON export, keyboard-only use. Independent of the engine's heuristics.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hopCards, pasteHeaders, waitForResult, errorAlert, homePageSession } from "../helpers/browser";
import { CRAFTED } from "./fixtures/crafted-analysis";
import { MINUS } from "@/lib/format/duration";

const { session, withPage } = homePageSession();

async function showCrafted(page: Page, status = 200, body: unknown = CRAFTED) {
  await page.route("**/api/analyze", (route) =>
    route.fulfill({ status, contentType: "application/json", body: JSON.stringify(body) }),
  );
  await pasteHeaders(page, "Subject: crafted\nReceived: from a by b; Tue, 10 Mar 2026 09:03:27 +0000");
  await page.getByRole("button", { name: "Analyze", exact: true }).click();
}


describe("result rendering", () => {
  it("shows clock skew as skew, an unknown delay as unknown, and calls out the slowest hop", async () => {
    await withPage(async ({ page }) => {
      await showCrafted(page);
      await waitForResult(page);
      const cards = hopCards(page);
      expect(await cards.count()).toBe(5);
      expect(await cards.nth(2).innerText()).toContain("+2 h 1 min · slowest hop");
      const skew = await cards.nth(3).innerText();
      expect(skew).toContain(`clock skew ${MINUS}14 s`);
      expect(skew).not.toContain("+14 s");
      expect(await cards.nth(4).innerText()).toContain("Delay unknown");
      expect(await cards.nth(4).innerText()).toContain("unknown (no readable date)");
    });
  });

  it("marks encrypted, plaintext and unknown hops in words, with TLS version and cipher", async () => {
    await withPage(async ({ page }) => {
      await showCrafted(page);
      await waitForResult(page);
      const cards = hopCards(page);
      expect(await cards.nth(0).innerText()).toContain("TLS 1.3 · TLS_AES_256_GCM_SHA384");
      expect(await cards.nth(0).innerText()).toContain("Authenticated submission");
      expect(await cards.nth(2).innerText()).toContain("Not encrypted");
      expect(await cards.nth(3).innerText()).toContain("Encryption unknown");
      const summary = await page.getByRole("region", { name: "Crafted: every state" }).innerText();
      expect(summary).toContain("Not encrypted between organisations: hop 3");
      expect(summary).toContain("SendGrid");
      expect(summary).toContain("2 h 1 min");
      const verdicts = await page.getByRole("list", { name: "Authentication verdicts" }).first().getByRole("listitem").allInnerTexts();
      expect(verdicts[0]).toMatch(/SPF pass[\s\S]*aligned with From/);
      expect(verdicts[0]).not.toContain("not aligned");
      expect(verdicts[1]).toMatch(/DKIM pass[\s\S]*not aligned with From/);
      expect(verdicts[2]).toContain("DMARC fail");
      // Most severe first: the critical chain break leads.
      const first = summary.indexOf("Critical");
      expect(first).toBeGreaterThan(-1);
      expect(first).toBeLessThan(summary.indexOf("Warning"));
    });
  });

  it("gives every relay type a label and a one-line legend", async () => {
    await withPage(async ({ page }) => {
      await showCrafted(page);
      await waitForResult(page);
      const text = (await hopCards(page).allInnerTexts()).join("\n");
      for (const label of ["Submission", "Backup MX", "MX", "Internal", "Delivery"]) {
        expect(text).toMatch(new RegExp(`Relay type:\\s*${label}\\b`));
      }
      await page.getByText("What the relay types mean").click();
      await expect(page.getByText(/lower-priority MX of the recipient domain/).isVisible()).resolves.toBe(true);
    });
  });

  it("expands a hop to its raw header and findings, and switches to the table view", async () => {
    await withPage(async ({ page }) => {
      await showCrafted(page);
      await waitForResult(page);
      const hop3 = hopCards(page).nth(2);
      await hop3.locator("summary").click();
      expect(await hop3.innerText()).toContain("Received: from a by b");
      expect(await hop3.innerText()).toContain("This hop was not encrypted.");

      await page.getByRole("button", { name: "Table" }).click();
      const table = page.getByRole("table", { name: "Hops, earliest first" });
      expect(await table.getByRole("row").count()).toBe(6);
      expect(await table.innerText()).toContain(`clock skew ${MINUS}14 s`);
      expect(await page.getByRole("button", { name: "Table" }).getAttribute("aria-pressed")).toBe("true");
    });
  });

  it("filters the headers table and lists every authentication result with its authserv-id", async () => {
    await withPage(async ({ page }) => {
      await showCrafted(page);
      await waitForResult(page);
      await page.getByRole("searchbox", { name: "Search headers" }).fill("x-long");
      await page.getByText("1 of 3 headers").waitFor();
      const auth = await page.getByRole("table", { name: "Every authentication result" }).innerText();
      expect(auth).toContain("mx2.contoso-labs.net");
      expect(auth).toContain("selector mail2025");
      expect(auth).toContain("instance i=1");
    });
  });

  it("copies and downloads the analysis as JSON", async () => {
    await withPage(async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: session.server.url });
      await showCrafted(page);
      await waitForResult(page);
      await page.getByRole("button", { name: "Copy JSON" }).click();
      await page.getByText("Analysis JSON copied to the clipboard.").waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(JSON.parse(copied)).toEqual(CRAFTED);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download JSON" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^hoptrace-.*\.json$/);
    });
  });

  it("draws the delay chart only once a result exists", async () => {
    await withPage(async ({ page }) => {
      expect(await page.locator(".recharts-surface").count()).toBe(0);
      await showCrafted(page);
      await waitForResult(page);
      await page.locator(".recharts-surface").waitFor();
      expect(await page.getByText(/log scale/).count()).toBeGreaterThan(0);
    });
  });

  it("shows a 413 in plain words and keeps the pasted text", async () => {
    await withPage(async ({ page }) => {
      await showCrafted(page, 413, { error: { code: "too-large", message: "The input is larger than 1024 KiB." } });
      const alert = errorAlert(page);
      await alert.waitFor();
      expect(await alert.innerText()).toContain("too large");
      expect(await page.getByLabel("Raw email headers").inputValue()).toContain("Subject: crafted");
    }, {}, [/status of 413/]);
  });

  it("works from the keyboard alone: type, Ctrl+Enter, focus lands on the result, controls are reachable", async () => {
    await withPage(async ({ page }) => {
      await page.route("**/api/analyze", (route) =>
        route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(CRAFTED) }),
      );
      await page.keyboard.press("Tab"); // first focusable: the headers box
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
      await page.keyboard.type("Subject: typed");
      await page.keyboard.press("Control+Enter");
      await waitForResult(page);
      await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Analysis result");
      // Tab onwards reaches the view toggle, and Enter on it switches the view.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        if ((await page.evaluate(() => document.activeElement?.textContent)) === "Table") break;
      }
      await page.keyboard.press("Enter");
      await page.getByRole("table", { name: "Hops, earliest first" }).waitFor();
    });
  });

  it("stays within 360 px with long host names and IDs, in dark mode too", async () => {
    await withPage(
      async ({ page }) => {
        await showCrafted(page);
        await waitForResult(page);
        await page.locator(".recharts-surface").waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await page.getByRole("button", { name: "Table" }).click();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      },
      { viewport: { width: 360, height: 800 }, colorScheme: "dark" },
    );
  });
});
