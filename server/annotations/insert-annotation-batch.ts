// Writes a batch of new annotations — their rows, first revisions, mentions and annotation.created ops,
// with one bump of the board's seq — as ONE SQL statement. A statement is atomic and, outside a
// transaction block, commits on its own, so the batch costs one round trip and one WAL flush: this is
// the hot path of a busy board (docs/BENCHMARKS.md, scenario 2). Prisma's query builder would need a
// transaction and six statements for the same rows.
// The columns are schema.prisma's; the annotation tests and the drift test catch a mismatch.
import type { WireOp } from "@/lib/ops";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
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

export type NewAnnotation = { annotation: WireAnnotation; mentionedUserIds: string[] };

/** Inserts the batch; answers its ops, in the batch's order, with the seqs they took. */
export async function insertAnnotationBatch(
  db: Database,
  boardId: string,
  batch: NewAnnotation[],
  at: Date,
): Promise<WireOp<"annotation.created">[]> {
  const rows = batch.map(({ annotation }, position) => ({
    position,
    id: annotation.id,
    authorId: annotation.author.id,
    ...targetColumns(annotation.target),
    body: annotation.body,
    kind: annotation.kind,
    confidence: annotation.confidence,
    tags: annotation.tags,
    parentId: annotation.parentId,
    payload: annotation,
  }));
  const mentions = batch.flatMap(({ annotation, mentionedUserIds }) =>
    mentionedUserIds.map((userId) => ({ annotationId: annotation.id, userId })),
  );
  const stamp = at.toISOString();
  const ops = await db.$queryRaw<{ seq: number }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        position int, id uuid, "authorId" text, "targetType" "AnnotationTargetType", ${TARGET_COLUMN_DEFINITIONS},
        body text, kind "AnnotationKind", confidence "Confidence", tags text[],
        "parentId" uuid, payload jsonb)
    ),
    bumped AS (
      UPDATE "Board" SET "lastSeq" = "lastSeq" + ${batch.length}, "updatedAt" = ${stamp}::timestamp(3)
      WHERE id = ${boardId}::uuid
      RETURNING "lastSeq" - ${batch.length} AS "seqBefore"
    ),
    annotations AS (
      INSERT INTO "Annotation" (id, "boardId", "authorId", "targetType", ${TARGET_COLUMN_NAMES}, body, kind,
        confidence, tags, "parentId", "createdAt", "updatedAt")
      SELECT id, ${boardId}::uuid, "authorId", "targetType", ${TARGET_COLUMN_NAMES}, body, kind, confidence, tags,
        "parentId", ${stamp}::timestamp(3), ${stamp}::timestamp(3)
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
    )
    INSERT INTO "Op" ("boardId", seq, type, "entityId", "actorId", payload, "createdAt")
    SELECT ${boardId}::uuid, bumped."seqBefore" + input.position + 1, 'annotation.created', input.id::text,
      input."authorId", input.payload, ${stamp}::timestamp(3)
    FROM input CROSS JOIN bumped
    RETURNING seq`;
  // Without the board row there is no seq and no op, but then the annotation insert fails its foreign
  // key and the whole statement with it; this only guards the mapping below.
  if (ops.length !== batch.length) throw new Error(`Board ${boardId} took ${ops.length} of ${batch.length} ops`);
  // The batch's seqs are contiguous (one bump under the board's row lock), in the batch's order.
  const firstSeq = Math.min(...ops.map((op) => Number(op.seq)));
  return batch.map(({ annotation }, position) => ({
    boardId,
    seq: firstSeq + position,
    type: "annotation.created",
    actorId: annotation.author.id,
    at: stamp,
    data: annotation,
  }));
}
