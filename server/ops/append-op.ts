// Appends ops to a board's log inside the caller's transaction, taking the board's next seqs with one
// bump: the UPDATE … RETURNING row lock orders concurrent writers on the same board, across nodes, and
// the ops of one change get consecutive seqs in the order given.
import type { OpDataByType, OpType, WireOp } from "@/lib/ops";
import type { TransactionClient } from "../db/transaction";

export type NewOp<T extends OpType = OpType> = {
  [K in T]: { type: K; entityId: string; actorId: string | null; data: OpDataByType[K] };
}[T];

export async function appendOps(tx: TransactionClient, boardId: string, ops: readonly NewOp[]): Promise<WireOp[]> {
  if (!ops.length) return [];
  const board = await tx.board.update({
    where: { id: boardId },
    data: { lastSeq: { increment: ops.length } },
    select: { lastSeq: true },
  });
  const firstSeq = board.lastSeq - ops.length + 1;
  const rows = await tx.op.createManyAndReturn({
    data: ops.map((op, position) => ({
      boardId,
      seq: firstSeq + position,
      type: op.type,
      entityId: op.entityId,
      actorId: op.actorId,
      payload: op.data,
    })),
    select: { seq: true, createdAt: true },
  });
  const at = await oneTimeForTheChange(tx, boardId, firstSeq, board.lastSeq, rows);
  return ops.map(
    (op, position) =>
      ({
        boardId,
        seq: firstSeq + position,
        type: op.type,
        actorId: op.actorId,
        at,
        data: op.data,
      }) as WireOp,
  );
}

/**
 * Each row took the clock at its insert (Op.createdAt's default). The ops of one change share the first one's
 * time, so the board as of any instant never shows half a change. One UPDATE, only in the rare change whose
 * insert crossed a millisecond; times still rise with seq, the later ones moving back no further than the first.
 */
async function oneTimeForTheChange(
  tx: TransactionClient,
  boardId: string,
  firstSeq: number,
  lastSeq: number,
  rows: { seq: number; createdAt: Date }[],
): Promise<string> {
  const first = rows.reduce((earliest, { createdAt }) => Math.min(earliest, createdAt.getTime()), Infinity);
  const at = new Date(first).toISOString();
  if (rows.some(({ createdAt }) => createdAt.getTime() !== first)) {
    await tx.$executeRaw`
      UPDATE "Op" SET "createdAt" = ${at}::timestamp(3)
      WHERE "boardId" = ${boardId}::uuid AND seq BETWEEN ${firstSeq}::int AND ${lastSeq}::int`;
  }
  return at;
}
