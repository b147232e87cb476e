// Opening a document with its highlights (issue 14): a board with one source whose document is the
// re-anchoring scenario's 200 KiB report and 1,000 passage notes on it, all written over the socket as
// analysts write them. In Chromium, against the production build, a viewer opens the board, waits until
// it is live, and clicks the document's entry in the Documents list; the page's own clock says when the
// text and the first highlights were on screen. The baseline is a static page fetching the same text and
// spans as JSON and drawing all of them as <mark>s in plain DOM code. Target ≤ 1 s to highlights drawn.
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { startBaselineDocumentPage } from "../support/baseline-document-page";
import { prepareCast, signInAt } from "../support/cast";
import { launchChromium, parseCookieHeader } from "../support/chromium-board-load";
import { type DocumentOpenLoad, openDocumentInChromium } from "../support/chromium-document-open";
import { pageServerProblem, startPageServer } from "../support/page-server";
import { passageDocument, writePassageDocument } from "../support/passage-document";
import { round, summarize } from "../support/stats";
import { chromiumPath } from "./board-load-chromium";
import { type BenchContext, freePort, loadAverage, notRunResult, type Row, type ScenarioResult } from "./common";

const ID = "document-open";
const TITLE = "Opening a document with its passage highlights in Chromium";
const TARGET_MS = 1000;
const FULL = { bytes: 200 * 1024, passages: 1000, loads: 5 };
const QUICK = { bytes: 20 * 1024, passages: 100, loads: 1 };
const TIMEOUT_MS = 60_000;
const SELECTORS = {
  choice: '[data-testid="document-choice"]',
  text: '[data-testid="document-text"]',
  highlight: '[data-testid="highlight"]',
};

export async function runDocumentOpen(context: BenchContext): Promise<ScenarioResult> {
  const executable = chromiumPath();
  const problem = executable ? pageServerProblem() : "no Chromium (set CHROMIUM_PATH)";
  if (!executable || problem) return notRunResult(ID, TITLE, `Not run: ${problem}.`);
  const started = loadAverage();
  const plan = context.quick ? QUICK : FULL;
  const { text, spans } = passageDocument(plan.bytes, plan.passages);
  const cast = await prepareCast(context.databaseUrl, { editors: 1, viewers: 1 });
  const [editor] = cast.editors;
  const [viewer] = cast.viewers;
  if (!editor || !viewer) throw new Error("no cast");
  const app = await describeBuild();
  const browser = await launchChromium(executable);
  try {
    const pages = await startPageServer({
      databaseUrl: context.databaseUrl,
      port: await freePort(),
      cpuProfileDir: process.env.BENCH_CPU_PROFILE_DIR,
    });
    let wf: Awaited<ReturnType<typeof openDocumentInChromium>>;
    try {
      const began = performance.now();
      await writePassageDocument({
        url: pages.url,
        editorCookie: await signInAt(pages.url, editor),
        boardId: cast.board.id,
        title: "Sitrep 200",
        text,
        spans,
      });
      context.log(`${ID}: ${spans.length} passages written in ${round((performance.now() - began) / 1000, 1)} s`);
      wf = await openDocumentInChromium(browser, {
        pageUrl: `${pages.url}/boards/${cast.board.slug}`,
        cookies: parseCookieHeader(await signInAt(pages.url, viewer)),
        ready: ['[data-testid="connection"].connection-live', `${SELECTORS.choice} button`],
        selectors: SELECTORS,
        repeats: plan.loads,
        timeoutMs: TIMEOUT_MS,
      });
    } finally {
      // Stopped before the baseline's loads, so an idle Next server does not share their CPU.
      await pages.stop();
    }
    const basePage = await startBaselineDocumentPage({ text, spans });
    const base = await openDocumentInChromium(browser, {
      pageUrl: basePage.url,
      cookies: [],
      ready: [`${SELECTORS.choice} button`],
      selectors: SELECTORS,
      repeats: plan.loads,
      timeoutMs: TIMEOUT_MS,
    }).finally(() => basePage.stop());
    const drawn = (loads: DocumentOpenLoad[]) => since(loads, (load) => load.highlightPaintedMs);
    const wfP50 = drawn(wf.loads).length ? summarize(drawn(wf.loads)).p50 : null;
    const baseP50 = drawn(base.loads).length ? summarize(drawn(base.loads)).p50 : null;
    const notes = [
      "Each load is a fresh browser context signed in as a viewer; the clock starts at the click on the " +
        "document's entry (a capture listener in the page) and stops when a highlight inside the text box has " +
        "been painted, all in the page's performance.now(). Watchfloor reads the text over the board's socket " +
        "(source:read) and already holds the passage notes from the snapshot; the baseline fetches text and " +
        "spans as one JSON and draws every paragraph and mark, unvirtualized.",
      ...wf.failures.map((failure) => `Watchfloor: ${failure}.`),
      ...base.failures.map((failure) => `Baseline: ${failure}.`),
    ];
    if (wfP50 !== null && baseP50 !== null)
      notes.push(
        `Click → highlights drawn, p50: Watchfloor ${round(wfP50, 0)} ms, ${round(wfP50 / Math.max(baseP50, 0.01), 1)}× ` +
          `the bare page's ${round(baseP50, 0)} ms; target ≤ ${TARGET_MS} ms ${wfP50 <= TARGET_MS ? "met" : "missed"}.`,
      );
    return {
      id: ID,
      title: `${TITLE} (${round(text.length / 1024, 0)} KiB, ${spans.length.toLocaleString("en")} passages)`,
      status: "ran",
      loadAverage: started,
      parameters: {
        app,
        documentCodeUnits: text.length,
        passages: spans.length,
        loads: plan.loads,
      },
      rows: rowsFor(wf.loads, base.loads),
      target: `≤ ${TARGET_MS / 1000} s from the click to the document's highlights drawn (p50)`,
      met: wfP50 === null ? false : wfP50 <= TARGET_MS,
      notes,
      usage: {},
    };
  } finally {
    await browser.close();
  }
}

type Mark = (load: DocumentOpenLoad) => number | null;

/** Each load's time from its click to the mark, for the loads that reached it. */
const since = (loads: DocumentOpenLoad[], mark: Mark) =>
  loads.flatMap((load) => {
    const at = mark(load);
    return at === null || load.clickMs === null ? [] : [at - load.clickMs];
  });

function rowsFor(wf: DocumentOpenLoad[], base: DocumentOpenLoad[]): Row[] {
  const timed: [label: string, mark: Mark, stat: "p50" | "max"][] = [
    ["click → text shown (painted) p50", (load) => load.textPaintedMs, "p50"],
    ["click → highlights drawn (painted) p50", (load) => load.highlightPaintedMs, "p50"],
    ["click → highlights drawn (painted) max", (load) => load.highlightPaintedMs, "max"],
  ];
  const rows: Row[] = timed
    .filter(([, mark]) => since(wf, mark).length > 0)
    .map(([label, mark, stat]) => ({
      metric: `Chromium: ${label}`,
      unit: "ms",
      watchfloor: summarize(since(wf, mark))[stat],
      baseline: since(base, mark).length ? summarize(since(base, mark))[stat] : null,
    }));
  const last = (loads: DocumentOpenLoad[]) => loads.at(-1);
  const wfLast = last(wf);
  const baseLast = last(base);
  if (wfLast) {
    rows.push({
      metric: "highlight elements in the DOM (settled, last load)",
      unit: "elements",
      watchfloor: wfLast.highlightsSettled,
      baseline: baseLast?.highlightsSettled ?? null,
    });
    rows.push({
      metric: "tab JS heap with the document open (after GC, last load)",
      unit: "MiB",
      watchfloor: round(wfLast.heapUsedMiB),
      baseline: baseLast ? round(baseLast.heapUsedMiB) : null,
    });
  }
  return rows;
}

/** The commit the pages were built from is not recorded in `.next`: say HEAD, whether the tree differs, and when the build was made. */
async function describeBuild(): Promise<string> {
  const root = path.resolve(import.meta.dirname, "../..");
  const git = (...args: string[]) =>
    promisify(execFile)("git", ["-C", root, ...args]).then(
      ({ stdout }) => stdout.trim(),
      () => "",
    );
  const commit = await git("rev-parse", "--short", "HEAD");
  const dirty = (await git("status", "--porcelain", "--", "app", "components", "lib")) !== "";
  const built = await stat(path.join(root, ".next", "BUILD_ID")).then(
    (info) => info.mtime.toISOString().slice(0, 16),
    () => "unknown",
  );
  return `HEAD ${commit || "unknown"}${dirty ? " with uncommitted changes" : ""}, .next built ${built}Z`;
}
