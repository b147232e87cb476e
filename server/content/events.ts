// event:create / event:update / event:delete — what happened, when, where, and from which sources.
import type { WireEvent } from "@/lib/schemas/board";
import { ZEventCreate, ZEventUpdate } from "@/lib/schemas/content";
import type { Actor } from "../actor";
import type { TransactionClient } from "../db/transaction";
import type { Domain } from "../domain";
import { AppError, parseInput } from "../errors";
import { commitContentChange, creationSeq } from "./commit-content-change";
import { deleteContent } from "./delete-content";
import { createOnce, notOnBoard } from "./replay";
import { toWireEvent } from "./to-wire";

type Options = { domain: Domain; actor: Actor; input: unknown };
const WITH_SOURCES = { sources: { select: { sourceId: true } } } as const;

async function checkSources(tx: TransactionClient, boardId: string, sourceIds: string[] | undefined): Promise<void> {
  if (!sourceIds?.length) return;
  const found = await tx.source.count({ where: { boardId, id: { in: sourceIds } } });
  if (found !== new Set(sourceIds).size) throw notOnBoard("source", ["sourceIds"]);
}

export async function createEvent({ domain, actor, input: raw }: Options): Promise<{ event: WireEvent; seq: number }> {
  const input = parseInput(ZEventCreate, raw);
  return createOnce({
    boardId: input.boardId,
    find: async () => {
      const row = await domain.db.event.findUnique({ where: { id: input.id }, include: WITH_SOURCES });
      if (!row) return null;
      return {
        boardId: row.boardId,
        result: { event: toWireEvent(row), seq: await creationSeq(domain.db, row.boardId, row.id, "event.created") },
      };
    },
    create: async () => {
      const op = await commitContentChange({
        domain,
        actor,
        boardId: input.boardId,
        change: async (tx) => {
          await checkSources(tx, input.boardId, input.sourceIds);
          const row = await tx.event.create({
            data: {
              id: input.id,
              boardId: input.boardId,
              title: input.title,
              occurredAt: new Date(input.occurredAt),
              endsAt: input.endsAt ? new Date(input.endsAt) : null,
              category: input.category,
              place: input.place,
              description: input.description,
              sources: { create: [...new Set(input.sourceIds)].map((sourceId) => ({ sourceId })) },
            },
            include: WITH_SOURCES,
          });
          return { type: "event.created", entityId: row.id, data: toWireEvent(row) };
        },
      });
      return { event: op.data, seq: op.seq };
    },
  });
}

export async function updateEvent({ domain, actor, input: raw }: Options): Promise<{ event: WireEvent; seq: number }> {
  const input = parseInput(ZEventUpdate, raw);
  const op = await commitContentChange({
    domain,
    actor,
    boardId: input.boardId,
    change: async (tx) => {
      const existing = await tx.event.findFirst({ where: { id: input.id, boardId: input.boardId } });
      if (!existing) throw new AppError("NOT_FOUND", "No such event");
      await checkSources(tx, input.boardId, input.sourceIds);
      const occurredAt = input.occurredAt ? new Date(input.occurredAt) : existing.occurredAt;
      const endsAt = input.endsAt === undefined ? existing.endsAt : input.endsAt ? new Date(input.endsAt) : null;
      if (endsAt && endsAt < occurredAt)
        throw new AppError("VALIDATION", "An event cannot end before it starts", [
          { path: ["endsAt"], message: "ends before it starts" },
        ]);
      if (input.sourceIds) await tx.eventSource.deleteMany({ where: { eventId: input.id } });
      const row = await tx.event.update({
        where: { id: input.id },
        data: {
          ...(input.title !== undefined ? { title: input.title } : {}),
          occurredAt,
          endsAt,
          ...(input.category !== undefined ? { category: input.category } : {}),
          ...(input.place !== undefined ? { place: input.place } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.sourceIds
            ? { sources: { create: [...new Set(input.sourceIds)].map((sourceId) => ({ sourceId })) } }
            : {}),
        },
        include: WITH_SOURCES,
      });
      return { type: "event.updated", entityId: row.id, data: toWireEvent(row) };
    },
  });
  return { event: op.data, seq: op.seq };
}

export function deleteEvent(options: Options): Promise<{ id: string; seq: number }> {
  return deleteContent({ ...options, kind: "event" });
}
