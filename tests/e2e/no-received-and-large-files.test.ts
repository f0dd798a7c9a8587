/**
 * Issue 10 on the page: a header block without Received headers says so plainly in the route
 * section, and a large .eml is read for its header section only (the API's limit is on headers).
 */
import { describe, expect, it } from "vitest";
import { pasteHeaders, waitForResult, homePageSession, hopCards } from "../helpers/browser";
import { EXAMPLES } from "@/components/analysis/examples";

const { withPage } = homePageSession();

describe("home page: a block without Received headers, a large .eml", () => {
  it("'hello: world' alone shows the no-Received warning in the route section", async () => {
    await withPage(async ({ page }) => {
      await pasteHeaders(page, "hello: world");
      await page.getByRole("button", { name: "Analyze", exact: true }).click();
      await waitForResult(page);
      const note = page.getByRole("region", { name: /^Route: 0 hops/ }).getByRole("note");
      expect(await note.innerText()).toMatch(/No Received headers: this does not look like a message's headers/);
    });
  });

  it("a 6 MiB .eml (a large attachment) is read for its headers and analysed", async () => {
    await withPage(async ({ page }) => {
      const bodies: string[] = [];
      page.on("request", (r) => {
        if (r.method() === "POST") bodies.push(r.postData() ?? "");
      });
      const headers = EXAMPLES.find((e) => e.id === "backup-mx")?.headers ?? "";
      const attachment = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n".repeat(80_000);
      await page.getByLabel("Choose an .eml, .msg or .txt file").setInputFiles({
        name: "large.eml",
        mimeType: "message/rfc822",
        buffer: Buffer.from(`${headers.trimEnd()}\n\n${attachment}`),
      });
      await waitForResult(page);
      expect(await hopCards(page).count()).toBe(4);
      expect(bodies).toHaveLength(1);
      expect(bodies[0].length).toBeLessThan(64 * 1024);
    });
  });
});
