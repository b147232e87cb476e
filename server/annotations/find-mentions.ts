// Which board members an annotation names with "@Full Name" (case does not matter). The author
// naming themselves is not a mention.
import type { TransactionClient } from "../db/transaction";

export async function findMentions(
  tx: TransactionClient,
  options: { boardId: string; body: string; authorId: string },
): Promise<string[]> {
  if (!options.body.includes("@")) return [];
  const members = await tx.membership.findMany({
    where: { boardId: options.boardId },
    select: { userId: true, user: { select: { name: true } } },
  });
  const text = options.body.toLowerCase();
  return members
    .filter((member) => member.userId !== options.authorId && text.includes(`@${member.user.name.toLowerCase()}`))
    .map((member) => member.userId);
}

/** Records mentions of an annotation (new ones only; a mention once made stays in the "for you" list). */
export async function recordMentions(
  tx: TransactionClient,
  options: { boardId: string; annotationId: string; userIds: string[] },
): Promise<void> {
  if (!options.userIds.length) return;
  await tx.mention.createMany({
    data: options.userIds.map((userId) => ({ annotationId: options.annotationId, userId, boardId: options.boardId })),
    skipDuplicates: true,
  });
}
