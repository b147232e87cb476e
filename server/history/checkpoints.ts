// Checkpoints of a board's wire snapshot (BoardCheckpoint, issue 19): where an "as of" replay starts.
// Origins: "genesis" (seq 0, written with the board), "import" (at each observations.imported op, whose
// rows no op carries), "periodic" (every CHECKPOINT_EVERY ops) and "baseline" (a board older than the
// log's checkpoints: its state when first needed; nothing before it can be answered). docs/history.md.
import { readBoardSnapshotJson } from "../boards/read-board-snapshot-json";
import type { Database } from "../db/client";
import type { TransactionClient } from "../db/transaction";

export type CheckpointOrigin = "genesis" | "import" | "periodic" | "baseline";

/**
 * Ops between periodic checkpoints. A replay from the nearest one applies at most this many ops, a few
 * tens of milliseconds in the reducer even on a large board (parsing and writing the checkpoint's JSON
 * costs more). The price is storage: a whole snapshot per 1,000 ops, 6.3× the op log's payloads on the
 * benchmark's 100,000-op board (docs/history.md); small boards have a few.
 */
export const CHECKPOINT_EVERY = 1000;

type Queryable = Database | TransactionClient;

/**
 * Stores a snapshot as the checkpoint at `seq`; its time is op `seq`'s (the board's creation for seq 0).
 * Two nodes may write the same one: the first stays (they are equal, both being the board at `seq`).
 */
export async function writeCheckpoint(
  db: Queryable,
  checkpoint: { boardId: string; seq: number; origin: CheckpointOrigin; snapshotJson: string },
): Promise<void> {
  const { boardId, seq, origin, snapshotJson } = checkpoint;
  await db.$executeRaw`
    INSERT INTO "BoardCheckpoint" ("boardId", seq, at, origin, snapshot)
    SELECT ${boardId}::uuid, ${seq}::int,
      coalesce((SELECT "createdAt" FROM "Op" WHERE "boardId" = ${boardId}::uuid AND seq = ${seq}::int), b."createdAt"),
      ${origin}, ${snapshotJson}::jsonb
    FROM "Board" b WHERE b.id = ${boardId}::uuid
    ON CONFLICT DO NOTHING`;
}

/**
 * The board's rows as they stand in this transaction, stored as the checkpoint at its lastSeq: the
 * genesis with a new board, the import's at its op. The caller holds the board row (it created it, or
 * appendOps locked it), so no other writer's op falls between the seq and the rows.
 */
export async function checkpointCurrentRows(
  tx: TransactionClient,
  boardId: string,
  origin: CheckpointOrigin,
): Promise<number> {
  const { seq, snapshot } = await readBoardSnapshotJson({ db: tx, boardId });
  await writeCheckpoint(tx, { boardId, seq, origin, snapshotJson: snapshot.text });
  return seq;
}
