// annotation:history — every version of an annotation, oldest first, for any member of its board.
import { type WireRevision, ZAnnotationRef } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Database } from "../db/client";
import { AppError, parseInput } from "../errors";

export async function listAnnotationHistory(options: {
  db: Database;
  actor: Actor;
  input: unknown;
}): Promise<{ id: string; revisions: WireRevision[] }> {
  const input = parseInput(ZAnnotationRef, options.input);
  await authorize({ db: options.db, actor: options.actor, boardId: input.boardId, action: "board.read" });
  const exists = await options.db.annotation.count({ where: { id: input.id, boardId: input.boardId } });
  if (!exists) throw new AppError("NOT_FOUND", "No such annotation");
  const revisions = await options.db.annotationRevision.findMany({
    where: { annotationId: input.id },
    orderBy: { version: "asc" },
    include: { editedBy: { select: { id: true, name: true } } },
  });
  return {
    id: input.id,
    revisions: revisions.map((revision) => ({
      version: revision.version,
      body: revision.body,
      kind: revision.kind,
      confidence: revision.confidence,
      tags: revision.tags,
      editedBy: revision.editedBy,
      editedAt: revision.editedAt.toISOString(),
    })),
  };
}
