// With --profile, the click-to-screen scenario also records a Chromium trace (the Performance panel's
// categories) over the timed notes, and sums each page's main-thread time by kind of work — scripting,
// style, layout, paint, garbage collection — which a JS CPU profile lumps together as "(program)".
import type { Browser, Page } from "@playwright/test";
import { round } from "./stats";

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};

export type PageTraceSummary = { page: string; busyMs: number; kinds: { kind: string; ms: number }[] };

const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing"];
const MARK = "click-to-screen page";

/** Checked in order against an event's name; the first match says what kind of work its own time was. */
const KINDS: [kind: string, test: RegExp][] = [
  ["garbage collection", /GC/],
  ["style", /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/],
  ["layout", /^(Layout|UpdateLayout|IntersectionObserverController::computeIntersections)$/],
  ["paint and compositing", /^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|CompositeLayers|Commit|Decode)/],
  [
    "scripting",
    /^(FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|v8\.|V8\.|HandlePostMessage|FireIdleCallback|ParseHTML)/,
  ],
];

/** Starts a browser-wide trace; `stop` ends it and sums the given pages' main threads. */
export async function tracePages(browser: Browser, pages: { name: string; page: Page }[]) {
  await browser.startTracing(undefined, { categories: CATEGORIES });
  // A user-timing mark in each page says which renderer process is whose.
  for (const { name, page } of pages) await page.evaluate((mark) => performance.mark(mark), `${MARK} ${name}`);
  return {
    stop: async (): Promise<PageTraceSummary[]> => {
      const trace = JSON.parse((await browser.stopTracing()).toString()) as
        | { traceEvents: TraceEvent[] }
        | TraceEvent[];
      const events = Array.isArray(trace) ? trace : trace.traceEvents;
      return pages.flatMap(({ name }) => summarizeMainThread(events, name));
    },
  };
}

function summarizeMainThread(events: TraceEvent[], name: string): PageTraceSummary[] {
  const pid = events.find((event) => event.name === `${MARK} ${name}`)?.pid;
  const tid = events.find(
    (event) =>
      event.pid === pid && event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain",
  )?.tid;
  if (pid === undefined || tid === undefined) return [];
  const spans = events
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === "X" && (event.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Each span's own time is its duration less its children's: nesting is by time on one thread.
  const own = new Map<TraceEvent, number>();
  const open: TraceEvent[] = [];
  let busyUs = 0;
  for (const span of spans) {
    let parent = open.at(-1);
    while (parent && parent.ts + (parent.dur ?? 0) <= span.ts) {
      open.pop();
      parent = open.at(-1);
    }
    if (parent) own.set(parent, (own.get(parent) ?? 0) - (span.dur ?? 0));
    else busyUs += span.dur ?? 0;
    own.set(span, (own.get(span) ?? 0) + (span.dur ?? 0));
    open.push(span);
  }
  const byKind = new Map<string, number>();
  for (const [span, us] of own) {
    const kind = KINDS.find(([, test]) => test.test(span.name))?.[0] ?? "other (task scheduling, IPC, …)";
    byKind.set(kind, (byKind.get(kind) ?? 0) + us);
  }
  const kinds = [...byKind].map(([kind, us]) => ({ kind, ms: round(us / 1000) })).sort((a, b) => b.ms - a.ms);
  return [{ page: name, busyMs: round(busyUs / 1000), kinds }];
}

/** One line for the report: the page's main-thread time per note, by kind of work. */
export function describePageTrace(summary: PageTraceSummary, notes: number, context: string): string {
  const perNote = (ms: number) => round(ms / Math.max(notes, 1), 1);
  const kinds = summary.kinds.map(({ kind, ms }) => `${kind} ${perNote(ms)} ms`);
  return (
    `Chromium trace of ${summary.page}'s main thread (${context}): busy ${perNote(summary.busyMs)} ms per note; ` +
    `per note: ${kinds.join("; ")}.`
  );
}
