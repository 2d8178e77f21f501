// The HTML report in headless Chromium: it loads with no failed request and no console
// error, and the heatmap is captured (UPDATE_DOCS=1 writes docs/report-heatmap.png).
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { chromium } from "playwright-core";
import { assess } from "./helpers/exec.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// .ci/run installs Debian's chromium and sets ASSESS_REQUIRE_BROWSER, so CI never skips this.
const available = existsSync(CHROMIUM);
if (!available && process.env.ASSESS_REQUIRE_BROWSER) throw new Error(`Chromium is required but not found at ${CHROMIUM}`);

describe.skipIf(!available)("the HTML report in a browser", () => {
  it("loads with nothing fetched and no console error, and renders the heatmap", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-html-"));
    const r = assess(["report", "examples/returned", "-o", out, "--format", "html", "--date", "2026-12-01", "--title", "Data on migrant and forcibly displaced children: assessment results (fictional demo)"]);
    expect(r.code).toBe(1); // the demo's broken workbook
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("requestfailed", (q) => errors.push(`failed: ${q.url()}`));
      page.on("request", (q) => requests.push(q.url()));
      const url = pathToFileURL(join(out, "report.html")).href;
      await page.goto(url, { waitUntil: "load" });
      expect(errors).toEqual([]);
      // one request: the page itself; no script, style or font from anywhere
      expect(requests).toEqual([url]);
      const heatmap = page.locator("#heatmap-institutions");
      expect(await heatmap.locator("rect").count()).toBe(8 * 3);
      expect(await page.locator("section.institution").count()).toBe(8);
      // Frame the heatmap section for the screenshot: heading, legend and both grids.
      const png = (await page.locator("#heatmap").boundingBox())!;
      const shot = await page.screenshot({ clip: { x: 40, y: png.y - 10, width: 1120, height: 800 }, fullPage: true });
      writeFileSync(join(out, "heatmap.png"), shot);
      if (process.env.UPDATE_DOCS) writeFileSync("docs/report-heatmap.png", shot);
      expect(shot.length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
