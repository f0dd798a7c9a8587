/**
 * Share in a real browser: analyze on the home page → Share → open the link in a new page →
 * the same hops. The delete action shows only in the browser holding the delete token.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARE_HEADERS } from "../helpers/share-api-suite";
import { startServer, type RunningServer } from "../helpers/server";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let server: RunningServer;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hoptrace-share-e2e-"));

beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function hops(page: Page) {
  return page.getByRole("list", { name: "Hops, earliest first" }).getByRole("article");
}

/** Analyzes the fixture on the home page and creates a link; returns the page and the link. */
async function share(redact: boolean): Promise<{ page: Page; link: string; hopTexts: string[] }> {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC" });
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: "networkidle" });
  await page.getByLabel("Raw email headers").fill(SHARE_HEADERS);
  await page.getByRole("button", { name: "Analyze", exact: true }).click();
  await hops(page).first().waitFor({ timeout: 30_000 });
  const hopTexts = await hops(page).allInnerTexts();
  await page.getByRole("button", { name: "Share this analysis…" }).click();
  const redactBox = page.getByRole("checkbox", { name: /Redact personal details/ });
  expect(await redactBox.isChecked()).toBe(true); // on by default
  if (!redact) await redactBox.uncheck();
  await page.getByLabel("Link expires after").selectOption("7");
  await page.getByRole("button", { name: "Create link" }).click();
  const linkBox = page.getByLabel("Link to this analysis");
  await linkBox.waitFor();
  return { page, link: await linkBox.inputValue(), hopTexts };
}

describe("sharing an analysis", () => {
  it("opens the link in a new page with the same hops, and the creator can delete it", async () => {
    const { page, link, hopTexts } = await share(false);
    expect(link).toMatch(new RegExp(`^${server.url}/a/[\\w-]{22,}$`));
    expect(hopTexts.length).toBeGreaterThan(0);

    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    const errors: string[] = [];
    other.on("pageerror", (e) => errors.push(e.message));
    other.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
    const res = await other.goto(link, { waitUntil: "networkidle" });
    expect(res?.status()).toBe(200);
    await other.getByRole("heading", { name: "Shared analysis" }).waitFor();
    await expect.poll(() => hops(other).allInnerTexts()).toEqual(hopTexts);
    expect(await other.getByText(/expires on/).count()).toBeGreaterThan(0);
    expect(await other.getByRole("button", { name: /Delete this share/ }).count()).toBe(0); // no token here
    expect(errors).toEqual([]);
    await stranger.close();

    const own = await page.context().newPage(); // same browser profile: holds the delete token
    await own.goto(link, { waitUntil: "networkidle" });
    await own.getByRole("button", { name: "Delete this share…" }).click();
    await own.getByRole("button", { name: "Delete for good" }).click();
    await own.getByText("Deleted. This link no longer works.").waitFor();
    expect((await fetch(link)).status).toBe(404);
    await page.context().close();
  });

  it("shows what the link will contain before it is created: the masked values, then the headers as stored", async () => {
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC" });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: "networkidle" });
    await page.getByLabel("Raw email headers").fill(SHARE_HEADERS);
    await page.getByRole("button", { name: "Analyze", exact: true }).click();
    await hops(page).first().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Share this analysis…" }).click();
    const preview = page.getByRole("region", { name: "Preview of the link" });
    await preview.getByText("The link will not contain:").waitFor();
    const listed = await preview.innerText();
    for (const v of ["Jane Doe", "Bob Smith", "198.51.100.23"]) expect(listed).toContain(v);
    await preview.getByText("Headers as the link will show them").click();
    const stored = await preview.locator("pre").innerText();
    expect(stored).toContain("From: •••@example.com");
    expect(stored).not.toContain("jane.doe@");
    await page.getByRole("checkbox", { name: /Redact personal details/ }).uncheck();
    await preview.getByText(/Nothing is masked/).waitFor();
    await context.close();
  });

  it("a redacted link shows the same route without the addresses", async () => {
    const { page, link, hopTexts } = await share(true);
    const other = await (await browser.newContext()).newPage();
    await other.goto(link, { waitUntil: "networkidle" });
    await other.getByRole("heading", { name: "Shared analysis" }).waitFor();
    await expect.poll(() => hops(other).count()).toBe(hopTexts.length);
    const text = await other.locator("body").innerText();
    expect(text).toContain("redacted");
    for (const secret of ["jane.doe@", "bob.smith@", "Jane Doe"]) expect(text).not.toContain(secret);
    await other.context().close();
    await page.context().close();
  });
});

describe("when the share store cannot take links", () => {
  it("the page says sharing is unavailable instead of offering a link", async () => {
    const down = await startServer({ DATABASE_URL: "postgres://postgres@127.0.0.1:9/none" });
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC" });
    try {
      const page = await context.newPage();
      await page.goto(down.url, { waitUntil: "networkidle" });
      await page.getByLabel("Raw email headers").fill(SHARE_HEADERS);
      await page.getByRole("button", { name: "Analyze", exact: true }).click();
      await hops(page).first().waitFor({ timeout: 30_000 });
      await page.getByText(/Sharing is unavailable right now/).waitFor();
      expect(await page.getByRole("button", { name: "Share this analysis…" }).count()).toBe(0);
    } finally {
      await context.close();
      await down.stop();
    }
  });
});
