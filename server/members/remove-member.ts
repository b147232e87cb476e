// An owner removes a member (a board keeps at least one owner). The removed analyst's open sockets are
// told and leave the board's room before anything else is published there.
import type { Actor } from "../actor";
import { boardIdOfSlug } from "../boards/access";
import type { Domain } from "../domain";
import { AppError } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { lockBoard } from "./lock-board";

export async function removeMember(options: {
  domain: Domain;
  actor: Actor;
  slug: string;
  userId: string;
}): Promise<{ userId: string }> {
  const { domain, actor, userId } = options;
  const boardId = await boardIdOfSlug(domain.db, options.slug);

  await commitBoardChange({
    domain,
    actor,
    boardId,
    authority: { action: "member.manage" },
    change: async (tx) => {
      await lockBoard(tx, boardId);
      const existing = await tx.membership.findUnique({ where: { boardId_userId: { boardId, userId } } });
      if (!existing) throw new AppError("NOT_FOUND", "No such member");
      if (existing.role === "owner" && (await tx.membership.count({ where: { boardId, role: "owner" } })) <= 1) {
        throw new AppError("CONFLICT", "A board keeps at least one owner; make someone else owner first");
      }
      await tx.membership.delete({ where: { boardId_userId: { boardId, userId } } });
      return [{ type: "member.removed", entityId: userId, data: { userId } }] as const;
    },
    beforePublish: () => domain.effects.evict(boardId, userId, "removed"),
  });
  return { userId };
}
