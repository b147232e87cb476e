// Scenario 7, click to colleague's screen (issue 11): two Chromium pages on one board, Alice and Bob, each
// signed in in a context of its own. Alice types a note and clicks "Add"; the time is from that click
// (the event's own timeStamp in Alice's page) until Bob's page shows the text (a MutationObserver in it),
// on the demo board and on boards of 2,000 and 20,000 threads. The baseline is the same pair of pages on
// a bare Socket.IO server: a form that emits and a list that gets a text node — transport and browser, no
// app. BENCH_APP_DIR serves Watchfloor's pages from another checkout (e.g. a worktree of an earlier
// commit, for before/after numbers); the bench's own code and database stay this checkout's.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser } from "@playwright/test";
import { demoBoardData } from "@/server/seed/demo-board-data";
import { DEMO_PASSWORD } from "@/server/seed/seed-demo-board";
import { startTestApp } from "../../tests/support/test-app";
import { startBaselineClickPage } from "../support/baseline-click-page";
import { prepareCast, signInAt } from "../support/cast";
import { launchChromium, parseCookieHeader } from "../support/chromium-board-load";
import { type ClickPair, type ClickSample, clickSeries, clockError, openPair } from "../support/click-pages";
import { fillLargeBoard, type LargeBoardSizes } from "../support/large-board";
import { describePageProfile, type PageProfileSummary, profilePages } from "../support/page-profile";
import { pageServerProblem, startPageServer } from "../support/page-server";
import { describePageTrace, type PageTraceSummary, tracePages } from "../support/page-trace";
import { startBaselineServer } from "../support/processes";
import { type LatencySummary, round, summarize } from "../support/stats";
import { chromiumPath } from "./board-load-chromium";
import { type BenchContext, freePort, loadAverage, notRunResult, type Row, type ScenarioResult } from "./common";

const ID = "click-to-screen";
const TITLE = "7. Click to colleague's screen: Alice clicks “Add”, the text on Bob's screen (Chromium)";
const TARGET =
  "median ≤ 50 ms and max ≤ 150 ms from click to Bob's DOM at 2,000 threads; median ≤ 100 ms at 20,000 threads";

type Analyst = { email: string; password: string };
/** A board to measure on: the seeded demo board, or a cast's board filled to `sizes`. */
type BoardPlan = { key: string; label: string; sizes: LargeBoardSizes | "demo"; warmups: number; clicks: number };
type Board = { plan: BoardPlan; slug: string; threads: number; alice: Analyst; bob: Analyst };

/** Every fifth annotation large-board.ts writes is a reply: 2,500 annotations are 2,000 threads. */
const FULL: BoardPlan[] = [
  { key: "demo", label: "demo board", sizes: "demo", warmups: 3, clicks: 30 },
  {
    key: "2k",
    label: "2,000 threads",
    sizes: { annotations: 2_500, observations: 2_000, indicators: 3, events: 20 },
    warmups: 3,
    clicks: 30,
  },
  {
    key: "20k",
    label: "20,000 threads",
    sizes: { annotations: 25_000, observations: 10_000, indicators: 5, events: 40 },
    warmups: 3,
    clicks: 20,
  },
];
/** The smoke run: the same path on the demo board only (a filled board is large-board.ts's, run by board-load). */
const QUICK: BoardPlan[] = [{ key: "demo", label: "demo board", sizes: "demo", warmups: 1, clicks: 3 }];
/** Between notes, so one note's aftermath (acks, re-renders, GC) is not inside the next one's time. */
const PAUSE_MS = 250;
const CLICK_TIMEOUT_MS = 60_000;
const READY_TIMEOUT_MS = 180_000;

/** What one series of clicks gave: the times, and with --profile where the pages' CPU time went. */
type Series = {
  samples: ClickSample[];
  profiles: PageProfileSummary[];
  traces: PageTraceSummary[];
  clockErrorsMs: number[];
  hidden: boolean;
};

export async function runClickToScreen(context: BenchContext): Promise<ScenarioResult> {
  const executable = chromiumPath();
  const appDir = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : undefined;
  const problem = executable ? pageServerProblem(appDir) : "no Chromium (set CHROMIUM_PATH)";
  if (!executable || problem) return notRunResult(ID, TITLE, `Not run: ${problem}.`);
  const started = loadAverage();
  const plans = context.quick ? QUICK : FULL;
  const fillBegan = performance.now();
  const boards: Board[] = [];
  for (const plan of plans) boards.push(await prepareBoard(context, plan));
  context.log(`click-to-screen: boards ready in ${round((performance.now() - fillBegan) / 1000, 1)} s`);
  const profiling = Boolean(process.env.BENCH_CPU_PROFILE_DIR);
  const browser = await launchChromium(executable);
  const measured = new Map<string, Series>();
  const notes: string[] = [];
  let baseline: Series | null = null;
  try {
    const pages = await startPageServer({
      databaseUrl: context.databaseUrl,
      port: await freePort(),
      root: appDir,
      cpuProfileDir: process.env.BENCH_CPU_PROFILE_DIR,
    });
    try {
      for (const board of boards) {
        context.log(`click-to-screen: ${board.plan.label} (${board.threads} threads)`);
        const series = await measureBoard(browser, pages.url, board, profiling).catch((error: unknown) => {
          notes.push(`Not measured on the ${board.plan.label}: ${String(error).slice(0, 300)}`);
          return null;
        });
        if (series) measured.set(board.plan.key, series);
      }
    } finally {
      await pages.stop();
    }
    context.log("click-to-screen: the baseline pages");
    const clicks = Math.max(...plans.map((plan) => plan.clicks));
    baseline = await measureBaseline(browser, { warmups: plans[0]?.warmups ?? 1, clicks }).catch((error: unknown) => {
      notes.push(`The baseline was not measured: ${String(error).slice(0, 300)}`);
      return null;
    });
  } finally {
    await browser.close();
  }
  const rows = boards.flatMap((board) => {
    const series = measured.get(board.plan.key);
    return series ? boardRows(board, series, baseline) : [];
  });
  return {
    id: ID,
    title: TITLE,
    status: "ran",
    loadAverage: started,
    parameters: {
      app: await describeApp(appDir),
      ...Object.fromEntries(boards.map((board) => [`threads (${board.plan.key})`, board.threads])),
      ...Object.fromEntries(plans.map((plan) => [`clicks timed (${plan.key})`, plan.clicks])),
      warmupClicks: plans[0]?.warmups ?? 0,
      pauseBetweenNotesMs: PAUSE_MS,
    },
    rows,
    target: TARGET,
    met: context.quick ? null : judge(measured),
    notes: [...notes, ...methodNotes(measured, baseline), ...profileNotes(boards, measured)],
    usage: {},
  };
}

async function prepareBoard(context: BenchContext, plan: BoardPlan): Promise<Board> {
  if (plan.sizes === "demo") {
    // The demo board as a fresh install seeds it, with its analysts Alice (owner) and Bob (editor).
    const app = await startTestApp({ databaseUrl: context.databaseUrl, seedDemo: true });
    await app.stop();
    const analyst = (email: string) => ({ email, password: DEMO_PASSWORD });
    return {
      plan,
      slug: demoBoardData.slug,
      threads: demoBoardData.annotations.length,
      alice: analyst("alice@watchfloor.test"),
      bob: analyst("bob@watchfloor.test"),
    };
  }
  const cast = await prepareCast(context.databaseUrl, { editors: 2, viewers: 0 });
  const [alice, bob] = cast.editors;
  if (!alice || !bob) throw new Error("the cast has no two editors");
  const filled = await fillLargeBoard(context.databaseUrl, cast, plan.sizes);
  return { plan, slug: cast.board.slug, threads: filled.topLevelAnnotations, alice, bob };
}

async function measureBoard(browser: Browser, pagesUrl: string, board: Board, profiling: boolean): Promise<Series> {
  const side = async (analyst: Analyst) => ({
    url: `${pagesUrl}/boards/${board.slug}`,
    cookies: parseCookieHeader(await signInAt(pagesUrl, analyst)),
  });
  const pair = await openPair(browser, {
    writer: await side(board.alice),
    reader: await side(board.bob),
    ready: '[data-testid="connection"].connection-live',
    timeoutMs: READY_TIMEOUT_MS,
  });
  try {
    return await timedSeries(pair, { ...board.plan, label: board.plan.key, profiling });
  } finally {
    await pair.close();
  }
}

async function measureBaseline(browser: Browser, counts: { warmups: number; clicks: number }): Promise<Series> {
  const server = await startBaselineServer();
  const boardId = crypto.randomUUID();
  const page = await startBaselineClickPage(server.url, boardId);
  try {
    const side = { url: page.url, cookies: [] };
    const pair = await openPair(browser, {
      writer: side,
      reader: side,
      ready: 'body[data-joined="true"]',
      timeoutMs: READY_TIMEOUT_MS,
    });
    try {
      return await timedSeries(pair, { label: "baseline", ...counts, profiling: false });
    } finally {
      await pair.close();
    }
  } finally {
    await page.stop();
    await server.stop();
  }
}

/** Warm-up notes, then the timed ones (profiled in both pages with --profile). */
async function timedSeries(
  pair: ClickPair,
  options: { label: string; warmups: number; clicks: number; profiling: boolean },
): Promise<Series> {
  const clockErrorsMs = [await clockError(pair.writer), await clockError(pair.reader)];
  const hidden = (await pair.reader.evaluate(() => document.visibilityState)) !== "visible";
  const common = { label: options.label, pauseMs: PAUSE_MS, timeoutMs: CLICK_TIMEOUT_MS };
  await clickSeries(pair, { ...common, warmups: options.warmups, count: 0 });
  const pages = [
    { name: "Alice's page", page: pair.writer },
    { name: "Bob's page", page: pair.reader },
  ];
  const browser = pair.reader.context().browser();
  const profiler = options.profiling ? await profilePages(pages) : null;
  const tracer = options.profiling && browser ? await tracePages(browser, pages) : null;
  const samples = await clickSeries(pair, { ...common, warmups: 0, count: options.clicks });
  const traces = tracer ? await tracer.stop() : [];
  const profiles = profiler ? await profiler.stop() : [];
  return { samples, profiles, traces, clockErrorsMs, hidden };
}

const numbers = (values: (number | null)[]) => values.filter((value): value is number => value !== null);

function boardRows(board: Board, series: Series, baseline: Series | null): Row[] {
  const label = `${board.plan.label} (${board.threads.toLocaleString("en")} threads)`;
  const wf = summarize(series.samples.map((sample) => sample.toDom));
  const base = baseline ? summarize(baseline.samples.map((sample) => sample.toDom)) : null;
  const part = (name: string, read: (sample: ClickSample) => number | null): Row => ({
    metric: `${label}: ${name} p50`,
    unit: "ms",
    watchfloor: summarize(numbers(series.samples.map(read))).p50,
    baseline: baseline ? summarize(numbers(baseline.samples.map(read))).p50 : null,
  });
  return [
    ...(["p50", "p95", "max"] as const).map((key) => ({
      metric: `${label}: click → text in Bob's DOM ${key}`,
      unit: "ms",
      watchfloor: wf[key],
      baseline: base ? base[key] : null,
    })),
    part("click → Bob's next frame painted", (sample) => sample.toPaint),
    part("in Alice's page (click → WebSocket send)", (sample) => sample.clickToSend),
    part("server and network (Alice's send → Bob's frame)", (sample) => sample.sendToFrame),
    part("in Bob's page (frame → text in DOM)", (sample) => sample.frameToDom),
  ];
}

function judge(measured: Map<string, Series>): boolean | null {
  const at = (key: string): LatencySummary | null => {
    const series = measured.get(key);
    return series ? summarize(series.samples.map((sample) => sample.toDom)) : null;
  };
  const twoThousand = at("2k");
  const twentyThousand = at("20k");
  if (!twoThousand || !twentyThousand) return null;
  return twoThousand.p50 <= 50 && twoThousand.max <= 150 && twentyThousand.p50 <= 100;
}

function methodNotes(measured: Map<string, Series>, baseline: Series | null): string[] {
  const all = [...measured.values(), ...(baseline ? [baseline] : [])];
  const errors = all.flatMap((series) => series.clockErrorsMs);
  const spread = errors.length ? round(Math.max(...errors) - Math.min(...errors), 2) : 0;
  const notes = [
    "One note at a time: Alice's page (an editor) types a unique text into the composer and Playwright clicks " +
      "“Add”; a capturing click listener in her page stamps the click event's own timeStamp, a MutationObserver " +
      "in Bob's page stamps the first DOM change that shows the text (anywhere in the page), and a task after " +
      "the next animation frame stamps the paint. The next note waits until Bob's page showed this one and " +
      `Alice's composer took its ack, then ${PAUSE_MS} ms. Warm-up notes are not counted. The parts split the ` +
      "time at Alice's WebSocket send and Bob's WebSocket frame carrying the text; the frame is stamped when " +
      "Bob's page's main thread takes the message, so a page still busy with earlier work counts there too.",
    "One clock: every stamp is `performance.timeOrigin + performance.now()` in its page. Both pages run in " +
      "one Chromium, each in a context (and renderer process) of its own; checked against the system clock " +
      `(Date.now()) in every page before its notes, the pages' clocks differed by at most ${spread} ms.`,
  ];
  if (all.some((series) => series.hidden))
    notes.push("Bob's page reported itself hidden (document.visibilityState), so its frames may be throttled.");
  return notes;
}

function profileNotes(boards: Board[], measured: Map<string, Series>): string[] {
  return boards.flatMap((board) => {
    const series = measured.get(board.plan.key);
    if (!series) return [];
    const context = `${board.plan.label}, ${series.samples.length} timed notes`;
    return [
      ...series.traces.map((trace) => describePageTrace(trace, series.samples.length, context)),
      ...series.profiles.map((profile) => describePageProfile(profile, series.samples.length, context)),
    ];
  });
}

/** Which Watchfloor served the pages: this checkout, or BENCH_APP_DIR and its commit. */
async function describeApp(appDir: string | undefined): Promise<string> {
  const dir = appDir ?? path.resolve(import.meta.dirname, "../..");
  const git = (...args: string[]) =>
    promisify(execFile)("git", ["-C", dir, ...args]).then(
      ({ stdout }) => stdout.trim(),
      () => "",
    );
  const commit = await git("rev-parse", "--short", "HEAD");
  const dirty = (await git("status", "--porcelain", "--", "app", "components", "lib", "server")) !== "";
  return `${appDir ?? "this checkout"} at ${commit || "unknown commit"}${dirty ? " with uncommitted changes" : ""}`;
}
