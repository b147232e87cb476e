// annotation:resolve / annotation:reopen — a thread (a top-level annotation and its replies) is
// resolved or reopened. Doing what is already done answers with the annotation as it is, writing nothing.
import { type WireAnnotation, ZAnnotationRef } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { findLiveAnnotation } from "./find-annotation";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "./to-wire-annotation";

export async function setThreadResolved(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
  resolved: boolean;
}): Promise<{ annotation: WireAnnotation; seq: number }> {
  const { domain, actor, resolved } = options;
  const input = parseInput(ZAnnotationRef, options.input);
  const access = await authorize({ db: domain.db, actor, boardId: input.boardId, action: "annotation.resolve" });
  const existing = await findLiveAnnotation(domain.db, input.boardId, input.id);
  if (existing.parentId !== null)
    throw new AppError("VALIDATION", "Resolve the thread's first annotation, not a reply");
  // Already done: answered before the commit, so it neither writes nor costs a write token.
  if ((existing.resolvedAt !== null) === resolved) {
    const { lastSeq } = await domain.db.board.findUniqueOrThrow({
      where: { id: input.boardId },
      select: { lastSeq: true },
    });
    return { annotation: toWireAnnotation(existing), seq: lastSeq };
  }

  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { access, action: "annotation.resolve" },
    change: async (tx) => {
      const changed = await tx.annotation.updateMany({
        where: { id: input.id, deletedAt: null, resolvedAt: resolved ? null : { not: null } },
        data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null },
      });
      if (changed.count === 0)
        throw new AppError("CONFLICT", `The thread was just ${resolved ? "resolved" : "reopened"} by someone else`);
      const row = await tx.annotation.findUniqueOrThrow({ where: { id: input.id }, include: ANNOTATION_INCLUDE });
      const type = resolved ? "annotation.resolved" : "annotation.reopened";
      return [{ type, entityId: row.id, data: toWireAnnotation(row) }] as const;
    },
  });
  return { annotation: op.data, seq: op.seq };
}
