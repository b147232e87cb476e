// annotation:update — an author edits their own annotation. The edit names the version it was based
// on; if someone changed the annotation since, it is refused with CONFLICT and the current version.

import type { WireAnnotation } from "@/lib/schemas/annotation";
import { ZAnnotationUpdate } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { appendOp } from "../ops/append-op";
import { findLiveAnnotation } from "./find-annotation";
import { ANNOTATION_AUTHOR_SELECT, toWireAnnotation } from "./to-wire-annotation";

export async function updateAnnotation(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ annotation: WireAnnotation; seq: number }> {
  const { domain, actor } = options;
  const input = parseInput(ZAnnotationUpdate, options.input);
  await authorize({ db: domain.db, actor, boardId: input.boardId, action: "annotation.edit-own" });
  const existing = await findLiveAnnotation(domain.db, input.boardId, input.id);
  if (existing.authorId !== actor.id) throw new AppError("FORBIDDEN", "Only its author can edit an annotation");
  await domain.limiter.take(actor.id);

  const op = await domain.db.$transaction(async (tx) => {
    const changed = await tx.annotation.updateMany({
      where: { id: input.id, boardId: input.boardId, version: input.expectedVersion, deletedAt: null },
      data: {
        version: { increment: 1 },
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
      },
    });
    if (changed.count === 0) {
      const current = await findLiveAnnotation(tx, input.boardId, input.id);
      throw new AppError("CONFLICT", "Someone changed this annotation since you opened it", undefined, {
        current: toWireAnnotation(current),
      });
    }
    const row = await tx.annotation.findUniqueOrThrow({ where: { id: input.id }, include: ANNOTATION_AUTHOR_SELECT });
    return appendOp(tx, {
      boardId: input.boardId,
      type: "annotation.updated",
      entityId: row.id,
      actorId: actor.id,
      data: toWireAnnotation(row),
    });
  });
  domain.effects.publish(op);
  return { annotation: op.data, seq: op.seq };
}
