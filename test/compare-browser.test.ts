// The comparison's HTML in headless Chromium: it loads with no failed request and no console
// error, and the heatmap of changes is captured (UPDATE_DOCS=1 writes docs/compare-heatmap.png).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { browserAvailable, openPage } from "./helpers/browser.js";
import { assess } from "./helpers/exec.js";

describe.skipIf(!browserAvailable)("the comparison's HTML in a browser", () => {
  it("loads with nothing fetched and no console error, and renders the heatmap of changes", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-compare-html-"));
    const r = assess([
      "compare",
      "examples/baseline/answers",
      "examples/followup/answers",
      "--followup-modules",
      "examples/followup/modules",
      "--match",
      "examples/followup/match.csv",
      "-o",
      out,
      "--format",
      "html",
      "--date",
      "2027-12-01",
      "--title",
      "Data on migrant and forcibly displaced children: baseline and follow-up compared (fictional demo)",
    ]);
    expect(r.code).toBe(0);
    const url = pathToFileURL(join(out, "compare.html")).href;
    const { page, errors, requests, browser } = await openPage(url);
    try {
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      // Eight institutions compared, four columns each (three dimensions and the overall figure).
      expect(await page.locator("#change-heatmap rect").count()).toBe(8 * 4);
      expect(await page.locator("section.institution").count()).toBe(8);
      const box = (await page.locator("#change-heatmap-section").boundingBox())!;
      const svg = (await page.locator("#change-heatmap").boundingBox())!;
      const shot = await page.screenshot({ clip: { x: 20, y: box.y - 10, width: 1160, height: svg.y + svg.height - box.y + 24 }, fullPage: true });
      writeFileSync(join(out, "compare-heatmap.png"), shot);
      if (process.env.UPDATE_DOCS) writeFileSync("docs/compare-heatmap.png", shot);
      expect(shot.length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
