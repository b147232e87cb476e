// Scenario 1, fan-out latency: one writer, N watchers on one board; the time from the writer's
// annotation:create emit to each watcher's receipt of the board:op, against the bare Socket.IO baseline.
import { prepareCast, signInAt } from "../support/cast";
import { startBaselineServer } from "../support/processes";
import { round } from "../support/stats";
import {
  type BenchContext,
  latencyRows,
  loadAverage,
  measureFanOut,
  type Row,
  type ScenarioResult,
  type SideUsage,
  startWatchfloor,
} from "./common";

/** Sessions shared by the watchers: many sockets per analyst, as many tabs would be. */
const VIEWER_SESSIONS = 10;
const TARGET_WATCHERS = 200;
/**
 * Unmeasured writes to 10 watchers on each side before the first size: a fresh server's first writes
 * pay for cold code (JIT, Prisma's first query plans), and at 200 watchers the p99 of 100 writes is
 * decided by the slowest two writes.
 */
const WARM_UP = { watchers: 10, writes: 30 };

export async function runFanOut(context: BenchContext): Promise<ScenarioResult> {
  const sizes = context.quick ? [5] : [50, 200, 1000];
  const writes = context.quick ? 10 : 300;
  const intervalMs = 20;
  const started = loadAverage();
  const cast = await prepareCast(context.databaseUrl, { editors: 1, viewers: VIEWER_SESSIONS });
  const wf = await startWatchfloor(context.databaseUrl);
  const baseline = await startBaselineServer();
  const rows: Row[] = [];
  const usage: Record<string, SideUsage> = {};
  let met: boolean | null = null;
  const notes: string[] = [];
  try {
    const viewerCookies = await Promise.all(cast.viewers.map((viewer) => signInAt(wf.url, viewer)));
    const editor = cast.editors[0];
    if (!editor) throw new Error("no editor");
    const writerCookie = await signInAt(wf.url, editor);
    const wfSide = {
      url: wf.url,
      pid: wf.pid,
      target: "watchfloor" as const,
      boardId: cast.board.id,
      eventId: cast.board.eventId,
      watcherCookies: viewerCookies,
      writerCookie,
    };
    const bareSide = {
      url: baseline.url,
      pid: baseline.pid,
      target: "baseline" as const,
      boardId: cast.board.id,
      watcherCookies: [""],
      writerCookie: "",
    };
    if (!context.quick) {
      for (const side of [wfSide, bareSide]) await measureFanOut(side, WARM_UP.watchers, WARM_UP.writes, intervalMs);
    }
    for (const watchers of sizes) {
      context.log(`fan-out: ${watchers} watchers, Watchfloor`);
      const real = await measureFanOut(wfSide, watchers, writes, intervalMs);
      context.log(`fan-out: ${watchers} watchers, baseline`);
      const bare = await measureFanOut(bareSide, watchers, writes, intervalMs);
      rows.push(...latencyRows(`${watchers} watchers`, real.latency, bare.latency));
      rows.push({
        metric: `${watchers} watchers deliveries`,
        unit: "of expected",
        watchfloor: real.latency.count / real.expected,
        baseline: bare.latency.count / bare.expected,
      });
      usage[`watchfloor-${watchers}`] = real.usage;
      usage[`baseline-${watchers}`] = bare.usage;
      if (watchers === TARGET_WATCHERS || (context.quick && watchers === sizes[sizes.length - 1])) {
        met = real.latency.p99 <= 1.5 * bare.latency.p99 && real.latency.p99 < 50;
        if (!met) {
          notes.push(
            `At ${watchers} watchers Watchfloor's p99 is ${real.latency.p99} ms against the baseline's ${bare.latency.p99} ms ` +
              `(${round(real.latency.p99 / Math.max(bare.latency.p99, 0.01))}×); the server process used ${real.usage.server.cpuPercent} % CPU ` +
              `against the baseline's ${bare.usage.server.cpuPercent} %; the load generators' event-loop p99 was ` +
              `${real.usage.loadClientEventLoopP99Ms} ms against ${bare.usage.loadClientEventLoopP99Ms} ms in the baseline run.`,
          );
        }
      }
    }
  } finally {
    await wf.server.stop();
    await baseline.stop();
  }
  return {
    id: "fan-out",
    title: "1. Fan-out latency (one writer, N watchers)",
    status: "ran",
    loadAverage: started,
    parameters: {
      watchers: sizes.join(", "),
      writes,
      writeIntervalMs: intervalMs,
      viewerSessions: VIEWER_SESSIONS,
      warmUp: context.quick ? "none" : `${WARM_UP.writes} writes to ${WARM_UP.watchers} watchers per side`,
    },
    rows,
    target: `p99 at ${context.quick ? sizes[0] : TARGET_WATCHERS} watchers ≤ 1.5 × baseline p99 and < 50 ms`,
    met,
    notes,
    usage,
  };
}
