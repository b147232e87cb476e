// annotation:update — an author edits their own annotation. The edit names the version it was based
// on; if someone changed the annotation since, it is refused with CONFLICT and the current version.

import type { WireAnnotation } from "@/lib/schemas/annotation";
import { ZAnnotationUpdate } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { findLiveAnnotation } from "./find-annotation";
import { findMentions, recordMentions } from "./find-mentions";
import { recordRevision } from "./record-revision";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "./to-wire-annotation";

export async function updateAnnotation(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<{ annotation: WireAnnotation; seq: number }> {
  const { domain, actor } = options;
  const input = parseInput(ZAnnotationUpdate, options.input);
  const access = await authorize({ db: domain.db, actor, boardId: input.boardId, action: "annotation.edit-own" });
  const existing = await findLiveAnnotation(domain.db, input.boardId, input.id);
  if (existing.authorId !== actor.id) throw new AppError("FORBIDDEN", "Only its author can edit an annotation");
  const kind = input.kind ?? existing.kind;
  const confidence = input.confidence === undefined ? existing.confidence : input.confidence;
  if (kind === "assessment" && confidence === null) {
    throw new AppError("VALIDATION", "An assessment needs a confidence", [
      { path: ["confidence"], message: "an assessment needs a confidence (low, moderate or high)" },
    ]);
  }

  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { access, action: "annotation.edit-own" },
    change: async (tx) => {
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
      let row = await tx.annotation.findUniqueOrThrow({ where: { id: input.id }, include: ANNOTATION_INCLUDE });
      await recordRevision(tx, row, actor.id);
      if (input.body !== undefined) {
        const mentioned = await findMentions(tx, { boardId: input.boardId, body: input.body, authorId: actor.id });
        await recordMentions(tx, { boardId: input.boardId, annotationId: row.id, userIds: mentioned });
        if (mentioned.length)
          row = await tx.annotation.findUniqueOrThrow({ where: { id: input.id }, include: ANNOTATION_INCLUDE });
      }
      return [{ type: "annotation.updated", entityId: row.id, data: toWireAnnotation(row) }] as const;
    },
  });
  return { annotation: op.data, seq: op.seq };
}
