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
  const createdAt = new Map(rows.map((row) => [row.seq, row.createdAt.toISOString()]));
  return ops.map(
    (op, position) =>
      ({
        boardId,
        seq: firstSeq + position,
        type: op.type,
        actorId: op.actorId,
        at: createdAt.get(firstSeq + position),
        data: op.data,
      }) as WireOp,
  );
}
