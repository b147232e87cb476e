// Marks the actor's mentions on a board as read: the listed annotations, or all of them.
import { z } from "zod";
import { ZUuid } from "@/lib/schemas/common";
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";
import { parseInput } from "../errors";

export const ZMentionsRead = z.strictObject({ annotationIds: z.array(ZUuid).max(500).optional() });

export async function markMentionsRead(options: {
  db: Database;
  actor: Actor;
  slug: string;
  input: unknown;
}): Promise<{ unread: number }> {
  const { db, actor } = options;
  const input = parseInput(ZMentionsRead, options.input);
  const boardId = await boardIdOfSlug(db, options.slug);
  await authorize({ db, actor, boardId, action: "board.read" });
  await db.mention.updateMany({
    where: {
      userId: actor.id,
      boardId,
      readAt: null,
      ...(input.annotationIds ? { annotationId: { in: input.annotationIds } } : {}),
    },
    data: { readAt: new Date() },
  });
  return {
    unread: await db.mention.count({
      where: { userId: actor.id, boardId, readAt: null, annotation: { deletedAt: null } },
    }),
  };
}
