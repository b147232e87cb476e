// Turns the pending invitations of a new account's email into memberships (each an op on its board).
import type { Actor } from "../actor";
import type { Domain } from "../domain";
import { appendOp } from "../ops/append-op";
import { lockBoard } from "./lock-board";
import { MEMBER_USER_SELECT, toWireMember } from "./to-wire-member";

export async function acceptInvitations(options: {
  domain: Pick<Domain, "db" | "effects">;
  user: Actor;
}): Promise<number> {
  const { domain, user } = options;
  const invitations = await domain.db.invitation.findMany({ where: { email: user.email.toLowerCase() } });
  for (const invitation of invitations) {
    const op = await domain.db.$transaction(async (tx) => {
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
      return appendOp(tx, {
        boardId: invitation.boardId,
        type: "member.added",
        entityId: user.id,
        actorId: invitation.invitedById,
        data: toWireMember(membership),
      });
    });
    domain.effects.publish(op);
  }
  return invitations.length;
}
