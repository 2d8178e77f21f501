// Debian's Chromium for the tests that open our HTML as a reader would: a page that records
// every request and every console or page error, so that a test can require none.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// .ci/run installs Debian's chromium and sets ASSESS_REQUIRE_BROWSER, so CI never skips these tests.
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && process.env.ASSESS_REQUIRE_BROWSER) throw new Error(`Chromium is required but not found at ${CHROMIUM}`);

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors and failed requests. */
  errors: string[];
  /** Every URL the page asked for. */
  requests: string[];
  browser: Browser;
}

/** Opens `url` at 1200 × 900 in headless Chromium, nothing in the background; close `browser` when done. */
export async function openPage(url: string): Promise<OpenedPage> {
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
    await page.goto(url, { waitUntil: "load" });
    return { page, errors, requests, browser };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
