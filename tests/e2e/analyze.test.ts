/**
 * The home page against the real engine: paste, analyze, read the timeline. Assertions follow what
 * the engine says about the built-in examples (components/analysis/examples.ts).
 */
import { describe, expect, it } from "vitest";
import { hopCards, pasteHeaders, waitForResult, errorAlert, homePageSession } from "../helpers/browser";
import { EXAMPLES } from "@/components/analysis/examples";

const example = (id: string) => {
  const ex = EXAMPLES.find((e) => e.id === id);
  if (!ex) throw new Error(`no example ${id}`);
  return ex;
};

const { session, withPage } = homePageSession();


describe("home page", () => {
  it("has a labelled headers box and an Analyze button that is disabled while the box is empty", async () => {
    await withPage(async ({ page }) => {
      await expect(page.getByRole("heading", { level: 1, name: "Hoptrace" }).isVisible()).resolves.toBe(true);
      const analyze = page.getByRole("button", { name: "Analyze", exact: true });
      expect(await analyze.isDisabled()).toBe(true);
      await pasteHeaders(page, "   \n  ");
      expect(await analyze.isDisabled()).toBe(true);
      await pasteHeaders(page, "Subject: hi");
      expect(await analyze.isDisabled()).toBe(false);
    });
  });

  it("paste → analyze shows the backup-MX route: hops, relay types, TLS markers and delays", async () => {
    await withPage(async ({ page }) => {
      const requests: { url: string; body: string | null }[] = [];
      page.on("request", (r) => {
        if (r.method() === "POST") requests.push({ url: r.url(), body: r.postData() });
      });
      await pasteHeaders(page, example("backup-mx").headers);
      await page.getByRole("button", { name: "Analyze", exact: true }).click();
      await waitForResult(page);

      // Headers travel in a JSON body to /api/analyze, never in the page address.
      expect(requests).toHaveLength(1);
      expect(new URL(requests[0].url).pathname).toBe("/api/analyze");
      expect(JSON.parse(requests[0].body ?? "{}").headers).toContain("mx2.contoso-labs.net");
      expect(page.url()).toBe(`${session.server.url}/`);

      await expect(page.getByRole("heading", { name: "Route: 4 hops, earliest first" }).isVisible()).resolves.toBe(true);
      const cards = hopCards(page);
      expect(await cards.count()).toBe(4);

      const hop1 = await cards.nth(0).innerText();
      expect(hop1).toMatch(/Relay type:\s*Submission/);
      expect(hop1).toContain("Authenticated submission");
      expect(hop1).toContain("TLS 1.3 · TLS_AES_256_GCM_SHA384");
      expect(hop1).toContain("smtp.northwind-traders.com");

      const hop2 = await cards.nth(1).innerText();
      expect(hop2).toMatch(/Relay type:\s*Backup MX/);
      expect(hop2).toContain("mx2.contoso-labs.net");
      expect(hop2).toContain("+2 s");

      // The backup MX held the message; mx1, the primary MX, accepting it from mx2 is the border
      // ("backup-mx then mx", one border per trail); the 2-hour queue is hop 3's delay.
      const hop3 = await cards.nth(2).innerText();
      expect(hop3).toMatch(/Relay type:\s*MX/);
      expect(hop3).toContain("TLS 1.2 · ECDHE-RSA-AES256-GCM-SHA384");
      expect(hop3).toContain("+2 h 1 min · slowest hop");
      expect(hop3).toContain("2026-03-10 09:03:27 UTC");

      const hop4 = await cards.nth(3).innerText();
      expect(hop4).toMatch(/Relay type:\s*Delivery/);
      expect(hop4).toContain("imap.contoso-labs.net with LMTP");
      expect(hop4).toContain("Not encrypted"); // LMTP carries no TLS sign
      expect(hop4).toContain("+1 s");

      // Summary: hop count and total time in human terms.
      const summary = await page.getByRole("region", { name: "Q1 supplier contract - signed copy" }).innerText();
      expect(summary).toContain("2 h 1 min");
      // LMTP into the mailbox store (hop 4) is local: issue 14 counts only the hops that matter.
      expect(summary).toContain("Encrypted between organisations (1 local hop not counted)");
      expect(summary).toMatch(/SPF pass/);
      expect(summary).toMatch(/DKIM pass/);
      expect(summary).toMatch(/DMARC pass/);
    });
  });

  it("Ctrl+Enter in the headers box submits", async () => {
    await withPage(async ({ page }) => {
      await pasteHeaders(page, example("esp-gmail").headers);
      await page.getByLabel("Raw email headers").press("Control+Enter");
      await waitForResult(page);
      await expect(page.getByRole("heading", { name: "Your invoice for October 2026 is ready" }).isVisible()).resolves.toBe(true);
      // SendGrid's HTTP API hop → its filter → Gmail's MX over TLS 1.3 → Gmail's delivery into the mailbox.
      const cards = hopCards(page);
      expect(await cards.count()).toBe(4);
      const hop1 = await cards.nth(0).innerText();
      expect(hop1).toMatch(/Relay type:\s*ESP/);
      expect(hop1).toContain("SendGrid");
      expect(hop1).toContain("Encryption unknown");
      expect(await cards.nth(1).innerText()).toContain("+208 ms");
      const hop3 = await cards.nth(2).innerText();
      expect(hop3).toMatch(/Relay type:\s*MX/);
      expect(hop3).toContain("TLS 1.3 · TLS_AES_256_GCM_SHA384");
      expect(hop3).toContain("mx.google.com with ESMTPS");
      const summary = await page.getByRole("region", { name: "Your invoice for October 2026 is ready" }).innerText();
      expect(summary).toContain("1.6 s");
      expect(summary).toMatch(/Sending service\s*SendGrid/i);
    });
  });

  it("an example button fills the box and shows its analysis in one click", async () => {
    await withPage(async ({ page }) => {
      await page.getByRole("button", { name: /Phishing with a forged hop/ }).click();
      await waitForResult(page);
      expect(await page.getByLabel("Raw email headers").inputValue()).toContain("smtp-relay.paypal.com");
      const cards = hopCards(page);
      expect(await cards.count()).toBe(4);
      // The forged bottom hop: dated years before the rest, flagged critical, listed first.
      expect(await cards.nth(0).innerText()).toContain("2021-01-04 17:12:07 UTC");
      const summary = await page.getByRole("region", { name: "Action required: your account access has been limited" }).innerText();
      expect(summary).toMatch(/Most severe findings\s+(?:\S+\s+)?Critical\s+Hop 1/);
      // Issue 14: only the cross-organisation plaintext hop is named; local hops are not counted.
      expect(summary).toContain("Not encrypted between organisations: hop 2");
      // The plaintext hop from the VPS is marked as such, with its chain-break finding.
      const hop2 = cards.nth(1);
      expect(await hop2.innerText()).toContain("Not encrypted");
      expect(await hop2.innerText()).toMatch(/Relay type:\s*MX/);
      await hop2.locator("summary").click();
      expect(await hop2.innerText()).toContain("chain-break");
      const verdicts = await page.getByRole("list", { name: "Authentication verdicts" }).first().innerText();
      expect(verdicts).toContain("DMARC fail");
      expect(verdicts).toContain("not aligned with From");
    });
  });

  it("a dropped .eml file is read in the browser and only its header section is sent", async () => {
    await withPage(async ({ page }) => {
      const bodies: string[] = [];
      page.on("request", (r) => {
        if (r.method() === "POST") bodies.push(r.postData() ?? "");
      });
      const eml = `${example("esp-gmail").headers}\nThis is the SECRET-BODY-TEXT of the message.\n`;
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text.replace(/\n(?=This is the SECRET)/, "\n\n")], "invoice.eml", { type: "message/rfc822" }));
        const zone = document.querySelector('[data-testid="drop-zone"]');
        if (!zone) throw new Error("no drop zone");
        zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, eml);
      await waitForResult(page);
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toContain("geopod-ismtpd-12");
      expect(bodies[0]).not.toContain("SECRET-BODY-TEXT");
      expect(await page.getByLabel("Raw email headers").inputValue()).not.toContain("SECRET-BODY-TEXT");
      expect(await hopCards(page).count()).toBe(4);
    });
  });

  it("the MX check is off by default and, when ticked, asks the server for options.dns", async () => {
    await withPage(async ({ page }) => {
      const bodies: string[] = [];
      page.on("request", (r) => {
        if (r.method() === "POST") bodies.push(r.postData() ?? "");
      });
      const box = page.getByLabel(/Check the recipient domain's MX records/);
      expect(await box.isChecked()).toBe(false);
      await pasteHeaders(page, example("backup-mx").headers);
      await page.getByRole("button", { name: "Analyze", exact: true }).click();
      await waitForResult(page);
      await box.check();
      await page.getByRole("button", { name: "Analyze", exact: true }).click();
      await page.waitForTimeout(300);
      await waitForResult(page);
      expect(bodies).toHaveLength(2);
      expect(JSON.parse(bodies[0]).options).toBeUndefined();
      expect(JSON.parse(bodies[1]).options).toEqual({ dns: true });
    });
  });

  it("the file picker accepts an .eml file", async () => {
    await withPage(async ({ page }) => {
      await page.getByLabel("Choose an .eml, .msg or .txt file").setInputFiles({ // issue 14 added .msg
        name: "backup.eml",
        mimeType: "message/rfc822",
        buffer: Buffer.from(`${example("backup-mx").headers}\nHello, body here.\n`),
      });
      await waitForResult(page);
      expect(await hopCards(page).count()).toBe(4);
      await expect(page.getByText(/Read the headers of “backup.eml”/).isVisible()).resolves.toBe(true);
    });
  });

  it("text that is not headers gives an inline error in plain words and keeps what was pasted", async () => {
    await withPage(async ({ page }) => {
      await pasteHeaders(page, "hello world");
      await page.getByRole("button", { name: "Analyze", exact: true }).click();
      const alert = errorAlert(page);
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/does not look like email headers/);
      expect(await page.getByLabel("Raw email headers").inputValue()).toBe("hello world");
    }, {}, [/status of 400/]);
  });

  it("fits a 360 px phone screen without horizontal scrolling", async () => {
    await withPage(
      async ({ page }) => {
        await page.getByRole("button", { name: /Backup MX with queueing/ }).click();
        await waitForResult(page);
        await page.getByRole("heading", { name: "Delay per hop" }).waitFor();
        await page.waitForFunction(() => document.querySelector(".recharts-surface") !== null);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        // Expanded raw headers wrap too.
        await hopCards(page).nth(2).locator("summary").click();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      },
      { viewport: { width: 360, height: 800 } },
    );
  });

  it("follows a dark system colour scheme", async () => {
    await withPage(
      async ({ page }) => {
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const channels = (bg.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        expect(channels).toHaveLength(3);
        // oklch() or rgb(): either way the first channel of a near-black background is small.
        if (bg.startsWith("oklch")) expect(channels[0]).toBeLessThan(0.3);
        else expect(Math.max(...channels)).toBeLessThan(60);
      },
      { colorScheme: "dark" },
    );
  });
});
