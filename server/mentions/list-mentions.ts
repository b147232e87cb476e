// The "for you" list: annotations on this board that name the actor, newest first, with the unread count.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "../annotations/to-wire-annotation";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";

export type WireMention = { annotation: WireAnnotation; readAt: string | null };

const LIST_LIMIT = 100;

export async function listMentions(options: {
  db: Database;
  actor: Actor;
  slug: string;
}): Promise<{ mentions: WireMention[]; unread: number }> {
  const { db, actor } = options;
  const boardId = await boardIdOfSlug(db, options.slug);
  await authorize({ db, actor, boardId, action: "board.read" });
  const live = { userId: actor.id, boardId, annotation: { deletedAt: null } };
  const [rows, unread] = await Promise.all([
    db.mention.findMany({
      where: live,
      orderBy: { createdAt: "desc" },
      take: LIST_LIMIT,
      include: { annotation: { include: ANNOTATION_INCLUDE } },
    }),
    db.mention.count({ where: { ...live, readAt: null } }),
  ]);
  return {
    mentions: rows.map((row) => ({
      annotation: toWireAnnotation(row.annotation),
      readAt: row.readAt?.toISOString() ?? null,
    })),
    unread,
  };
}
