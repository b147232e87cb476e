// Writes one planned annotation the way annotation:create does — the row with its original times, the
// first revision, its mentions, and the annotation.created op (by the importing analyst) — inside the
// import's transaction.
import type { WireOp } from "@/lib/ops";
import type { Actor } from "../actor";
import { findMentions, recordMentions } from "../annotations/find-mentions";
import { recordRevision } from "../annotations/record-revision";
import { targetColumns } from "../annotations/target-columns";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "../annotations/to-wire-annotation";
import type { TransactionClient } from "../db/transaction";
import { appendOp } from "../ops/append-op";
import type { PlannedAnnotation } from "./plan-import";

export async function writeImportedAnnotation(
  tx: TransactionClient,
  planned: PlannedAnnotation,
  actor: Actor,
): Promise<WireOp<"annotation.created">> {
  const { create, authorId } = planned;
  const created = await tx.annotation.create({
    data: {
      id: create.id,
      boardId: create.boardId,
      authorId,
      ...targetColumns(create.target),
      body: create.body,
      kind: create.kind,
      confidence: create.confidence ?? null,
      tags: create.tags,
      parentId: create.parentId ?? null,
      createdAt: planned.createdAt,
      updatedAt: planned.updatedAt,
      resolvedAt: planned.resolvedAt,
      resolvedById: planned.resolvedAt ? planned.resolvedById : null,
    },
    include: ANNOTATION_INCLUDE,
  });
  await recordRevision(tx, created, authorId);
  const mentioned = await findMentions(tx, { boardId: create.boardId, body: create.body, authorId });
  await recordMentions(tx, { boardId: create.boardId, annotationId: created.id, userIds: mentioned });
  const row = mentioned.length
    ? await tx.annotation.findUniqueOrThrow({ where: { id: created.id }, include: ANNOTATION_INCLUDE })
    : created;
  return appendOp(tx, {
    boardId: create.boardId,
    type: "annotation.created",
    entityId: row.id,
    actorId: actor.id,
    data: toWireAnnotation(row),
  });
}
