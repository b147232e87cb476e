// Issue 19, as of: the board as it stood at a random instant of a long history (100,000 ops, periodic
// checkpoints as the server leaves them: bench/support/long-history-board.ts), GET …/snapshot?asOf=,
// against the live snapshot of the same board (board:join), both timed from the client until the whole
// answer is in. Target: as of ≤ 2× the live snapshot (p50 of each). Before timing, the answer as of now
// is checked against the live one (same seq, same snapshot).
import { isDeepStrictEqual } from "node:util";
import { oldestFirst } from "@/lib/annotation-filter";
import type { BoardSnapshot } from "@/lib/schemas/board";
import type { SnapshotAsOf } from "@/lib/schemas/shift";
import { CHECKPOINT_EVERY } from "@/server/history/checkpoints";
import { prepareCast, signInAt } from "../support/cast";
import { fillLongHistoryBoard } from "../support/long-history-board";
import { openSocket } from "../support/open-socket";
import { withClient } from "../support/scratch-database";
import { round, summarize } from "../support/stats";
import { type BenchContext, loadAverage, type ScenarioResult, startWatchfloor } from "./common";

const TARGET_RATIO = 2;

export async function runAsOf(context: BenchContext): Promise<ScenarioResult> {
  const ops = context.quick ? 3_000 : 100_000;
  const repeats = context.quick ? 3 : 15;
  const started = loadAverage();
  const cast = await prepareCast(context.databaseUrl, { editors: 3, viewers: 1 });
  const viewer = cast.viewers[0];
  if (!viewer) throw new Error("no viewer");
  const fillBegan = performance.now();
  const board = await fillLongHistoryBoard(context.databaseUrl, cast, { ops });
  const fillSeconds = round((performance.now() - fillBegan) / 1000, 1);
  context.log(`as-of: ${ops} ops written in ${fillSeconds} s (${board.checkpoints} checkpoints)`);

  const wf = await startWatchfloor(context.databaseUrl);
  try {
    const cookie = await signInAt(wf.url, viewer);
    const socket = await openSocket(wf.url, cookie);
    const live = async () => {
      const began = performance.now();
      const answer = (await socket.timeout(120_000).emitWithAck("board:join", { boardId: cast.board.id })) as {
        seq: number;
        snapshot: BoardSnapshot;
      };
      return { ms: performance.now() - began, answer };
    };
    const asOf = async (instant: Date) => {
      const began = performance.now();
      const response = await fetch(
        `${wf.url}/api/boards/${cast.board.slug}/snapshot?asOf=${encodeURIComponent(instant.toISOString())}`,
        { headers: { cookie } },
      );
      const text = await response.text();
      if (response.status !== 200) throw new Error(`as of ${instant.toISOString()}: ${response.status} ${text}`);
      return { ms: performance.now() - began, answer: JSON.parse(text) as SnapshotAsOf };
    };
    try {
      const now = await asOf(new Date());
      const joined = await live();
      const inOrder = (snapshot: BoardSnapshot) => ({
        ...snapshot,
        annotations: [...snapshot.annotations].sort(oldestFirst),
      });
      const equal =
        now.answer.seq === joined.answer.seq &&
        isDeepStrictEqual(inOrder(now.answer.snapshot), inOrder(joined.answer.snapshot));
      if (!equal) throw new Error("the snapshot as of now differs from the live one");
      // Random instants over the whole history; the first of each warms the server.
      const span = board.lastAt.getTime() - board.firstAt.getTime();
      const liveMs: number[] = [];
      const asOfMs: number[] = [];
      const replayed: number[] = [];
      for (let attempt = 0; attempt <= repeats; attempt++) {
        const instant = new Date(board.firstAt.getTime() + Math.random() * span);
        const past = await asOf(instant);
        const current = await live();
        if (attempt === 0) continue;
        asOfMs.push(past.ms);
        liveMs.push(current.ms);
        replayed.push(past.answer.seq % CHECKPOINT_EVERY);
      }
      // The worst of it: the board near its fullest, half a checkpoint interval of ops replayed.
      const stepMs = span / Math.max(1, board.lastSeq - 1);
      const nearEndSeq = board.lastSeq - Math.floor(CHECKPOINT_EVERY / 2);
      const nearEnd = new Date(board.firstAt.getTime() + Math.ceil((nearEndSeq - 1) * stepMs));
      const nearEndMs: number[] = [];
      const nearEndLiveMs: number[] = [];
      for (let attempt = 0; attempt < Math.min(5, repeats); attempt++) {
        nearEndMs.push((await asOf(nearEnd)).ms);
        nearEndLiveMs.push((await live()).ms);
      }
      const nearEndSummary = summarize(nearEndMs);
      const nearEndLive = summarize(nearEndLiveMs);
      const liveSummary = summarize(liveMs);
      const asOfSummary = summarize(asOfMs);
      const ratio = round(asOfSummary.p50 / liveSummary.p50, 2);
      const stored = await storedBytes(context.databaseUrl, cast.board.id);
      return {
        id: "as-of",
        title: "Board as of an instant: GET …/snapshot?asOf= against the live snapshot",
        status: "ran",
        loadAverage: started,
        parameters: {
          ops,
          checkpointEvery: CHECKPOINT_EVERY,
          checkpoints: board.checkpoints,
          annotations: board.counts.annotations,
          observations: board.counts.observations,
          events: board.counts.events,
          snapshotBytes: JSON.stringify(joined.answer.snapshot).length,
          instantsTimed: repeats,
          meanOpsReplayed: round(replayed.reduce((sum, value) => sum + value, 0) / Math.max(1, replayed.length), 0),
          boardFillSeconds: fillSeconds,
        },
        rows: [
          { metric: "as of a random instant p50", unit: "ms", watchfloor: asOfSummary.p50, baseline: liveSummary.p50 },
          { metric: "as of a random instant p95", unit: "ms", watchfloor: asOfSummary.p95, baseline: liveSummary.p95 },
          { metric: "as of ÷ live snapshot (p50)", unit: "×", watchfloor: ratio, baseline: null },
          {
            metric: `as of op ${nearEndSeq} (full board, ${CHECKPOINT_EVERY / 2} ops replayed) p50`,
            unit: "ms",
            watchfloor: nearEndSummary.p50,
            baseline: nearEndLive.p50,
          },
          {
            metric: "checkpoints stored (compressed jsonb; baseline: the op log's payloads)",
            unit: "MB",
            watchfloor: round(stored.checkpoints / 1e6, 1),
            baseline: round(stored.ops / 1e6, 1),
          },
        ],
        target: `as of ≤ ${TARGET_RATIO}× the live snapshot, p50 (${ratio}×: ${ratio <= TARGET_RATIO ? "met" : "missed"})`,
        met: ratio <= TARGET_RATIO,
        notes: [
          "The baseline column is the live snapshot of the same board (board:join over the socket), timed the same way.",
          "Storage is what PostgreSQL keeps of the columns after its own compression (pg_column_size), without " +
            "indexes or row overhead; it has no target (docs/history.md: checkpoints are not pruned).",
          "A random instant finds the board on average half its final size, so its answer is smaller than the live one; " +
            `the row near the end shows the board at its fullest (${round(nearEndSummary.p50 / nearEndLive.p50, 2)}× live).`,
        ],
        usage: {},
      };
    } finally {
      socket.disconnect();
    }
  } finally {
    await wf.server.stop();
  }
}

/** What the board's checkpoints and its op log's payloads take on disk, as PostgreSQL stores them (compressed). */
async function storedBytes(databaseUrl: string, boardId: string): Promise<{ checkpoints: number; ops: number }> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ checkpoints: string; ops: string }>(
      `SELECT (SELECT coalesce(sum(pg_column_size(snapshot)), 0) FROM "BoardCheckpoint" WHERE "boardId" = $1) AS checkpoints,
              (SELECT coalesce(sum(pg_column_size(payload)), 0) FROM "Op" WHERE "boardId" = $1) AS ops`,
      [boardId],
    );
    return { checkpoints: Number(rows[0]?.checkpoints ?? 0), ops: Number(rows[0]?.ops ?? 0) };
  });
}
