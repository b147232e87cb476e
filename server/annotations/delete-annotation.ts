// annotation:delete — soft delete. Authors delete their own; editors and owners anyone's. The op log
// records who deleted it.
import { ZAnnotationDelete } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
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

  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { access, action },
    change: async (tx) => {
      // Only a live annotation is deleted: of two deletes at once, the second finds nothing.
      const deleted = await tx.annotation.updateMany({
        where: { id: input.id, boardId: input.boardId, deletedAt: null },
        data: { deletedAt: new Date(), deletedById: actor.id },
      });
      if (deleted.count === 0) throw new AppError("NOT_FOUND", "No such annotation");
      const data = { id: input.id, deletedBy: { id: actor.id, name: actor.name } };
      return [{ type: "annotation.deleted", entityId: input.id, data }] as const;
    },
  });
  return { id: input.id, seq: op.seq };
}
