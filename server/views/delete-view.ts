// view:delete (issue 19): editors and owners take a saved view off the board for everyone. A resend of a
// delete that went through answers that delete again (its seq) and logs nothing more.
import { ZViewDelete } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { lockBoard } from "../members/lock-board";
import { commitBoardChange } from "../ops/commit-board-change";

export async function deleteView(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ id: string; seq: number }> {
  const { domain, actor } = options;
  const input = parseInput(ZViewDelete, options.input);
  let replayedSeq: number | null = null;
  const ops = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { action: "content.write" },
    change: async (tx) => {
      await lockBoard(tx, input.boardId);
      const removed = await tx.savedView.deleteMany({ where: { id: input.id, boardId: input.boardId } });
      if (removed.count === 0) {
        const deleted = await tx.op.findFirst({
          where: { boardId: input.boardId, entityId: input.id, type: "view.deleted" },
          orderBy: { seq: "desc" },
          select: { seq: true },
        });
        if (!deleted) throw new AppError("NOT_FOUND", "No such view");
        replayedSeq = deleted.seq;
        return [];
      }
      return [{ type: "view.deleted", entityId: input.id, data: { id: input.id } }] as const;
    },
  });
  const [op] = ops;
  if (op) return { id: input.id, seq: op.seq };
  if (replayedSeq === null) throw new Error("deleteView: neither deleted nor replayed");
  return { id: input.id, seq: replayedSeq };
}
