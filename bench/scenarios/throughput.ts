// Scenario 2, write throughput: W writers each with one acked annotation:create in flight, 100 watchers
// on the board; acked writes per second against the PostgreSQL ceiling and the bare Socket.IO baseline.
import { prepareCast, signInAt } from "../support/cast";
import { startBaselineServer } from "../support/processes";
import type { WriteOutcome } from "../support/protocol";
import { withClient } from "../support/scratch-database";
import { round } from "../support/stats";
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
import { measurePgCeiling } from "./pg-ceiling";

const EDITOR_SESSIONS = 8;

async function measureWrites(
  side: {
    url: string;
    pid: number;
    target: "watchfloor" | "baseline";
    boardId: string;
    eventId?: string;
    writerCookies: string[];
    watcherCookies: string[];
  },
  writers: number,
  watchers: number,
  durationMs: number,
) {
  const common = { url: side.url, target: side.target, boardId: side.boardId, join: true };
  const fleet = await connectFleet({
    ...common,
    cookies: side.watcherCookies,
    count: watchers,
    processes: Math.ceil(watchers / 100),
  });
  const writerFleet = await connectFleet({
    ...common,
    join: false,
    cookies: side.writerCookies,
    count: writers,
    processes: Math.ceil(writers / 16),
  });
  try {
    const { value, usage } = await measured(side.pid, [...fleet, ...writerFleet], () =>
      Promise.all(
        writerFleet.map((client) =>
          client.send<WriteOutcome>({ cmd: "write", durationMs, intervalMs: 0, eventId: side.eventId }),
        ),
      ),
    );
    const acked = value.reduce((total, outcome) => total + outcome.acked, 0);
    const failed = value.reduce((total, outcome) => total + outcome.failed, 0);
    const elapsedMs = Math.max(...value.map((outcome) => outcome.elapsedMs));
    return { perSecond: acked / (elapsedMs / 1000), failed, usage };
  } finally {
    await closeAll([...fleet, ...writerFleet]);
  }
}

export async function runThroughput(context: BenchContext): Promise<ScenarioResult> {
  const concurrencies = context.quick ? [2] : [8, 32];
  const watchers = context.quick ? 5 : 100;
  const durationMs = context.quick ? 1_000 : 5_000;
  const started = loadAverage();
  const cast = await prepareCast(context.databaseUrl, { editors: EDITOR_SESSIONS, viewers: 5 });
  const wf = await startWatchfloor(context.databaseUrl);
  const baseline = await startBaselineServer();
  const rows: Row[] = [];
  const usage: Record<string, SideUsage> = {};
  const notes: string[] = [];
  let met: boolean | null = true;
  try {
    const writerCookies = await Promise.all(cast.editors.map((editor) => signInAt(wf.url, editor)));
    const watcherCookies = await Promise.all(cast.viewers.map((viewer) => signInAt(wf.url, viewer)));
    for (const writers of concurrencies) {
      context.log(`throughput: ${writers} writers, Watchfloor`);
      const commitsBefore = await countCommits(context.databaseUrl, cast.board.id);
      const real = await measureWrites(
        {
          url: wf.url,
          pid: wf.pid,
          target: "watchfloor",
          boardId: cast.board.id,
          eventId: cast.board.eventId,
          writerCookies,
          watcherCookies,
        },
        writers,
        watchers,
        durationMs,
      );
      const commits = diffCommits(await countCommits(context.databaseUrl, cast.board.id), commitsBefore);
      context.log(`throughput: ${writers} writers, PostgreSQL ceiling and baseline`);
      const ceiling = await measurePgCeiling({
        databaseUrl: context.databaseUrl,
        authorId: cast.editors[0]?.id ?? "",
        concurrency: writers,
        durationMs,
      });
      const bare = await measureWrites(
        {
          url: baseline.url,
          pid: baseline.pid,
          target: "baseline",
          boardId: cast.board.id,
          writerCookies: [""],
          watcherCookies: [""],
        },
        writers,
        watchers,
        durationMs,
      );
      rows.push({
        metric: `${writers} writers: acked writes/s vs pg ceiling`,
        unit: "writes/s",
        watchfloor: round(real.perSecond, 0),
        baseline: round(ceiling.perSecond, 0),
      });
      rows.push({
        metric: `${writers} writers: acked writes/s vs bare Socket.IO`,
        unit: "writes/s",
        watchfloor: round(real.perSecond, 0),
        baseline: round(bare.perSecond, 0),
      });
      rows.push({
        metric: `${writers} writers: annotations per commit (group commit)`,
        unit: "mean",
        watchfloor: round(commits.ops / Math.max(commits.batches, 1), 2),
        baseline: 1,
      });
      rows.push({
        metric: `${writers} writers: failed writes`,
        unit: "writes",
        watchfloor: real.failed,
        baseline: bare.failed,
      });
      usage[`watchfloor-${writers}`] = real.usage;
      usage[`baseline-${writers}`] = bare.usage;
      const share = real.perSecond / ceiling.perSecond;
      if (share < 0.5) {
        met = false;
        notes.push(
          `At ${writers} writers Watchfloor acked ${round(share * 100, 0)} % of the PostgreSQL ceiling; its server process ran at ` +
            `${real.usage.server.cpuPercent} % CPU (100 % = one core) while the pg loop committed ${round(ceiling.perSecond, 0)}/s and the bare ` +
            `Socket.IO server acked ${round(bare.perSecond, 0)}/s. Each writer keeps one write in flight, so the rate is writers ÷ the time a batch takes ` +
            `(${round(commits.ops / Math.max(commits.batches, 1), 1)} annotations per commit on average); with --profile the table below shows where the server's CPU went.`,
        );
      }
    }
  } finally {
    await wf.server.stop();
    await baseline.stop();
  }
  return {
    id: "throughput",
    title: "2. Write throughput (W writers with acks, watchers on the board)",
    status: "ran",
    loadAverage: started,
    parameters: { writers: concurrencies.join(", "), watchers, durationMs },
    rows,
    target: "≥ 50 % of the PostgreSQL ceiling at the same concurrency",
    met,
    notes,
    usage,
  };
}

type CommitCount = { ops: number; batches: number };

/** A batch stamps all its rows with one time, so distinct op times count the commits (batches). */
async function countCommits(databaseUrl: string, boardId: string): Promise<CommitCount> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ ops: string; batches: string }>(
      `SELECT count(*) AS ops, count(DISTINCT "createdAt") AS batches FROM "Op" WHERE "boardId" = $1 AND type = 'annotation.created'`,
      [boardId],
    );
    return { ops: Number(rows[0]?.ops ?? 0), batches: Number(rows[0]?.batches ?? 0) };
  });
}

const diffCommits = (after: CommitCount, before: CommitCount): CommitCount => ({
  ops: after.ops - before.ops,
  batches: after.batches - before.batches,
});
