// Turns the pending invitations of a new account's email into memberships (each an op on its board).
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { NO_WRITE_LIMIT } from "../limits/write-limiter";
import { commitBoardChange } from "../ops/commit-board-change";
import { lockBoard } from "./lock-board";
import { MEMBER_USER_SELECT, toWireMember } from "./to-wire-member";

export async function acceptInvitations(options: {
  domain: Pick<Domain, "db" | "effects">;
  user: Actor;
}): Promise<number> {
  const { domain, user } = options;
  const invitations = await domain.db.invitation.findMany({ where: { email: user.email.toLowerCase() } });
  for (const invitation of invitations) {
    await commitBoardChange({
      // Accepting happens once, at sign-up (or when an operator creates the account), not at a pace the
      // new member sets: it takes no write token, so many invitations cannot refuse a sign-up midway.
      domain: { ...domain, limiter: NO_WRITE_LIMIT },
      actor: user,
      boardId: invitation.boardId,
      authority: { ownChange: true },
      change: async (tx) => {
        await lockBoard(tx, invitation.boardId);
        await tx.invitation.delete({
          where: { boardId_email: { boardId: invitation.boardId, email: invitation.email } },
        });
        const membership = await tx.membership.upsert({
          where: { boardId_userId: { boardId: invitation.boardId, userId: user.id } },
          create: { boardId: invitation.boardId, userId: user.id, role: invitation.role },
          update: {},
          include: MEMBER_USER_SELECT,
        });
        // Logged as the inviting owner's act: the board's activity reads "<owner> added <name> as <role>".
        const data = toWireMember(membership);
        return [{ type: "member.added", entityId: user.id, actorId: invitation.invitedById, data }] as const;
      },
    });
  }
  return invitations.length;
}
