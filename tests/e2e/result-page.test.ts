/**
 * Issue 14, as a person uses the page: paste before hydration, the three examples (the forged
 * chain above all), the border and claims, calm plaintext on local hops, names as written, the
 * sortable hop table, long values collapsed, Share and Export at the top, Outlook .msg files and
 * attached messages, deleted links, the how-to help, axe-core in light and dark, screenshots.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hopCards, homePageSession, openPage, pasteHeaders, waitForResult, withCheckedPage } from "../helpers/browser";
import { EXAMPLES } from "@/components/analysis/examples";
import { CRAFTED } from "./fixtures/crafted-analysis";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hoptrace-e2e-14-"));
const { session, withPage } = homePageSession({ DATA_DIR: dataDir, DATABASE_URL: "", ANALYZE_RATE_LIMIT: "10000" });

const ROOT = path.resolve(__dirname, "../..");
const FIX = path.join(ROOT, "tests/fixtures");
const SHOTS = path.join(ROOT, "test-results/screenshots");
const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
const example = (id: string) => EXAMPLES.find((e) => e.id === id)!.headers;
const analyzeButton = (page: Page) => page.getByRole("button", { name: "Analyze", exact: true });

async function runExample(page: Page, label: RegExp) {
  await page.getByRole("button", { name: label }).click();
  await waitForResult(page);
}

/** axe-core's serious and critical violations on the page as it is now. */
async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  });
}

async function createShare(headers: string): Promise<{ id: string; url: string; deleteToken: string }> {
  const res = await fetch(`${session.server.url}/api/analyses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ headers, redact: false, expiresInDays: 1 }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; url: string; deleteToken: string };
}

describe("pasting before the page has hydrated", () => {
  it("registers: Analyze is enabled and Ctrl+Enter analyses once the page is live", async () => {
    const context = await session.browser.newContext({ locale: "en-GB", timezoneId: "UTC" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    // Hold the page's scripts back so the paste lands in the server-rendered box.
    await page.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
      await gate;
      await route.continue();
    });
    try {
      await page.goto(`${session.server.url}/`, { waitUntil: "domcontentloaded" });
      await page.getByLabel("Raw email headers").fill(example("backup-mx"));
      expect(await page.locator("form[data-hydrated]").count()).toBe(0);
      release();
      await page.locator('form[data-hydrated="true"]').waitFor({ timeout: 30_000 });
      expect(await page.getByLabel("Raw email headers").inputValue()).toContain("mx2.contoso-labs.net");
      expect(await analyzeButton(page).isDisabled()).toBe(false);
      await page.getByLabel("Raw email headers").press("Control+Enter");
      await waitForResult(page);
      expect(await hopCards(page).count()).toBe(4);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the phishing example with a forged hop", () => {
  it("leaves the forged hop out of the delivery time, the slowest hop and the chart, and draws it as forged", async () => {
    await withPage(async ({ page }) => {
      await runExample(page, /Phishing with a forged hop/);
      const summary = page.getByRole("region", { name: "Action required: your account access has been limited" });
      expect(await summary.getByTestId("delivery-time").innerText()).toBe("3 s");
      expect(await summary.innerText()).toContain("without the forged hop 1");
      expect(await summary.innerText()).not.toContain("5 y 9 mo");

      const cards = hopCards(page);
      const hop1 = await cards.nth(0).innerText();
      expect(hop1).toContain("Forged");
      const hop2 = await cards.nth(1).innerText();
      expect(hop2).toContain("(forged date, not a delay)");
      expect(hop2).not.toContain("slowest hop");
      // The largest real gap is hop 3's +2 s: under the 10 s threshold no hop is called the slowest.
      expect(await cards.nth(2).innerText()).toContain("+2 s");
      expect((await cards.allInnerTexts()).filter((t) => t.includes("slowest hop"))).toHaveLength(0);

      await page.locator(".recharts-surface").waitFor();
      const chart = page.getByRole("figure");
      const caption = await chart.locator("figcaption").innerText();
      // The chart's scale is the real delays' (1 s to 10 s), not five years.
      expect(caption).toContain("ticks at 1 s, 10 s:");
      expect(await chart.locator("ul").innerText()).toContain("Hop 2: forged date, not time");
      const ticks = await page.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
      expect(ticks).toEqual(["1 s", "10 s"]);
    });
  });

  it("names only the cross-organisation plaintext hop in red; local hops are neutral", async () => {
    await withPage(async ({ page }) => {
      await runExample(page, /Phishing with a forged hop/);
      const summary = await page.getByRole("region", { name: "Action required: your account access has been limited" }).innerText();
      expect(summary).toContain("Not encrypted between organisations: hop 2");
      const cards = hopCards(page);
      expect(await cards.nth(1).innerText()).toMatch(/Not encrypted(?! \(local\))/);
      expect(await cards.nth(2).innerText()).toContain("Not encrypted (local)");
      expect(await cards.nth(3).innerText()).toContain("Not encrypted (local)");
    });
  });
});

describe("the border, the reasons and the sender's claims", () => {
  it("marks where the message entered the recipient's organisation, with its evidence, and the claims below it", async () => {
    await withPage(async ({ page }) => {
      await runExample(page, /ESP to Gmail/);
      const cards = hopCards(page);
      const border = cards.nth(2).getByTestId("border-marker");
      expect(await border.innerText()).toContain("Entered the recipient's organisation here");
      expect(await border.innerText()).toContain("mx.google.com is Google's inbound MX");
      expect(await cards.nth(1).getByTestId("border-marker").count()).toBe(0);
      expect(await cards.nth(0).innerText()).toContain("Sender's claim");
      expect(await cards.nth(2).innerText()).not.toContain("Sender's claim");
      expect(await cards.nth(0).getByTestId("relay-reason").innerText()).toMatch(/^Why ESP: SendGrid's server takes the message/);
      const summary = page.getByTestId("border-summary");
      expect(await summary.innerText()).toContain("Entered the recipient's organisation at hop 3");
    });
  });

  it("the backup-MX example counts only the hops that matter in the TLS line", async () => {
    await withPage(async ({ page }) => {
      await runExample(page, /Backup MX with queueing/);
      const summary = await page.getByRole("region", { name: "Q1 supplier contract - signed copy" }).innerText();
      expect(summary).toContain("Encrypted between organisations (1 local hop not counted)");
      expect(await hopCards(page).nth(3).innerText()).toContain("Not encrypted (local)");
    });
  });
});

describe("old stored analyses", () => {
  it("render without border, trails, trust, trail or relay reasons, and without errors", async () => {
    const old = JSON.parse(JSON.stringify(CRAFTED)) as Record<string, Record<string, unknown>> & { hops: Record<string, unknown>[] };
    delete old.summary.border;
    delete old.summary.borders;
    delete old.summary.trails;
    for (const h of old.hops) {
      delete h.relayReason;
      delete h.trust;
      delete h.trail;
    }
    await withPage(async ({ page }) => {
      await page.route("**/api/analyze", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(old) }));
      await pasteHeaders(page, "Subject: old\nReceived: from a by b; Tue, 10 Mar 2026 09:03:27 +0000");
      await analyzeButton(page).click();
      await waitForResult(page);
      expect(await hopCards(page).count()).toBe(5);
      expect(await page.getByTestId("border-summary").count()).toBe(0);
      expect(await page.getByTestId("relay-reason").count()).toBe(0);
      expect(await page.getByText("Sender's claim").count()).toBe(0);
      await page.getByRole("button", { name: "Table" }).click();
      expect(await page.getByRole("table", { name: /Hops, earliest first/ }).locator("tbody tr").count()).toBe(5);
    });
  });
});

describe("several trails", () => {
  it("a mailing-list message delivered, then sent on, shows each trail apart with its own border", async () => {
    await withPage(async ({ page }) => {
      await pasteHeaders(page, fs.readFileSync(path.join(FIX, "headers/spamassassin__nice_mailman_message.txt"), "utf8"));
      await analyzeButton(page).click();
      await waitForResult(page);
      const titles = await page.getByRole("heading", { name: /^Trail \d/ }).allInnerTexts();
      expect(titles).toEqual(["Trail 3 (the earliest): hops 1–4", "Trail 2: hop 5", "Trail 1 (the latest: delivery to this mailbox): hops 6–9"]);
      expect(await page.getByTestId("border-marker").count()).toBe(3);
      expect(await page.getByTestId("border-summary").innerText()).toContain("travelled 3 trails");
    });
  });
});

describe("names as written", () => {
  it("keeps the by host's case and shows Microsoft SMTP Server unshouted, in the cards and the table", async () => {
    await withPage(async ({ page }) => {
      await pasteHeaders(page, fs.readFileSync(path.join(FIX, "headers/mha__ews_gmail_to_eop.txt"), "utf8"));
      await analyzeButton(page).click();
      await waitForResult(page);
      const text = (await hopCards(page).allInnerTexts()).join("\n");
      expect(text).toContain("BY2PR16MB0487.namprd16.prod.outlook.com");
      expect(text).toContain("with Microsoft SMTP Server");
      expect(text).not.toContain("MICROSOFT SMTP SERVER");
      await page.getByRole("button", { name: "Table" }).click();
      const table = page.getByRole("table", { name: /Hops, earliest first/ });
      expect(await table.innerText()).toContain("Microsoft SMTP Server");
      expect(await table.getByRole("columnheader", { name: "Operator" }).count()).toBe(1);
      expect(await table.innerText()).toContain("Microsoft 365");
      // Tokens do not break inside the table: the protocol cell is one line.
      const heights = await table.getByTestId("protocol").evaluateAll((els) => els.map((e) => (e as HTMLElement).getClientRects().length));
      expect(heights.every((n) => n === 1)).toBe(true);
    });
  });

  it("a chain whose last hop is dated before its first reads unknown (clock skew), not a negative time", async () => {
    await withPage(async ({ page }) => {
      await pasteHeaders(
        page,
        [
          "Received: from mx.example.net (mx.example.net [192.0.2.10]) by store.example.net with LMTP id 2; Mon, 9 Nov 2026 01:00:00 +0000",
          "Received: from out.sender.example (out.sender.example [198.51.100.7]) by mx.example.net with ESMTPS id 1; Mon, 9 Nov 2026 10:00:00 +0000",
          "Subject: skew",
        ].join("\n"),
      );
      await analyzeButton(page).click();
      await waitForResult(page);
      expect(await page.getByTestId("delivery-time").innerText()).toBe("unknown (clock skew)");
    });
  });
});

describe("the hop table", () => {
  it("shows delay bars, the operator and each hop's findings, and sorts by delay", async () => {
    await withPage(async ({ page }) => {
      await runExample(page, /Backup MX with queueing/);
      await page.getByRole("button", { name: "Table" }).click();
      const table = page.getByRole("table", { name: /Hops, earliest first/ });
      const text = await table.innerText();
      expect(text).not.toContain("Operator"); // no hop names a known operator: no empty column
      expect(text).toContain("most of the total delivery time"); // hop 3's slow-hop finding, in its row
      expect(await table.locator("tbody tr").nth(2).locator("div[style*='width']").getAttribute("style")).toContain("width: 100%");
      await table.getByRole("button", { name: /Delay/ }).click();
      await page.getByRole("table", { name: /longest delay first/ }).waitFor();
      const order = await page.getByRole("table", { name: /longest delay first/ }).locator("tbody th").allInnerTexts();
      expect(order).toEqual(["3", "2", "4", "1"]);
      expect(await page.getByRole("columnheader", { name: /Delay/ }).getAttribute("aria-sort")).toBe("descending");
    });
  });
});

describe("the result's layout", () => {
  it("puts Share and Export right under the summary, before the route", async () => {
    await withPage(async ({ page }) => {
      await runExample(page, /ESP to Gmail/);
      const share = await page.getByRole("button", { name: "Share this analysis…" }).boundingBox();
      const json = await page.getByRole("button", { name: "Download JSON" }).boundingBox();
      const route = await page.getByRole("heading", { name: /^Route:/ }).boundingBox();
      expect(share && json && route).toBeTruthy();
      expect(share!.y).toBeLessThan(route!.y);
      expect(json!.y).toBeLessThan(route!.y);
      expect(share!.y).toBeLessThan(1400);
    });
  });

  it("collapses long header values to one line with a toggle", async () => {
    await withPage(async ({ page }) => {
      await runExample(page, /ESP to Gmail/);
      const toggles = page.getByRole("button", { name: /^Show all [\d,]+ characters of / });
      expect(await toggles.count()).toBeGreaterThan(0);
      const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "DKIM-Signature", exact: true }) }).first();
      const value = row.locator("td > div > div").first();
      const collapsed = await value.evaluate((e) => e.getBoundingClientRect().height);
      await row.getByRole("button", { name: /^Show all/ }).click();
      await row.getByRole("button", { name: /^Show less/ }).waitFor();
      expect(await row.getByRole("button").getAttribute("aria-expanded")).toBe("true");
      const open = await value.evaluate((e) => e.getBoundingClientRect().height);
      expect(open).toBeGreaterThan(collapsed * 2);
    });
  });

  it("stays short and within the screen at 375 px", async () => {
    await withPage(
      async ({ page }) => {
        await runExample(page, /ESP to Gmail/);
        await page.locator(".recharts-surface").waitFor();
        const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
        console.log(`375 px page: ${width} x ${height} px`);
        expect(width).toBeLessThanOrEqual(375);
        expect(height).toBeLessThan(9000);
      },
      { viewport: { width: 375, height: 800 } },
    );
  });

  it("offers how to get the headers for Outlook, Gmail, Apple Mail and Thunderbird", async () => {
    await withPage(async ({ page }) => {
      await page.getByText("How do I get the headers?").click();
      const help = await page.locator("details", { hasText: "How do I get the headers?" }).innerText();
      for (const c of ["Outlook for Windows", "Outlook on the web", "Gmail", "Apple Mail", "Thunderbird"]) expect(help).toContain(c);
      expect(help).toContain("Show original");
    });
  });
});

describe("Outlook .msg files and attached messages", () => {
  it("an Outlook .msg is read, analysed, and its attached message can be analysed", async () => {
    await withPage(async ({ page }) => {
      await page.getByLabel("Choose an .eml, .msg or .txt file").setInputFiles({
        name: "report.msg",
        mimeType: "application/vnd.ms-outlook",
        buffer: fs.readFileSync(path.join(FIX, "msg/report-embedded-item.msg")),
      });
      await waitForResult(page);
      await page.getByRole("heading", { name: "Re: Lake House" }).waitFor();
      await expect(page.getByText(/transport headers of the Outlook file “report.msg”/).isVisible()).resolves.toBe(true);
      const attached = page.getByRole("region", { name: "Attached messages" });
      expect(await attached.innerText()).toContain("Your DigiD account");
      await attached.getByRole("button", { name: /Analyse the attached message/ }).click();
      await page.getByRole("heading", { name: /Rate your Shopping Experience/ }).waitFor({ timeout: 30_000 });
      expect(await page.getByLabel("Raw email headers").inputValue()).toContain("DB8EUR06FT023.mail.protection.outlook.com");
      expect(await hopCards(page).count()).toBeGreaterThan(2);
    });
  });

  it("an .eml report with the original attached as message/rfc822 offers the attached message", async () => {
    await withPage(async ({ page }) => {
      const requests: string[] = [];
      page.on("request", (r) => (r.method() === "POST" ? requests.push(new URL(r.url()).pathname) : undefined));
      await page.getByLabel("Choose an .eml, .msg or .txt file").setInputFiles({
        name: "report.eml",
        mimeType: "message/rfc822",
        buffer: fs.readFileSync(path.join(FIX, "eml/report-attached-rfc822.eml")),
      });
      await waitForResult(page);
      await page.getByRole("heading", { name: "Re: Lake House" }).waitFor();
      expect(requests).toEqual(["/api/analyze"]); // nothing but the headers left the browser so far
      await page.getByRole("region", { name: "Attached messages" }).getByRole("button", { name: "Analyse the attached message" }).click();
      await page.getByRole("heading", { name: /Rate your Shopping Experience/ }).waitFor({ timeout: 30_000 });
      expect(requests).toEqual(["/api/analyze", "/api/extract", "/api/analyze"]);
    });
  });

  it("a draft .msg without headers gets a plain-words error", async () => {
    await withPage(
      async ({ page }) => {
        await page.getByLabel("Choose an .eml, .msg or .txt file").setInputFiles({
          name: "draft.msg",
          mimeType: "application/vnd.ms-outlook",
          buffer: fs.readFileSync(path.join(FIX, "msg/draft-no-headers.msg")),
        });
        const alert = page.getByRole("alert").filter({ hasText: /\S/ });
        await alert.waitFor();
        expect(await alert.innerText()).toContain("no transport headers");
      },
      {},
      [/status of 400/],
    );
  });
});

describe("deleted and expired share links", () => {
  it("a deleted link shows an 'expired or deleted' page, not the bare 404", async () => {
    const share = await createShare(example("esp-gmail"));
    const del = await fetch(`${session.server.url}/api/analyses/${share.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${share.deleteToken}` } });
    expect(del.status).toBe(204);
    await withCheckedPage(
      session.browser,
      `${session.server.url}/a/${share.id}`,
      async ({ page }) => {
        await page.getByRole("heading", { name: "This shared analysis has expired or was deleted" }).waitFor();
        expect(await page.getByRole("link", { name: "Analyse headers yourself" }).count()).toBe(1);
      },
      {},
      [/status of 404/],
    );
    expect((await fetch(`${session.server.url}/a/${share.id}`)).status).toBe(404);
  });

  it("after the owner deletes it, the page no longer says when it expires", async () => {
    const share = await createShare(example("backup-mx"));
    await withCheckedPage(session.browser, `${session.server.url}/a/${share.id}`, async ({ page }) => {
      await page.evaluate(([id, token]) => localStorage.setItem(`hoptrace:share-delete-token:${id}`, token), [share.id, share.deleteToken]);
      await page.reload({ waitUntil: "networkidle" });
      expect(await page.getByText(/expires on/).count()).toBe(1);
      await page.getByRole("button", { name: "Delete this share…" }).click();
      await page.getByRole("button", { name: "Delete for good" }).click();
      await page.getByRole("heading", { name: "Deleted. This link no longer works." }).waitFor();
      expect(await page.getByText(/expires on/).count()).toBe(0);
      expect(await hopCards(page).count()).toBe(0);
    });
  });
});

describe("accessibility and looks, light and dark", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`axe-core finds no serious or critical violation on / and /a/{id} (${colorScheme})`, async () => {
      const share = await createShare(example("phishing"));
      const opts = { colorScheme, bypassCSP: true };
      await withPage(async ({ page }) => {
        expect(await axeSerious(page)).toEqual([]);
        await runExample(page, /Phishing with a forged hop/);
        await page.locator(".recharts-surface").waitFor();
        expect(await axeSerious(page)).toEqual([]);
        await page.getByRole("button", { name: "Table" }).click();
        expect(await axeSerious(page)).toEqual([]);
      }, opts);
      const opened = await openPage(session.browser, `${session.server.url}/a/${share.id}`, opts);
      try {
        await opened.page.locator(".recharts-surface").waitFor();
        expect(await axeSerious(opened.page)).toEqual([]);
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }

  it("screenshots at 1440 and 375 px, light and dark (test-results/screenshots, looked at by a person)", async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const share = await createShare(example("phishing"));
    for (const width of [1440, 375]) {
      for (const colorScheme of ["light", "dark"] as const) {
        await withPage(
          async ({ page }) => {
            await page.screenshot({ path: path.join(SHOTS, `home-${width}-${colorScheme}.png`) });
            await runExample(page, /Phishing with a forged hop/);
            await page.locator(".recharts-surface").waitFor();
            await page.screenshot({ path: path.join(SHOTS, `phishing-${width}-${colorScheme}.png`), fullPage: true });
            if (width === 375) {
              // A full 375 px page is too tall to look at in one image: also in screen-sized parts.
              const height = await page.evaluate(() => document.documentElement.scrollHeight);
              for (let y = 0, i = 0; y < height && i < 8; y += 1000, i++) {
                const clip = { x: 0, y, width, height: Math.min(1000, height - y) };
                await page.screenshot({ path: path.join(SHOTS, `phishing-${width}-${colorScheme}-part${i}.png`), fullPage: true, clip });
              }
            }
            await page.getByRole("button", { name: "Table" }).click();
            await page.getByRole("table", { name: /Hops/ }).screenshot({ path: path.join(SHOTS, `table-${width}-${colorScheme}.png`) });
          },
          { viewport: { width, height: 900 }, colorScheme },
        );
        const opened = await openPage(session.browser, `${session.server.url}/a/${share.id}`, { viewport: { width, height: 900 }, colorScheme });
        try {
          await opened.page.locator(".recharts-surface").waitFor();
          await opened.page.screenshot({ path: path.join(SHOTS, `share-${width}-${colorScheme}.png`), fullPage: true });
          expect(opened.errors).toEqual([]);
        } finally {
          await opened.close();
        }
      }
    }
    expect(fs.readdirSync(SHOTS).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(16);
  });
});
