// The one write path for a board's facts: authorize content.write, take a write token, change the rows
// and append the op in one transaction, publish after commit.
import type { OpDataByType, OpType, WireOp } from "@/lib/ops";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { appendOp } from "../ops/append-op";

export type ContentChange<T extends OpType> = { type: T; entityId: string; data: OpDataByType[T] };

export async function commitContentChange<T extends OpType>(options: {
  domain: Domain;
  actor: Actor;
  boardId: string;
  change: (tx: TransactionClient) => Promise<ContentChange<T>>;
}): Promise<WireOp<T>> {
  const { domain, actor, boardId } = options;
  await authorize({ db: domain.db, actor, boardId, action: "content.write" });
  await domain.limiter.take(actor.id);
  const op = await domain.db.$transaction(async (tx) => {
    const change = await options.change(tx);
    return appendOp(tx, {
      boardId,
      type: change.type,
      entityId: change.entityId,
      actorId: actor.id,
      data: change.data,
    });
  });
  domain.effects.publish(op as WireOp);
  return op;
}

/** The seq of the op that created an entity: what a replayed create answers with. */
export async function creationSeq(db: Domain["db"], boardId: string, entityId: string, type: OpType): Promise<number> {
  const op = await db.op.findFirst({ where: { boardId, entityId, type }, select: { seq: true } });
  return op?.seq ?? 0;
}
