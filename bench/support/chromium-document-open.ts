// Opens a document in Chromium again and again, each time in a fresh browser context (nothing cached):
// load the page, wait until it is ready, click the document's entry, and collect the in-page probe's
// stamps (document-open-probe.ts) — no Playwright round trip is inside a measured time. Also the tab's
// JS heap after the document is open (after a GC) and the highlight elements in the DOM once it settled.
import type { Browser, Page } from "@playwright/test";
import {
  DOCUMENT_OPEN_DONE,
  type DocumentOpenMarks,
  documentOpenProbe,
  type ProbeSelectors,
} from "./document-open-probe";
import { sleep } from "./stats";

export type DocumentOpenLoad = DocumentOpenMarks & { heapUsedMiB: number; highlightsSettled: number };

export type DocumentOpenOptions = {
  pageUrl: string;
  cookies: { name: string; value: string }[];
  /** What must all be on the page before the click (e.g. the board's connection live). */
  ready: string[];
  selectors: ProbeSelectors;
  repeats: number;
  timeoutMs: number;
};

/** Time for the pane to finish what it does after its first highlights (measuring rows, overscan). */
const SETTLE_MS = 500;

export async function openDocumentInChromium(browser: Browser, options: DocumentOpenOptions) {
  const loads: DocumentOpenLoad[] = [];
  const failures: string[] = [];
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    try {
      const origin = new URL(options.pageUrl).origin;
      await context.addCookies(options.cookies.map((cookie) => ({ ...cookie, url: origin })));
      const page = await context.newPage();
      await page.addInitScript({ content: documentOpenProbe(options.selectors) });
      await page.goto(options.pageUrl);
      for (const selector of options.ready) await page.waitForSelector(selector, { timeout: options.timeoutMs });
      await page.locator(`${options.selectors.choice} button`).first().click();
      const marks = await waitForOpen(page, options.timeoutMs);
      if (!marks) {
        failures.push(`load ${repeat + 1}: no highlight drawn within ${options.timeoutMs} ms of the click`);
        break;
      }
      await sleep(SETTLE_MS);
      const highlightsSettled = await page.locator(options.selectors.highlight).count();
      const cdp = await context.newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      const heapUsedMiB = (await cdp.send("Runtime.getHeapUsage")).usedSize / 2 ** 20;
      loads.push({ ...marks, heapUsedMiB, highlightsSettled });
    } finally {
      await context.close();
    }
  }
  return { loads, failures };
}

/** A function, not a string: Watchfloor's Content-Security-Policy forbids eval. */
async function waitForOpen(page: Page, timeoutMs: number): Promise<DocumentOpenMarks | null> {
  try {
    const handle = await page.waitForFunction(
      (key) => (window as unknown as Record<string, unknown>)[key],
      DOCUMENT_OPEN_DONE,
      { timeout: timeoutMs, polling: 100 },
    );
    return (await handle.jsonValue()) as DocumentOpenMarks;
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return null;
    throw error;
  }
}
