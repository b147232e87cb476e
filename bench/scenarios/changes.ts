// Issue 19's "what changed" summary over a long window: GET …/changes's service over a board whose log
// holds 100,000 ops (bench/support/long-history-board.ts), read by a viewer (so every op is a colleague's
// news), against a plain indexed query that reads the same rows: the window's ops (seq, type, entity,
// actor) by the (boardId, seq) index, handed to Node. Both through the same Prisma client, warm, medians.

import { parseConfig } from "@/server/config";
import { createDatabase } from "@/server/db/client";
import { readChanges } from "@/server/shift/read-changes";
import { prepareCast } from "../support/cast";
import { fillLongHistoryBoard } from "../support/long-history-board";
import { profileInProcess } from "../support/profile-in-process";
import { round } from "../support/stats";
import { type BenchContext, loadAverage, type ScenarioResult } from "./common";

const TARGET_RATIO = 2;
const TARGET_MS = 100;

export async function runChanges(context: BenchContext): Promise<ScenarioResult> {
  const started = loadAverage();
  const ops = context.quick ? 3_000 : 100_000;
  const runs = context.quick ? 5 : 15;
  context.log(`changes: a board with ${ops} ops`);
  const cast = await prepareCast(context.databaseUrl, { editors: 4, viewers: 1 });
  await fillLongHistoryBoard(context.databaseUrl, cast, { ops });
  const reader = cast.viewers[0];
  if (!reader) throw new Error("the cast has no viewer");
  const db = createDatabase(context.databaseUrl, parseConfig({}).databaseTimeouts);
  try {
    const summary = () => readChanges({ db, actor: reader, slug: cast.board.slug, since: "0" });
    const plain = () =>
      db.$queryRaw<unknown[]>`
        SELECT seq, type, "entityId", "actorId" FROM "Op" WHERE "boardId" = ${cast.board.id}::uuid AND seq > ${0}`;
    // Warm both (plans, caches), then alternate so that load on the machine falls on both alike.
    const first = await summary();
    const rows = (await plain()).length;
    const timings = { summary: [] as number[], plain: [] as number[] };
    for (let run = 0; run < runs; run++) {
      for (const [name, call] of [
        ["summary", summary],
        ["plain", plain],
      ] as const) {
        const began = performance.now();
        await call();
        timings[name].push(performance.now() - began);
      }
    }
    // The summary runs in this process (its SQL in PostgreSQL): --profile profiles one more call here.
    await profileInProcess("changes", summary);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const summaryMs = median(timings.summary);
    const plainMs = median(timings.plain);
    const ratio = summaryMs / plainMs;
    const counted = Object.values(first.counts).reduce((sum, count) => sum + count, 0);
    return {
      id: "changes",
      title: `What changed: the summary over a ${ops.toLocaleString("en-GB")}-op window against a plain read of its ops`,
      status: "ran",
      loadAverage: started,
      parameters: { ops, windowOps: rows, runs, itemsShown: first.items.length, thingsCounted: counted },
      rows: [
        {
          metric: `summary (GET …/changes service), median of ${runs}`,
          unit: "ms",
          watchfloor: round(summaryMs),
          baseline: round(plainMs),
        },
        { metric: "summary ÷ plain indexed read of the same ops", unit: "×", watchfloor: round(ratio), baseline: null },
        {
          metric: "summary, slowest run",
          unit: "ms",
          watchfloor: round(Math.max(...timings.summary)),
          baseline: round(Math.max(...timings.plain)),
        },
      ],
      target: `≤ ${TARGET_RATIO}× a plain indexed read of the window's ops, and ≤ ${TARGET_MS} ms`,
      met: ratio <= TARGET_RATIO && summaryMs <= TARGET_MS,
      notes: [
        `counts ${JSON.stringify(first.counts)}, ${first.warningsCrossed.length} crossings, ${first.threads.length} threads`,
      ],
      usage: {},
    };
  } finally {
    await db.$disconnect();
  }
}
