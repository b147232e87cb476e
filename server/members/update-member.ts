// An owner changes a member's role. A board always keeps at least one owner.
import { type WireMember, ZMemberUpdate } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import { boardIdOfSlug } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { lockBoard } from "./lock-board";
import { MEMBER_USER_SELECT, toWireMember } from "./to-wire-member";

export async function updateMember(options: {
  domain: Domain;
  actor: Actor;
  slug: string;
  userId: string;
  input: unknown;
}): Promise<WireMember> {
  const { domain, actor, userId } = options;
  const input = parseInput(ZMemberUpdate, options.input);
  const boardId = await boardIdOfSlug(domain.db, options.slug);

  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId,
    authority: { action: "member.manage" },
    change: async (tx) => {
      await lockBoard(tx, boardId);
      const existing = await tx.membership.findUnique({ where: { boardId_userId: { boardId, userId } } });
      if (!existing) throw new AppError("NOT_FOUND", "No such member");
      if (existing.role === "owner" && input.role !== "owner") {
        const owners = await tx.membership.count({ where: { boardId, role: "owner" } });
        if (owners <= 1)
          throw new AppError("CONFLICT", "A board keeps at least one owner; make someone else owner first");
      }
      const membership = await tx.membership.update({
        where: { boardId_userId: { boardId, userId } },
        data: { role: input.role },
        include: MEMBER_USER_SELECT,
      });
      return [{ type: "member.updated", entityId: userId, data: toWireMember(membership) }] as const;
    },
  });
  return op.data;
}
