// annotation:attach — puts a passage annotation on a span of its source's current version: an orphan's
// "attach here", or a note the re-anchoring put in the wrong place. The span becomes the note's passage.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import { ZAnnotationAttach } from "@/lib/schemas/document";
import type { Actor } from "../actor";
import { findLiveAnnotation } from "../annotations/find-annotation";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "../annotations/to-wire-annotation";
import type { BaseDomain } from "../base-domain";
import { authorize } from "../boards/access";
import { AppError, parseInput } from "../errors";
import { commitBoardChange } from "../ops/commit-board-change";
import { passageFacts } from "./passage-check";

export async function attachAnnotation(options: {
  domain: BaseDomain;
  actor: Actor;
  input: unknown;
}): Promise<{ annotation: WireAnnotation; seq: number }> {
  const { domain, actor } = options;
  const input = parseInput(ZAnnotationAttach, options.input);
  const access = await authorize({ db: domain.db, actor, boardId: input.boardId, action: "annotation.edit-own" });
  const existing = await findLiveAnnotation(domain.db, input.boardId, input.id);
  if (existing.targetType !== "source_span" || !existing.sourceId)
    throw new AppError("VALIDATION", "Only a note on a passage can be attached to one", [
      { path: ["id"], message: "not a passage annotation" },
    ]);
  const sourceId = existing.sourceId;
  // Someone else's note is moved only by those who may moderate, as deleting it is.
  const action = existing.authorId === actor.id ? "annotation.edit-own" : "annotation.delete-any";

  const [op] = await commitBoardChange({
    domain,
    actor,
    boardId: input.boardId,
    authority: { access, action },
    change: async (tx) => {
      // FOR SHARE waits for a revision in progress, so the span is checked against the version it lands in.
      const [current] = await tx.$queryRaw<{ version: number; text: string }[]>`
        SELECT s."currentVersion" AS version, v.text FROM "Source" s
        JOIN "SourceVersion" v ON v."sourceId" = s.id AND v.version = s."currentVersion"
        WHERE s.id = ${sourceId}::uuid FOR SHARE OF s`;
      if (!current) throw new AppError("NOT_FOUND", "The source holds no document");
      const target = { type: "source-span", sourceId, version: current.version, ...spanOf(input) } as const;
      const facts = passageFacts(target, {
        text: (_id, version) => (version === current.version ? current.text : undefined),
        currentVersion: () => current.version,
      });
      const row = await tx.annotation.update({
        where: { id: input.id },
        data: {
          sourceVersion: target.version,
          quoteStart: target.start,
          quoteEnd: target.end,
          quoteExact: target.exact,
          ...facts,
        },
        include: ANNOTATION_INCLUDE,
      });
      return [{ type: "annotation.attached", entityId: row.id, data: toWireAnnotation(row) }] as const;
    },
  });
  return { annotation: op.data, seq: op.seq };
}

const spanOf = (input: { start: number; end: number; exact: string }) => ({
  start: input.start,
  end: input.end,
  exact: input.exact,
});
