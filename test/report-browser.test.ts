// The HTML report in headless Chromium: it loads with no failed request and no console
// error, and the heatmap is captured (UPDATE_DOCS=1 writes docs/report-heatmap.png).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { browserAvailable, openPage } from "./helpers/browser.js";
import { assess } from "./helpers/exec.js";

describe.skipIf(!browserAvailable)("the HTML report in a browser", () => {
  it("loads with nothing fetched and no console error, and renders the heatmap", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-html-"));
    const r = assess(["report", "examples/returned", "-o", out, "--format", "html", "--date", "2026-12-01", "--title", "Data on migrant and forcibly displaced children: assessment results (fictional demo)"]);
    expect(r.code).toBe(1); // the demo's broken workbook
    const url = pathToFileURL(join(out, "report.html")).href;
    const { page, errors, requests, browser } = await openPage(url);
    try {
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
