// Who an imported annotation's creator (or resolver) is on this board. The IRI decides when it names a
// member; a name alone decides only when exactly one member has it. Anyone else is not on the board.
import type { TransactionClient } from "../db/transaction";
import type { AgentClaim } from "./from-web-annotation";

export type BoardMembers = { idOf: (claim: AgentClaim | null) => string | null };

export async function loadBoardMembers(tx: TransactionClient, boardId: string): Promise<BoardMembers> {
  const rows = await tx.membership.findMany({
    where: { boardId },
    select: { userId: true, user: { select: { name: true } } },
  });
  return {
    idOf: (claim) => {
      if (!claim) return null;
      if (claim.userId && rows.some((row) => row.userId === claim.userId)) return claim.userId;
      const named = rows.filter((row) => row.user.name === claim.name);
      return named.length === 1 && named[0] ? named[0].userId : null;
    },
  };
}
