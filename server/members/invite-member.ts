// An owner invites by email. An existing account becomes a member at once; otherwise the invitation
// waits, and the role is granted when that address signs up.
import { type WireInvitation, type WireMember, ZMemberInvite } from "@/lib/schemas/board";
import type { Actor } from "../actor";
import { boardIdOfSlug } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { admitBoardChange, commitBoardChange } from "../ops/commit-board-change";
import { lockBoard } from "./lock-board";
import { MEMBER_USER_SELECT, toWireMember } from "./to-wire-member";

export type InviteResult = { status: "added"; member: WireMember } | { status: "invited"; invitation: WireInvitation };

export async function inviteMember(options: {
  domain: Domain;
  actor: Actor;
  slug: string;
  input: unknown;
}): Promise<InviteResult> {
  const { domain, actor } = options;
  const input = parseInput(ZMemberInvite, options.input);
  const boardId = await boardIdOfSlug(domain.db, options.slug);
  // Admitted before the branch: a stored invitation costs a write token too, though it logs no op.
  const admission = await admitBoardChange({ domain, actor, boardId, authority: { action: "member.manage" } });

  const user = await domain.db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!user) {
    const invitation = await domain.db.invitation.upsert({
      where: { boardId_email: { boardId, email: input.email } },
      create: { boardId, email: input.email, role: input.role, invitedById: actor.id },
      update: { role: input.role, invitedById: actor.id },
    });
    return {
      status: "invited",
      invitation: { email: invitation.email, role: invitation.role, createdAt: invitation.createdAt.toISOString() },
    };
  }
  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId,
    authority: admission,
    change: async (tx) => {
      await lockBoard(tx, boardId);
      const existing = await tx.membership.findUnique({ where: { boardId_userId: { boardId, userId: user.id } } });
      if (existing) throw new AppError("CONFLICT", `${input.email} is already on this board (${existing.role})`);
      const membership = await tx.membership.create({
        data: { boardId, userId: user.id, role: input.role },
        include: MEMBER_USER_SELECT,
      });
      return [{ type: "member.added", entityId: user.id, data: toWireMember(membership) }] as const;
    },
  });
  return { status: "added", member: op.data };
}
