// Appends one op to a board's log inside the caller's transaction, taking the board's next seq.
// The UPDATE … RETURNING row lock orders concurrent writers on the same board, across nodes.
import type { OpDataByType, OpType, WireOp } from "@/lib/ops";
import type { TransactionClient } from "../db/transaction";

export async function appendOp<T extends OpType>(
  tx: TransactionClient,
  options: { boardId: string; type: T; entityId: string; actorId: string | null; data: OpDataByType[T] },
): Promise<WireOp<T>> {
  const board = await tx.board.update({
    where: { id: options.boardId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });
  const op = await tx.op.create({
    data: {
      boardId: options.boardId,
      seq: board.lastSeq,
      type: options.type,
      entityId: options.entityId,
      actorId: options.actorId,
      payload: options.data,
    },
    select: { seq: true, createdAt: true },
  });
  return {
    boardId: options.boardId,
    seq: op.seq,
    type: options.type,
    actorId: options.actorId,
    at: op.createdAt.toISOString(),
    data: options.data,
  } as WireOp<T>;
}
