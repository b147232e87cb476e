// Which live annotations the database's foreign keys delete with a board fact, read in the delete's
// transaction before the row goes, so the deleted op can name them (lib/ops.ts). A client cannot work them
// all out itself: a reply goes with its thread's first annotation whatever the reply points at, and when that
// first annotation was itself deleted earlier (soft), the client no longer knows what it pointed at.

import type { ContentKindName } from "@/lib/content/content-kinds";
import { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";

/** The annotation rows, live or deleted, that point at the fact (an indicator takes its figures with it). */
const POINTING_AT: Record<ContentKindName, (id: string) => Prisma.Sql> = {
  event: (id) => Prisma.sql`"eventId" = ${id}::uuid`,
  source: (id) => Prisma.sql`"sourceId" = ${id}::uuid`,
  observation: (id) => Prisma.sql`"observationId" = ${id}::uuid`,
  indicator: (id) =>
    Prisma.sql`("indicatorId" = ${id}::uuid OR "observationId" IN (SELECT id FROM "Observation" WHERE "indicatorId" = ${id}::uuid))`,
};

export async function liveAnnotationsRemovedWith(
  tx: TransactionClient,
  kind: ContentKindName,
  ref: { id: string; boardId: string },
): Promise<string[]> {
  // Deleted rows are locked too: a reply restored between this read and the delete would go with the fact
  // unnamed. Locked here, the restore waits, then finds nothing to restore; a row it restored first is read
  // live. NO KEY UPDATE, the lock a restore's UPDATE takes: a reply being inserted meanwhile only takes KEY
  // SHARE on its thread's row (its foreign key check), which this does not block, so the two cannot wait on
  // each other here.
  const rows = await tx.$queryRaw<{ id: string; live: boolean }[]>`
    WITH pointing AS (
      SELECT id FROM "Annotation" WHERE "boardId" = ${ref.boardId}::uuid AND ${POINTING_AT[kind](ref.id)}
    )
    SELECT a.id, a."deletedAt" IS NULL AS live FROM "Annotation" a
    WHERE a."boardId" = ${ref.boardId}::uuid
      AND (a.id IN (SELECT id FROM pointing) OR a."parentId" IN (SELECT id FROM pointing))
    ORDER BY a.id
    FOR NO KEY UPDATE OF a`;
  return rows.filter(({ live }) => live).map(({ id }) => id);
}
