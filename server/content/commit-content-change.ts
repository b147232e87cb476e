// A board's facts change through the one board-change skeleton (ops/commit-board-change.ts) under the
// content.write right; this names that for the content services.
import type { OpType, WireOp } from "@/lib/ops";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { type BoardChange, commitBoardChange } from "../ops/commit-board-change";
import type { TransactionClient } from "../db/transaction";

export type ContentChange<T extends OpType> = BoardChange<T>;

export async function commitContentChange<T extends OpType>(options: {
  domain: Domain;
  actor: Actor;
  boardId: string;
  change: (tx: TransactionClient) => Promise<ContentChange<T>>;
}): Promise<WireOp<T>> {
  const [op] = await commitBoardChange({
    domain: options.domain,
    actor: options.actor,
    boardId: options.boardId,
    authority: { action: "content.write" },
    change: async (tx) => [(await options.change(tx)) as BoardChange] as const,
  });
  return op as WireOp<T>;
}

/** The seq of the op that created an entity: what a replayed create answers with. */
export async function creationSeq(db: Domain["db"], boardId: string, entityId: string, type: OpType): Promise<number> {
  const op = await db.op.findFirst({ where: { boardId, entityId, type }, select: { seq: true } });
  return op?.seq ?? 0;
}
