/**
 * Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for the page tests.
 * Every page opened through `openPage` records console errors and uncaught page errors, so a
 * test can assert the page stayed clean.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startServer, type RunningServer } from "./server";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console messages of type "error" and uncaught exceptions, in order. */
  errors: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ timezoneId: "Europe/Berlin", locale: "en-GB", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, context, errors, close: () => context.close() };
}

/** Fills the headers box the way a person pastes: the whole text at once. */
export async function pasteHeaders(page: Page, headers: string): Promise<void> {
  await page.getByLabel("Raw email headers").fill(headers);
}

/** Waits for a finished result: the route section heading is on screen. */
export async function waitForResult(page: Page): Promise<void> {
  await page.getByRole("heading", { name: /^Route: \d+ hops?/ }).waitFor({ timeout: 30_000 });
}

/** The hop cards of the timeline, earliest first. */
export function hopCards(page: Page) {
  return page.getByRole("list", { name: "Hops, earliest first" }).getByRole("article");
}

/** The page's own inline error (Next's empty route announcer also has role="alert"). */
export function errorAlert(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ });
}

/**
 * Opens `url`, runs the test, then checks the page logged no error. `allowed` lists the console
 * lines a test provokes on purpose (Chromium logs every non-2xx fetch as an error).
 */
export async function withCheckedPage(
  browser: Browser,
  url: string,
  fn: (p: OpenedPage) => Promise<void>,
  options: BrowserContextOptions = {},
  allowed: RegExp[] = [],
): Promise<void> {
  const opened = await openPage(browser, url, options);
  try {
    await fn(opened);
    expect(opened.errors.filter((e) => !allowed.some((re) => re.test(e)))).toEqual([]);
  } finally {
    await opened.close();
  }
}

/**
 * For a browser test file: starts `next start` and Chromium once (beforeAll), stops both
 * (afterAll), and gives `withPage`, which opens the home page and checks it logged no error.
 */
export function homePageSession(env: Record<string, string> = {}) {
  const session = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  const withPage = (fn: (p: OpenedPage) => Promise<void>, options: BrowserContextOptions = {}, allowed: RegExp[] = []) =>
    withCheckedPage(session.browser, `${session.server.url}/`, fn, options, allowed);
  return { session, withPage };
}
