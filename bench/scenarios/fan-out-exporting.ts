// Fan-out while exporting (issue 11): one writer and 20 watchers on a board of about 1,500 annotations,
// while K = 0, 2, 4 analysts fetch exports in a loop (bench/support/export-analysts.ts). The latency is
// the fan-out's (writer's emit to each watcher's board:op); heavy exports must not stretch it.
import { prepareCast, signInAt } from "../support/cast";
import { EXPORT_PATHS, startExportAnalysts } from "../support/export-analysts";
import { fillLargeBoard } from "../support/large-board";
import type { WriteOutcome } from "../support/protocol";
import { round, sleep, summarize } from "../support/stats";
import {
  type BenchContext,
  closeAll,
  connectFleet,
  loadAverage,
  measured,
  type Row,
  type ScenarioResult,
  type SideUsage,
  startWatchfloor,
} from "./common";

const WATCHERS = 20;
const ANALYSTS = [0, 2, 4];
const BOARD = { annotations: 1_500, observations: 2_000, indicators: 4, events: 60 };
const VIEWER_SESSIONS = 4;

/** Which exports the analysts fetch, and how the result is named; issue 11's mix when absent. */
export type ExportMix = { id: string; title: string; paths: readonly string[]; described: string };

const ISSUE_11_MIX: ExportMix = {
  id: "fan-out-exporting",
  title: "Fan-out while exporting (one writer, 20 watchers, K analysts exporting)",
  paths: EXPORT_PATHS,
  described: "briefing.pdf, chart.png, chart.svg, annotations.jsonld, annotations.csv in turn; a 503 waits Retry-After",
};

export async function runFanOutExporting(
  context: BenchContext,
  mix: ExportMix = ISSUE_11_MIX,
): Promise<ScenarioResult> {
  // A duration rather than a count: when a server stalls, a writer whose socket has dropped waits out
  // a 10 s ack timeout per write, and 400 of those would take an hour.
  const durationMs = context.quick ? 3_000 : 15_000;
  const intervalMs = 25;
  const analystCounts = context.quick ? [0, 2] : ANALYSTS;
  const started = loadAverage();
  const cast = await prepareCast(context.databaseUrl, { editors: 1, viewers: VIEWER_SESSIONS });
  await fillLargeBoard(context.databaseUrl, cast, BOARD);
  const wf = await startWatchfloor(context.databaseUrl);
  const rows: Row[] = [];
  const usage: Record<string, SideUsage> = {};
  const notes: string[] = [];
  const p99ByAnalysts = new Map<number, number>();
  let failures = 0;
  try {
    const editor = cast.editors[0];
    if (!editor) throw new Error("no editor");
    const writerCookie = await signInAt(wf.url, editor);
    const viewerCookies = await Promise.all(cast.viewers.map((viewer) => signInAt(wf.url, viewer)));
    const analystCookies = await Promise.all(
      Array.from({ length: Math.max(...analystCounts) }, (_, index) =>
        signInAt(wf.url, cast.viewers[index % cast.viewers.length] ?? editor),
      ),
    );
    const common = { url: wf.url, target: "watchfloor" as const, boardId: cast.board.id };
    for (const analysts of analystCounts) {
      context.log(`fan-out-exporting: ${analysts} analysts exporting`);
      // Fresh sockets for each K: one that a stalled server dropped must not spoil the next run.
      const fleet = await connectFleet({
        ...common,
        cookies: viewerCookies,
        count: WATCHERS,
        processes: 1,
        join: true,
      });
      const [writer] = await connectFleet({ ...common, cookies: [writerCookie], count: 1, processes: 1, join: false });
      if (!writer) throw new Error("no writer");
      try {
        // Unmeasured: a fresh server's first writes pay for cold code.
        await writer.send({ cmd: "write", count: context.quick ? 5 : 30, intervalMs, eventId: cast.board.eventId });
        const exporting = startExportAnalysts({
          url: wf.url,
          slug: cast.board.slug,
          cookies: analystCookies.slice(0, analysts),
          paths: mix.paths,
        });
        await exporting.warm;
        exporting.reset();
        const run = await measured(wf.pid, [...fleet, writer], async () => {
          const outcome = await writer.send<WriteOutcome>({
            cmd: "write",
            durationMs,
            intervalMs,
            eventId: cast.board.eventId,
          });
          await sleep(500);
          return outcome;
        });
        const exports = await exporting.stop();
        const latency = summarize(run.reports.flatMap((report) => report.latencies));
        const writes = run.value.acked + run.value.failed;
        p99ByAnalysts.set(analysts, latency.p99);
        const label = `K=${analysts}`;
        rows.push(
          ...(["p50", "p99", "max"] as const).map((key) => ({
            metric: `${label} ${key}`,
            unit: "ms",
            watchfloor: latency[key],
            baseline: null,
          })),
          {
            metric: `${label} deliveries`,
            unit: "of expected",
            watchfloor: latency.count / (WATCHERS * writes),
            baseline: null,
          },
          { metric: `${label} writes`, unit: "count", watchfloor: writes, baseline: null },
          { metric: `${label} failed writes`, unit: "count", watchfloor: run.value.failed, baseline: null },
          { metric: `${label} exports done`, unit: "count", watchfloor: exports.completed, baseline: null },
          { metric: `${label} exports shed (503)`, unit: "count", watchfloor: exports.shed, baseline: null },
          { metric: `${label} exports failed`, unit: "count", watchfloor: exports.failed, baseline: null },
        );
        usage[label] = run.usage;
        failures += run.value.failed + exports.failed;
        if (exports.failures.length) notes.push(`${label}: failed exports, e.g. ${exports.failures.join("; ")}`);
      } finally {
        await closeAll([...fleet, writer]);
      }
    }
  } finally {
    await wf.server.stop();
  }
  const quiet = p99ByAnalysts.get(0);
  const loaded = p99ByAnalysts.get(2);
  const met = quiet !== undefined && loaded !== undefined ? loaded <= 1.5 * quiet && failures === 0 : null;
  if (met === false && quiet !== undefined && loaded !== undefined) {
    notes.push(
      `With 2 analysts exporting the p99 is ${loaded} ms against ${quiet} ms quiet ` +
        `(${round(loaded / Math.max(quiet, 0.01))}×); ${failures} writes or exports failed.`,
    );
  }
  return {
    id: mix.id,
    title: mix.title,
    status: "ran",
    loadAverage: started,
    parameters: {
      watchers: WATCHERS,
      analysts: analystCounts.join(", "),
      board: `${BOARD.annotations} annotations, ${BOARD.observations} observations, ${BOARD.indicators} indicators, ${BOARD.events} events`,
      writeDurationMs: durationMs,
      writeIntervalMs: intervalMs,
      exports: mix.described,
    },
    rows,
    target: "p99 with K = 2 ≤ 1.5 × p99 with K = 0; no write or export failed",
    met,
    notes,
    usage,
  };
}
