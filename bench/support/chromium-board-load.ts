// Loads a board page in the system Chromium (never a downloaded one; the browser tests' flags)
// and reads the in-page clock (board-load-watcher.ts): each load in a fresh browser context, so nothing is
// cached, like an analyst opening the board for the first time. Also the tab's JS heap after the last load.
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../tests/support/chromium-flags";
import { boardLoadWatcher, type PageMarks } from "./board-load-watcher";
import { type PageProfileSummary, profilePages } from "./page-profile";

export type ChromiumBoardLoad = {
  loads: PageMarks[];
  heapUsedMiB: number;
  socketComplaints: number;
  /** With `profile`: where the page's main thread spent each complete load, from navigation on. */
  profiles: PageProfileSummary[];
};

export type ChromiumLoadOptions = {
  pageUrl: string;
  /** Session cookies for the page's origin (none for the baseline page). */
  cookies: { name: string; value: string }[];
  /** Indicator charts that must have drawn; 0 for the baseline page, which draws none. */
  charts: number;
  /** Whether the page must list threads to be complete (not the baseline page, which lists none). */
  listsThreads: boolean;
  /** A WebSocket frame at least this long is taken for the join answer with the snapshot. */
  largeFrameChars: number;
  repeats: number;
  /** How long one load may take before it counts as not complete. */
  timeoutMs: number;
  /** Records a V8 CPU profile of each load (CDP), from navigation until complete. */
  profile?: boolean;
};

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Past this, one load is the measurement: repeating it would cost minutes and say the same. */
const SLOW_LOAD_MS = 60_000;

/**
 * Up to `repeats` loads, each in a fresh context, with the heap read after each. A load that is not complete
 * within the timeout ends the series: its marks say how far it got (completeMs null), and the heap is not
 * read (0). The page's complaints about its WebSocket (dropped, refused) are counted over all loads.
 */
export async function loadBoardInChromium(browser: Browser, options: ChromiumLoadOptions): Promise<ChromiumBoardLoad> {
  const loads: PageMarks[] = [];
  let heapUsedMiB = 0;
  let socketComplaints = 0;
  const profiles: PageProfileSummary[] = [];
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    try {
      const { page, profiler } = await openBoard(context, options, () => socketComplaints++);
      const complete = await waitForMarks(page, "__boardLoad", options.timeoutMs);
      if (complete && profiler) profiles.push(...(await profiler.stop()));
      if (!complete) {
        loads.push((await waitForMarks(page, "__boardMarks", 10_000)) ?? UNKNOWN_MARKS);
        heapUsedMiB = 0;
        break;
      }
      loads.push(complete);
      const cdp = await context.newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      heapUsedMiB = (await cdp.send("Runtime.getHeapUsage")).usedSize / 2 ** 20;
      if ((complete.completeMs ?? 0) > SLOW_LOAD_MS) break;
    } finally {
      await context.close();
    }
  }
  return { loads, heapUsedMiB, socketComplaints, profiles };
}

const UNKNOWN_MARKS: PageMarks = { snapshotFrameMs: null, gridMs: null, completeMs: null, charts: 0, annotations: 0 };

async function openBoard(context: BrowserContext, options: ChromiumLoadOptions, onSocketComplaint: () => void) {
  const origin = new URL(options.pageUrl).origin;
  await context.addCookies(options.cookies.map((cookie) => ({ ...cookie, url: origin })));
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() !== "log" && message.text().includes("WebSocket")) onSocketComplaint();
  });
  await page.addInitScript({ content: boardLoadWatcher(options) });
  const profiler = options.profile ? await profilePages([{ name: "the board page", page }]) : null;
  await page.goto(options.pageUrl, { waitUntil: "commit" });
  return { page, profiler };
}

/**
 * The watcher's marks once `window[name]` is set, or null after `timeoutMs` (also when the page is too
 * busy to answer). The watcher stamps its own times; this only collects them. A function, not a string:
 * the page's Content-Security-Policy forbids eval.
 */
async function waitForMarks(page: Page, name: "__boardLoad" | "__boardMarks", timeoutMs: number) {
  try {
    const handle = await page.waitForFunction((key) => (window as unknown as Record<string, unknown>)[key], name, {
      timeout: timeoutMs,
      polling: 250,
    });
    return (await handle.jsonValue()) as PageMarks;
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return null;
    throw error;
  }
}

/** "a=1; b=2" (what signInAt answers) as Playwright cookies. */
export function parseCookieHeader(header: string): { name: string; value: string }[] {
  return header
    .split(";")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1) };
    });
}
