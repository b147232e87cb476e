// The board's wire snapshot as it stood at an instant, as JSON text (issue 19), for callers that have
// already authorized the reader (readBoardAsOf, the exports). Built in the worker pool from the nearest
// checkpoint at or before the instant and the ops after it (board-as-of-task.ts). docs/history.md.
import type { Database } from "../db/client";
import { AppError } from "../errors";
import type { WorkerPool } from "../workers/create-worker-pool";
import { CHECKPOINT_EVERY, writeCheckpoint } from "./checkpoints";
import { takeBaseline } from "./take-baseline";

export type SnapshotAsOfJson = { seq: number; asOf: string; snapshotJson: string };

export async function snapshotAsOfJson(options: {
  db: Database;
  workers: WorkerPool;
  boardId: string;
  asOf: Date;
}): Promise<SnapshotAsOfJson> {
  const { db, boardId, asOf } = options;
  const seq = await lastSeqAt(db, boardId, asOf);
  const snapshotJson = await boardAtSeq({ db, workers: options.workers, boardId, seq });
  return { seq, asOf: asOf.toISOString(), snapshotJson };
}

/** The board's last op at or before the instant, 0 before any: op times rise with seq (Op.createdAt). */
async function lastSeqAt(db: Database, boardId: string, asOf: Date): Promise<number> {
  const rows = await db.$queryRaw<{ seq: number }[]>`
    SELECT seq FROM "Op" WHERE "boardId" = ${boardId}::uuid AND "createdAt" <= ${asOf.toISOString()}::timestamp
    ORDER BY "createdAt" DESC, seq DESC LIMIT 1`;
  return rows[0]?.seq ?? 0;
}

/**
 * The board at op `seq` as snapshot JSON text: the nearest checkpoint at or before it, and the ops after
 * it applied in the pool. A replay longer than CHECKPOINT_EVERY leaves its result as a periodic
 * checkpoint, so the next read near it starts there. Exported for the background checkpointer.
 */
export async function boardAtSeq(options: {
  db: Database;
  workers: WorkerPool;
  boardId: string;
  seq: number;
}): Promise<string> {
  const { db, boardId, seq } = options;
  const checkpoint = await nearestCheckpoint(db, boardId, seq);
  if (checkpoint.seq === seq) return checkpoint.snapshotJson;
  const [ops] = await db.$queryRaw<{ text: string }[]>`
    SELECT coalesce(json_agg(json_build_object('boardId', "boardId", 'seq', seq, 'type', type,
      'actorId', "actorId", 'at', to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', payload)
      ORDER BY seq), '[]')::text AS text
    FROM "Op" WHERE "boardId" = ${boardId}::uuid AND seq > ${checkpoint.seq}::int AND seq <= ${seq}::int`;
  const result = await options.workers.run("board-as-of", {
    checkpointSeq: checkpoint.seq,
    checkpointJson: checkpoint.snapshotJson,
    opsJson: ops?.text ?? "[]",
  });
  if (seq - checkpoint.seq >= CHECKPOINT_EVERY) {
    await writeCheckpoint(db, { boardId, seq, origin: "periodic", snapshotJson: result.snapshotJson });
  }
  return result.snapshotJson;
}

/**
 * The checkpoint a replay to `seq` starts from. A board older than checkpoints has none: its baseline
 * is taken now, and anything before it was never kept.
 */
async function nearestCheckpoint(
  db: Database,
  boardId: string,
  seq: number,
): Promise<{ seq: number; snapshotJson: string }> {
  const [nearest] = await db.$queryRaw<{ seq: number; text: string }[]>`
    SELECT seq, snapshot::text AS text FROM "BoardCheckpoint"
    WHERE "boardId" = ${boardId}::uuid AND seq <= ${seq}::int ORDER BY seq DESC LIMIT 1`;
  if (nearest) return { seq: nearest.seq, snapshotJson: nearest.text };
  const baseline = await takeBaseline(db, boardId);
  if (baseline.seq <= seq) return { seq: baseline.seq, snapshotJson: baseline.snapshotJson };
  throw new AppError(
    "VALIDATION",
    `This board's history before ${baseline.at.toISOString()} was not kept: it was created before the board's ` +
      "changes were checkpointed; pick a later instant",
  );
}
