// The caller's inbox across boards (issue 19, GET /api/inbox): each of their boards with its unread threads
// and unread mentions, in ONE statement for all of them (the home page must not cost a query per board).
import type { InboxBoard } from "@/lib/schemas/shift";
import type { Actor } from "../actor";
import type { Database } from "../db/client";

/**
 * Unread threads: threads (by their root) with a note or a reply by someone else after the caller's last
 * seen that is still there; a threshold warning Watchfloor wrote is not one (the handover names the
 * crossing). Unread mentions: the Mention rows naming the caller not yet read, on notes
 * still there (as GET …/mentions counts them). Boards in title order, as GET /api/boards lists them.
 */
export async function listInbox(options: { db: Database; actor: Actor }): Promise<{ boards: InboxBoard[] }> {
  const { db, actor } = options;
  const boards = await db.$queryRaw<InboxBoard[]>`
    SELECT b.id::text AS "boardId", b.slug, b.title, b."lastSeq", m."lastSeenSeq",
      (SELECT count(DISTINCT coalesce(a."parentId", a.id))::int
        FROM "Op" o
        JOIN "Annotation" a ON a.id = o."entityId"::uuid AND a."deletedAt" IS NULL AND NOT a.automatic
        WHERE o."boardId" = m."boardId" AND o.seq > m."lastSeenSeq" AND o.type = 'annotation.created'
          AND o."actorId" IS DISTINCT FROM m."userId") AS "unreadThreads",
      (SELECT count(*)::int
        FROM "Mention" n JOIN "Annotation" a ON a.id = n."annotationId" AND a."deletedAt" IS NULL
        WHERE n."userId" = m."userId" AND n."boardId" = m."boardId" AND n."readAt" IS NULL) AS "unreadMentions"
    FROM "Membership" m JOIN "Board" b ON b.id = m."boardId"
    WHERE m."userId" = ${actor.id}
    ORDER BY b.title, b.id`;
  return { boards };
}
