// A board created before checkpoints existed (issue 19) has no genesis: its state is taken as a
// "baseline" checkpoint the first time a replay needs one, and history before it cannot be answered.
import { readBoardSnapshotJson } from "../boards/read-board-snapshot-json";
import type { Database } from "../db/client";
import { AppError } from "../errors";
import { writeCheckpoint } from "./checkpoints";

/** The board's earliest checkpoint, taking a baseline at its current seq when it has none. */
export async function takeBaseline(
  db: Database,
  boardId: string,
): Promise<{ seq: number; at: Date; snapshotJson: string }> {
  return db.$transaction(
    async (tx) => {
      // The board row's lock: writers wait, and a second reader taking a baseline waits and finds this one.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Board" WHERE id = ${boardId}::uuid FOR UPDATE`;
      if (!locked.length) throw new AppError("NOT_FOUND", "No such board");
      const [earliest] = await tx.$queryRaw<{ seq: number; at: Date; text: string }[]>`
        SELECT seq, at, snapshot::text AS text FROM "BoardCheckpoint"
        WHERE "boardId" = ${boardId}::uuid ORDER BY seq LIMIT 1`;
      if (earliest) return { seq: earliest.seq, at: earliest.at, snapshotJson: earliest.text };
      const { seq, snapshot } = await readBoardSnapshotJson({ db: tx, boardId });
      await writeCheckpoint(tx, { boardId, seq, origin: "baseline", snapshotJson: snapshot.text });
      const [written] = await tx.$queryRaw<{ at: Date }[]>`
        SELECT at FROM "BoardCheckpoint" WHERE "boardId" = ${boardId}::uuid AND seq = ${seq}::int`;
      return { seq, at: written?.at ?? new Date(), snapshotJson: snapshot.text };
    },
    { timeout: 60_000 },
  );
}
