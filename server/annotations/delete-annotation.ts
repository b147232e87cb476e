// annotation:delete — soft delete. Authors delete their own; editors and owners anyone's. The op log
// records who deleted it.
import { ZAnnotationDelete } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { authorize, permit } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { appendOp } from "../ops/append-op";
import { findLiveAnnotation } from "./find-annotation";

export async function deleteAnnotation(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ id: string; seq: number }> {
  const { domain, actor } = options;
  const input = parseInput(ZAnnotationDelete, options.input);
  const access = await authorize({ db: domain.db, actor, boardId: input.boardId, action: "board.read" });
  const existing = await findLiveAnnotation(domain.db, input.boardId, input.id);
  const action = existing.authorId === actor.id ? "annotation.edit-own" : "annotation.delete-any";
  permit(access, action);
  await domain.limiter.take(actor.id);

  const op = await domain.db.$transaction(async (tx) => {
    // Only a live annotation is deleted: of two deletes at once, the second finds nothing.
    const deleted = await tx.annotation.updateMany({
      where: { id: input.id, boardId: input.boardId, deletedAt: null },
      data: { deletedAt: new Date(), deletedById: actor.id },
    });
    if (deleted.count === 0) throw new AppError("NOT_FOUND", "No such annotation");
    return appendOp(tx, {
      boardId: input.boardId,
      type: "annotation.deleted",
      entityId: input.id,
      actorId: actor.id,
      data: { id: input.id, deletedBy: { id: actor.id, name: actor.name } },
    });
  });
  domain.effects.publish(op);
  return { id: input.id, seq: op.seq };
}
