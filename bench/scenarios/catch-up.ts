// Scenario 3, catch-up: a client that joined, then missed `missed` ops, reconnects with
// board:join {sinceSeq}; the time from connecting until its board equals the database's. The server runs
// with CATCH_UP_MAX_OPS=20000 so 10,000 missed ops come back as ops, not a fresh snapshot.
import { annotationsOf, applyOps, type LiveBoard, liveBoardOf } from "@/lib/board-state";
import type { WireOp } from "@/lib/ops";
import type { TestSocket } from "../../tests/support/factories";
import { boardDigest, readBoardState } from "../../tests/support/kill-harness";
import { prepareCast, signInAt } from "../support/cast";
import { openSocket } from "../support/open-socket";
import { startBaselineServer } from "../support/processes";
import { round } from "../support/stats";
import { type BenchContext, closeAll, connectFleet, loadAverage, type ScenarioResult, startWatchfloor } from "./common";

const WRITERS = 8;

/** The bench's socket, typed by the realtime event map. */
const connect = async (url: string, cookie: string) => (await openSocket(url, cookie)) as unknown as TestSocket;

const digestOf = (board: LiveBoard) =>
  boardDigest(
    board.seq,
    annotationsOf(board.state).map((annotation) => ({ ...annotation, authorId: annotation.author.id })),
  );

/** Connect, join from `from.seq`, apply the ops: ms until the board's digest is `expected`, and the ops. */
async function catchUp(url: string, cookie: string, boardId: string, from: LiveBoard, expected: string) {
  const began = performance.now();
  const socket = await connect(url, cookie);
  try {
    const result = (await socket.timeout(30_000).emitWithAck("board:join", { boardId, sinceSeq: from.seq })) as {
      ok?: boolean;
      ops?: WireOp[];
    };
    if (!result.ops) throw new Error(`catch-up answered without ops: ${JSON.stringify(result).slice(0, 200)}`);
    const caught = applyOps(from, result.ops).board;
    const equal = digestOf(caught) === expected;
    return { ms: performance.now() - began, equal, ops: result.ops };
  } finally {
    socket.disconnect();
  }
}

export async function runCatchUp(context: BenchContext): Promise<ScenarioResult> {
  const missed = context.quick ? 80 : 10_000;
  const started = loadAverage();
  const cast = await prepareCast(context.databaseUrl, { editors: WRITERS, viewers: 1 });
  const wf = await startWatchfloor(context.databaseUrl, { CATCH_UP_MAX_OPS: "20000" });
  const baseline = await startBaselineServer();
  const viewer = cast.viewers[0];
  if (!viewer) throw new Error("no viewer");
  try {
    const cookie = await signInAt(wf.url, viewer);
    const first = await connect(wf.url, cookie);
    const joined = await first.timeout(10_000).emitWithAck("board:join", { boardId: cast.board.id });
    first.disconnect();
    if (!joined.ok || !("snapshot" in joined)) throw new Error("the first join did not return a snapshot");
    const from: LiveBoard = liveBoardOf(joined.seq, joined.snapshot);

    context.log(`catch-up: writing ${missed} annotations the client misses`);
    const writerCookies = await Promise.all(cast.editors.map((editor) => signInAt(wf.url, editor)));
    const writers = await connectFleet({
      url: wf.url,
      target: "watchfloor",
      cookies: writerCookies,
      count: WRITERS,
      processes: 1,
      boardId: cast.board.id,
      join: false,
    });
    await Promise.all(writers.map((client) => client.send({ cmd: "write", count: missed / WRITERS, intervalMs: 0 })));
    await closeAll(writers);
    const state = await readBoardState(context.databaseUrl, cast.board.id);

    context.log("catch-up: reconnecting to Watchfloor and to the baseline");
    const real = await catchUp(wf.url, cookie, cast.board.id, from, state.digest);
    // The baseline gets exactly the ops Watchfloor sent, so both answer the same catch-up.
    const seeder = await openSocket(baseline.url, "");
    await seeder.timeout(30_000).emitWithAck("bench:seed", { boardId: cast.board.id, ops: real.ops });
    seeder.disconnect();
    const bare = await catchUp(
      baseline.url,
      "",
      cast.board.id,
      { ...from, seq: 0 },
      digestOf(applyOps({ ...from, seq: 0 }, real.ops).board),
    );
    const notes = real.equal ? [] : ["The caught-up board did not equal the database's."];
    if (!context.quick && missed < 10_000) {
      notes.push(
        `Run at ${missed} missed ops, not the target's 10,000: writing them through the server took too long for this run's time box.`,
      );
    }
    const met = real.equal && real.ms <= 1000;
    if (real.equal && !met)
      notes.push(
        `Catch-up took ${round(real.ms, 0)} ms against ${round(bare.ms, 0)} ms for the same ops from a bare server.`,
      );
    return {
      id: "catch-up",
      title: "3. Catch-up after missing ops (board:join {sinceSeq})",
      status: "ran",
      loadAverage: started,
      parameters: { missedOps: state.lastSeq - from.seq, CATCH_UP_MAX_OPS: 20000 },
      rows: [
        {
          metric: `catch-up of ${state.lastSeq - from.seq} ops`,
          unit: "ms",
          watchfloor: round(real.ms),
          baseline: round(bare.ms),
        },
        {
          metric: "board equals the database's",
          unit: "1 = yes",
          watchfloor: real.equal ? 1 : 0,
          baseline: bare.equal ? 1 : 0,
        },
      ],
      target: "≤ 1 s until the client's board equals the database's",
      met,
      notes,
      usage: {},
    };
  } finally {
    await wf.server.stop();
    await baseline.stop();
  }
}
