// The one writer of new annotations: their rows, first revisions and mentions — and, on the hot path,
// their annotation.created ops — as ONE SQL statement (issue 13: the socket create, the W3C import, the
// threshold warning and the seed all write through here).
// - insertAnnotationBatch (annotation:create): the statement also bumps the board's seq once and writes
//   the ops. Outside a transaction block it commits on its own, so the batch costs one round trip and
//   one WAL flush: the hot path of a busy board (docs/BENCHMARKS.md, scenario 2). Prisma's query
//   builder would need a transaction and six statements for the same rows.
// - insertAnnotations (inside a commitBoardChange or the seed's transaction): the same statement without
//   the ops part; it answers the annotation.created changes, and the caller appends them with its other
//   changes, so all the change's seqs are consecutive and in the order it gives.
// The columns are schema.prisma's; the annotation tests and the drift test catch a mismatch.
import type { WireOp } from "@/lib/ops";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";
import type { NewOp } from "../ops/append-op";
import { evidenceColumns, type NewAnnotation } from "./new-annotation";
import { targetColumns } from "./target-columns";
import { TARGET_COLUMN_TYPES } from "./target-kinds";

// The target columns as the kinds declare them (target-kinds.ts): constants, never input.
const TARGET_COLUMN_NAMES = Prisma.raw(
  Object.keys(TARGET_COLUMN_TYPES)
    .map((name) => `"${name}"`)
    .join(", "),
);
const TARGET_COLUMN_DEFINITIONS = Prisma.raw(
  Object.entries(TARGET_COLUMN_TYPES)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(", "),
);

/** Inserts the batch and its ops, committing on its own; answers the ops, in the batch's order, with their seqs. */
export async function insertAnnotationBatch(
  db: Database,
  boardId: string,
  batch: NewAnnotation[],
  at: Date,
): Promise<WireOp<"annotation.created">[]> {
  const stamp = at.toISOString();
  const ops = await db.$queryRaw<{ seq: number; createdAt: Date }[]>(
    annotationInsert(boardId, batch, stamp, "with ops"),
  );
  // Without the board row there is no seq and no op, but then the annotation insert fails its foreign
  // key and the whole statement with it; this only guards the mapping below.
  if (ops.length !== batch.length) throw new Error(`Board ${boardId} took ${ops.length} of ${batch.length} ops`);
  // The batch's seqs are contiguous (one bump under the board's row lock), in the batch's order.
  const firstSeq = Math.min(...ops.map((op) => Number(op.seq)));
  const opTimes = new Map(ops.map((op) => [Number(op.seq), op.createdAt.toISOString()]));
  return batch.map(({ annotation, opActorId }, position) => ({
    boardId,
    seq: firstSeq + position,
    type: "annotation.created",
    actorId: opActorId,
    at: opTimes.get(firstSeq + position) ?? stamp,
    data: annotation,
  }));
}

/**
 * Inserts the batch inside the caller's transaction; answers the annotation.created changes to append,
 * in the batch's order (a reply after its thread's first annotation, as the caller ordered them).
 */
export async function insertAnnotations(
  tx: TransactionClient,
  boardId: string,
  batch: NewAnnotation[],
  at: Date = new Date(),
): Promise<NewOp<"annotation.created">[]> {
  if (!batch.length) return [];
  const written = await tx.$queryRaw<{ id: string }[]>(annotationInsert(boardId, batch, at.toISOString(), "rows only"));
  if (written.length !== batch.length) throw new Error(`Wrote ${written.length} of ${batch.length} annotations`);
  return batch.map(({ annotation, opActorId }) => ({
    type: "annotation.created",
    entityId: annotation.id,
    actorId: opActorId,
    data: annotation,
  }));
}

/**
 * The statement: rows (with their own times, resolution and `automatic`), first revisions and mentions,
 * stamped `stamp` where the write's own time belongs (revision, mention); with ops, also the seq bump
 * and the op rows, answering their seqs and times, else answering the ids written. An op's time is the
 * clock at its insert, which follows the bump's row lock, so a board's op times rise with seq as
 * appendOps' do (Op.createdAt's default; issue 19): the stamp was taken before the lock.
 */
function annotationInsert(
  boardId: string,
  batch: NewAnnotation[],
  stamp: string,
  ops: "with ops" | "rows only",
): Prisma.Sql {
  const rows = batch.map(({ annotation, opActorId, passage }, position) => ({
    position,
    id: annotation.id,
    authorId: annotation.author.id,
    ...targetColumns(annotation.target),
    ...passage,
    body: annotation.body,
    kind: annotation.kind,
    confidence: annotation.confidence,
    tags: annotation.tags,
    parentId: annotation.parentId,
    resolvedAt: annotation.resolvedAt,
    resolvedById: annotation.resolvedBy?.id ?? null,
    automatic: annotation.automatic,
    ...evidenceColumns(annotation.evidenceFor),
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
    opActorId,
    payload: annotation,
  }));
  const mentions = batch.flatMap(({ annotation, mentionedUserIds }) =>
    mentionedUserIds.map((userId) => ({ annotationId: annotation.id, userId })),
  );
  const seqBump =
    ops === "with ops"
      ? Prisma.sql`
    bumped AS (
      UPDATE "Board" SET "lastSeq" = "lastSeq" + ${batch.length}, "updatedAt" = ${stamp}::timestamp(3)
      WHERE id = ${boardId}::uuid
      RETURNING "lastSeq" - ${batch.length} AS "seqBefore"
    ),`
      : Prisma.empty;
  const answer =
    ops === "with ops"
      ? Prisma.sql`
    INSERT INTO "Op" ("boardId", seq, type, "entityId", "actorId", payload)
    SELECT ${boardId}::uuid, bumped."seqBefore" + input.position + 1, 'annotation.created', input.id::text,
      input."opActorId", input.payload
    FROM input CROSS JOIN bumped
    RETURNING seq, "createdAt"`
      : Prisma.sql`
    SELECT id FROM annotations`;
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        position int, id uuid, "authorId" text, "targetType" "AnnotationTargetType", ${TARGET_COLUMN_DEFINITIONS},
        body text, kind "AnnotationKind", confidence "Confidence", tags text[], "parentId" uuid,
        "resolvedAt" timestamp(3), "resolvedById" text, automatic boolean,
        "evidenceEventId" uuid, "evidenceObservationId" uuid, "createdAt" timestamp(3), "updatedAt" timestamp(3), "opActorId" text, payload jsonb)
    ),${seqBump}
    annotations AS (
      INSERT INTO "Annotation" (id, "boardId", "authorId", "targetType", ${TARGET_COLUMN_NAMES}, body, kind,
        confidence, tags, "parentId", "resolvedAt", "resolvedById", automatic, "evidenceEventId",
        "evidenceObservationId", "createdAt", "updatedAt")
      SELECT id, ${boardId}::uuid, "authorId", "targetType", ${TARGET_COLUMN_NAMES}, body, kind, confidence, tags,
        "parentId", "resolvedAt", "resolvedById", automatic, "evidenceEventId", "evidenceObservationId",
        "createdAt", "updatedAt"
      FROM input
      RETURNING id, "authorId", body, kind, confidence, tags
    ),
    revisions AS (
      INSERT INTO "AnnotationRevision" ("annotationId", version, body, kind, confidence, tags, "editedById", "editedAt")
      SELECT id, 1, body, kind, confidence, tags, "authorId", ${stamp}::timestamp(3) FROM annotations
    ),
    mentions AS (
      INSERT INTO "Mention" ("annotationId", "userId", "boardId", "createdAt")
      SELECT m."annotationId", m."userId", ${boardId}::uuid, ${stamp}::timestamp(3)
      FROM jsonb_to_recordset(${JSON.stringify(mentions)}::jsonb) AS m("annotationId" uuid, "userId" text)
      JOIN annotations ON annotations.id = m."annotationId"
      ON CONFLICT DO NOTHING
    )${answer}`;
}
