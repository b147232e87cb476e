// The browser half of scenario 5: Watchfloor's board page (the production build, signed in as a viewer)
// against a static page taking the same snapshot from the bare baseline server, both in Chromium.
// BENCH_APP_DIR serves Watchfloor (pages and server) from another checkout with its own build, e.g. a
// worktree of an earlier commit, for before/after numbers; with --profile each load is CPU-profiled.
import { existsSync } from "node:fs";
import path from "node:path";
import { startBaselineBoardPage } from "../support/baseline-board-page";
import type { PageMarks } from "../support/board-load-watcher";
import { signInAt } from "../support/cast";
import { launchChromium, loadBoardInChromium, parseCookieHeader } from "../support/chromium-board-load";
import type { LargeBoard } from "../support/large-board";
import type { PageProfileSummary } from "../support/page-profile";
import { pageServerProblem, startPageServer } from "../support/page-server";
import { round, summarize } from "../support/stats";
import { type BenchContext, freePort, type Row } from "./common";

export type ChromiumOptions = {
  slug: string;
  boardId: string;
  board: LargeBoard;
  viewer: { email: string; password: string };
  baselineUrl: string;
  snapshotBytes: number;
  repeats: number;
  timeoutMs: number;
};

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

export type ChromiumResult = { rows: Row[]; notes: string[]; loads: number; completeP50Ms: number | null };

export async function measureChromium(context: BenchContext, options: ChromiumOptions): Promise<ChromiumResult> {
  const executable = chromiumPath();
  const appDir = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : undefined;
  const problem = executable ? pageServerProblem(appDir) : "no Chromium (set CHROMIUM_PATH)";
  if (!executable || problem)
    return { rows: [], notes: [`Not measured in Chromium: ${problem}.`], loads: 0, completeP50Ms: null };
  const common = {
    largeFrameChars: Math.floor(options.snapshotBytes * 0.9),
    repeats: options.repeats,
    timeoutMs: options.timeoutMs,
  };
  const browser = await launchChromium(executable);
  const pages = await startPageServer({ databaseUrl: context.databaseUrl, port: await freePort(), root: appDir });
  try {
    const cookies = parseCookieHeader(await signInAt(pages.url, options.viewer));
    const wf = await loadBoardInChromium(browser, {
      ...common,
      pageUrl: `${pages.url}/boards/${options.slug}`,
      cookies,
      charts: options.board.indicators,
      listsThreads: options.board.annotations > 0,
      profile: Boolean(process.env.BENCH_CPU_PROFILE_DIR),
    });
    // Stopped before the baseline's loads, so an idle Next server does not share their CPU (stop is idempotent).
    await pages.stop();
    const basePage = await startBaselineBoardPage(options.baselineUrl, options.boardId);
    const base = await loadBoardInChromium(browser, {
      ...common,
      pageUrl: basePage.url,
      cookies: [],
      charts: 0,
      listsThreads: false,
    });
    await basePage.stop();
    const complete = times(wf.loads, (load) => load.completeMs);
    return {
      rows: chromiumRows(wf.loads, base.loads, wf.heapUsedMiB, base.heapUsedMiB),
      notes: [
        ...(appDir ? [`Watchfloor's pages and server in Chromium came from ${appDir}.`] : []),
        ...chromiumNotes(wf.loads, options),
        ...wf.profiles.map(describeLoadProfile),
        ...(wf.socketComplaints
          ? [`Watchfloor's page logged ${wf.socketComplaints} WebSocket failures (dropped or refused) while loading.`]
          : []),
      ],
      loads: wf.loads.length,
      completeP50Ms: complete.length ? summarize(complete).p50 : null,
    };
  } finally {
    await pages.stop();
    await browser.close();
  }
}

type Mark = (load: PageMarks) => number | null;
const times = (loads: PageMarks[], mark: Mark) => loads.map(mark).filter((value): value is number => value !== null);

/** A row per mark Watchfloor's page reached; a load that never completed has no "complete" row. */
function chromiumRows(wf: PageMarks[], base: PageMarks[], wfHeap: number, baseHeap: number): Row[] {
  const marks: [label: string, mark: Mark, stat: "p50" | "max"][] = [
    ["snapshot frame received p50", (load) => load.snapshotFrameMs, "p50"],
    ["board in the DOM p50", (load) => load.gridMs, "p50"],
    ["board complete on screen p50", (load) => load.completeMs, "p50"],
    ["board complete on screen max", (load) => load.completeMs, "max"],
  ];
  const rows: Row[] = marks
    .filter(([, mark]) => times(wf, mark).length > 0)
    .map(([label, mark, stat]) => ({
      metric: `Chromium: navigation → ${label}`,
      unit: "ms",
      watchfloor: summarize(times(wf, mark))[stat],
      baseline: times(base, mark).length ? summarize(times(base, mark))[stat] : null,
    }));
  if (wfHeap > 0) {
    const metric = "Chromium: tab JS heap after load (after GC)";
    rows.push({ metric, unit: "MiB", watchfloor: round(wfHeap), baseline: baseHeap > 0 ? round(baseHeap) : null });
  }
  return rows;
}

function chromiumNotes(loads: PageMarks[], options: ChromiumOptions): string[] {
  const { board } = options;
  const notes = [
    "In Chromium, complete means: every thread's data is applied and the board grid is in the DOM, the thread " +
      "list shows threads, every indicator chart has drawn its line, and the next frame has been painted. Each " +
      "load is a fresh browser context (nothing cached) signed in as a viewer. The baseline page only puts one " +
      "line about the snapshot on screen — no React, no charts, no thread list — so its ratio is the cost of " +
      "Watchfloor's page over transport and parsing alone.",
  ];
  const last = loads.at(-1);
  if (!last) return notes;
  const at = (value: number | null) => (value === null ? "not yet" : `at ${round(value, 0)} ms`);
  if (last.completeMs === null) {
    notes.push(
      `Watchfloor's page was not complete ${round(options.timeoutMs / 1000, 0)} s after navigation started, so ` +
        `it was loaded once: the snapshot's frame had arrived ${at(last.snapshotFrameMs)}, the board was in the ` +
        `DOM ${at(last.gridMs)}.`,
    );
    return notes;
  }
  // The annotations list shows the newest threads 200 at a time ("Show 200 more"), with their replies.
  // The thread list is virtualized: it puts in the DOM the threads on screen, not the board's thousands.
  if (last.annotations === 0 && board.annotations > 0)
    notes.push(`The page showed none of the board's ${board.annotations} annotations.`);
  else if (last.annotations < board.annotations)
    notes.push(
      `The thread list is virtualized: ${last.annotations} of the board's ${board.annotations} annotations ` +
        "were in the DOM on load (those on screen); every chart marker and count covers all of them.",
    );
  const p50 = (mark: Mark) => summarize(times(loads, mark)).p50;
  const frame = p50((load) => load.snapshotFrameMs);
  const grid = p50((load) => load.gridMs);
  notes.push(
    `In the page (p50): the snapshot's frame arrived ${round(frame, 0)} ms after navigation started; parsing it ` +
      `and rendering the board (${board.topLevelAnnotations} threads) took ${round(grid - frame, 0)} ms more; ` +
      `the charts ${round(p50((load) => load.completeMs) - grid, 0)} ms after that.`,
  );
  return notes;
}

/** One line per profiled load: the page's busy time from navigation to complete, by part of its code. */
function describeLoadProfile(profile: PageProfileSummary, index: number): string {
  const parts = profile.parts
    .slice(0, 7)
    .map(({ part, ms }) => `${part} ${round(ms, 0)} ms (${Math.round((ms / Math.max(profile.busyMs, 1)) * 100)} %)`);
  return (
    `CPU profile of load ${index + 1} (V8 sampling through CDP, navigation to complete): the page's main thread ` +
    `was busy ${round(profile.busyMs, 0)} of ${round(profile.wallMs, 0)} ms: ${parts.join("; ")}.`
  );
}
