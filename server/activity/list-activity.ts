// The board's recent ops, newest first, with the names the activity feed puts into words.
import type { WireOp } from "@/lib/ops";
import type { Actor } from "../actor";
import { authorize, boardIdOfSlug } from "../boards/access";
import type { Database } from "../db/client";

export type ActivityItem = WireOp & { actorName: string | null };

export const ACTIVITY_LIMIT = 50;

export async function listActivity(options: {
  db: Database;
  actor: Actor;
  slug: string;
}): Promise<{ activity: ActivityItem[] }> {
  const { db, actor } = options;
  const boardId = await boardIdOfSlug(db, options.slug);
  await authorize({ db, actor, boardId, action: "board.read" });
  const rows = await db.op.findMany({
    where: { boardId },
    orderBy: { seq: "desc" },
    take: ACTIVITY_LIMIT,
    include: { actor: { select: { name: true } } },
  });
  return {
    activity: rows.map(
      (row) =>
        ({
          boardId,
          seq: row.seq,
          type: row.type,
          actorId: row.actorId,
          at: row.createdAt.toISOString(),
          data: row.payload,
          actorName: row.actor?.name ?? null,
        }) as ActivityItem,
    ),
  };
}
