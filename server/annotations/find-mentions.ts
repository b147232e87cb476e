// Which board members an annotation names with "@Full Name" (case does not matter). The author
// naming themselves is not a mention.
import type { TransactionClient } from "../db/transaction";

export async function findMentions(
  tx: TransactionClient,
  options: { boardId: string; body: string; authorId: string },
): Promise<string[]> {
  if (!options.body.includes("@")) return [];
  const members = await readMemberNames(tx, options.boardId);
  return mentionedMembers(members, options.body, options.authorId).map((member) => member.id);
}

export type MemberName = { id: string; name: string };

export async function readMemberNames(tx: TransactionClient, boardId: string): Promise<MemberName[]> {
  const members = await tx.membership.findMany({
    where: { boardId },
    select: { userId: true, user: { select: { name: true } } },
  });
  return members.map((member) => ({ id: member.userId, name: member.user.name }));
}

/** The members a body names, from a member list already read (one read serves a whole batch). */
export function mentionedMembers(members: MemberName[], body: string, authorId: string): MemberName[] {
  if (!body.includes("@")) return [];
  const text = body.toLowerCase();
  return members.filter((member) => member.id !== authorId && text.includes(`@${member.name.toLowerCase()}`));
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
