// annotation:restore — undoes a soft delete. Whoever may delete the annotation may restore it.
import { type WireAnnotation, ZAnnotationRef } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "./to-wire-annotation";

export async function restoreAnnotation(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ annotation: WireAnnotation; seq: number }> {
  const { domain, actor } = options;
  const input = parseInput(ZAnnotationRef, options.input);
  const access = await authorize({ db: domain.db, actor, boardId: input.boardId, action: "board.read" });
  const deleted = await domain.db.annotation.findFirst({
    where: { id: input.id, boardId: input.boardId, deletedAt: { not: null } },
  });
  if (!deleted) throw new AppError("NOT_FOUND", "No deleted annotation with this id");
  const action = deleted.authorId === actor.id ? "annotation.edit-own" : "annotation.delete-any";

  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { access, action },
    change: async (tx) => {
      const restored = await tx.annotation.updateMany({
        where: { id: input.id, boardId: input.boardId, deletedAt: { not: null } },
        data: { deletedAt: null, deletedById: null },
      });
      if (restored.count === 0) throw new AppError("NOT_FOUND", "No deleted annotation with this id");
      const row = await tx.annotation.findUniqueOrThrow({ where: { id: input.id }, include: ANNOTATION_INCLUDE });
      return [{ type: "annotation.restored", entityId: row.id, data: toWireAnnotation(row) }] as const;
    },
  });
  return { annotation: op.data, seq: op.seq };
}
