// annotation:create — validate, authorize, write the annotation and its op in one transaction,
// publish after commit. The client-generated id makes a retry return the first result.
import type { WireOp } from "@/lib/ops";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import { type TAnnotationCreate, ZAnnotationCreate } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { authorize } from "../boards/access";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { appendOp } from "../ops/append-op";
import { findMentions, recordMentions } from "./find-mentions";
import { recordRevision } from "./record-revision";
import { targetColumns } from "./target-columns";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "./to-wire-annotation";

export type CreateAnnotationResult = { annotation: WireAnnotation; seq: number; replayed: boolean };

export async function createAnnotation(options: {
  domain: Domain;
  actor: Actor;
  input: unknown;
}): Promise<CreateAnnotationResult> {
  const { domain, actor } = options;
  const { db } = domain;
  const input = parseInput(ZAnnotationCreate, options.input);
  await authorize({ db, actor, boardId: input.boardId, action: "annotation.create" });

  // A replay of a create that already happened is answered first: it costs no write token.
  const earlier = await findEarlierCreate(db, actor, input);
  if (earlier) return earlier;
  await domain.limiter.take(actor.id);

  let op: WireOp<"annotation.created">;
  try {
    op = await db.$transaction(async (tx) => {
      await checkTargetOnBoard(tx, input);
      const created = await tx.annotation.create({ data: toRow(actor, input), include: ANNOTATION_INCLUDE });
      await recordRevision(tx, created, actor.id);
      const mentioned = await findMentions(tx, { boardId: input.boardId, body: input.body, authorId: actor.id });
      await recordMentions(tx, { boardId: input.boardId, annotationId: created.id, userIds: mentioned });
      const row = mentioned.length
        ? await tx.annotation.findUniqueOrThrow({ where: { id: created.id }, include: ANNOTATION_INCLUDE })
        : created;
      return appendOp(tx, {
        boardId: input.boardId,
        type: "annotation.created",
        entityId: row.id,
        actorId: actor.id,
        data: toWireAnnotation(row),
      });
    });
  } catch (error) {
    // Two deliveries of the same create raced; the other one committed first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findEarlierCreate(db, actor, input);
      if (winner) return winner;
    }
    throw error;
  }
  domain.effects.publish(op);
  return { annotation: op.data, seq: op.seq, replayed: false };
}

/** The first result of an earlier create with this id, or CONFLICT when the id belongs to someone else. */
async function findEarlierCreate(
  db: Database,
  actor: Actor,
  input: TAnnotationCreate,
): Promise<CreateAnnotationResult | null> {
  const existing = await db.annotation.findUnique({ where: { id: input.id }, include: ANNOTATION_INCLUDE });
  if (!existing) return null;
  if (existing.boardId !== input.boardId || existing.authorId !== actor.id) {
    throw new AppError("CONFLICT", "An annotation with this id already exists");
  }
  const created = await db.op.findFirst({
    where: { boardId: existing.boardId, entityId: existing.id, type: "annotation.created" },
    select: { seq: true },
  });
  if (!created) throw new Error(`Annotation ${existing.id} has no annotation.created op`);
  return { annotation: toWireAnnotation(existing), seq: created.seq, replayed: true };
}

async function checkTargetOnBoard(tx: TransactionClient, input: TAnnotationCreate): Promise<void> {
  const { target, boardId } = input;
  const missing = (what: string, path: string[]) =>
    new AppError("VALIDATION", `The ${what} is not on this board`, [
      { path, message: `no such ${what} on this board` },
    ]);
  if (target.type === "event") {
    const found = await tx.event.count({ where: { id: target.eventId, boardId } });
    if (!found) throw missing("event", ["target", "eventId"]);
  } else if (target.type === "indicator" || target.type === "indicator-range") {
    const found = await tx.indicator.count({ where: { id: target.indicatorId, boardId } });
    if (!found) throw missing("indicator", ["target", "indicatorId"]);
  } else if (target.type === "observation") {
    const found = await tx.observation.count({ where: { id: target.observationId, indicator: { boardId } } });
    if (!found) throw missing("observation", ["target", "observationId"]);
  }
  if (input.parentId) {
    // Threads are one level deep: a reply goes to the thread's top annotation.
    const found = await tx.annotation.count({
      where: { id: input.parentId, boardId, deletedAt: null, parentId: null },
    });
    if (!found) throw missing("thread being replied to", ["parentId"]);
  }
}

function toRow(actor: Actor, input: TAnnotationCreate): Prisma.AnnotationUncheckedCreateInput {
  return {
    id: input.id,
    boardId: input.boardId,
    authorId: actor.id,
    ...targetColumns(input.target),
    body: input.body,
    kind: input.kind,
    confidence: input.confidence ?? null,
    tags: input.tags,
    parentId: input.parentId ?? null,
  };
}
