// The board snapshot as Prisma built it before issue 11 (objects read through the query builder, then
// mapped by the toWire* functions): the reference the SQL-built snapshot is held equal to
// (tests/integration/board-snapshot-sql.test.ts). Kept for tests only.
import type { BoardSnapshot } from "@/lib/schemas/board";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "@/server/annotations/to-wire-annotation";
import { toWireBoard } from "@/server/boards/to-wire-board";
import { toWireEvent, toWireIndicator, toWireObservation, toWireSource } from "@/server/content/to-wire";
import type { Database } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";

export async function readPrismaBoardSnapshot(
  db: Database,
  boardId: string,
): Promise<{ seq: number; snapshot: BoardSnapshot }> {
  return db.$transaction(
    async (tx) => {
      const board = await tx.board.findUniqueOrThrow({ where: { id: boardId } });
      const events = await tx.event.findMany({
        where: { boardId },
        orderBy: { occurredAt: "asc" },
        include: { sources: true },
      });
      const indicators = await tx.indicator.findMany({
        where: { boardId },
        orderBy: { createdAt: "asc" },
        include: { observations: { orderBy: { observedAt: "asc" } } },
      });
      const sources = await tx.source.findMany({ where: { boardId }, orderBy: { publishedAt: "asc" } });
      const annotations = await tx.annotation.findMany({
        where: { boardId, deletedAt: null },
        // Ties by id, as the snapshot SQL and the clients' reducer break them.
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: ANNOTATION_INCLUDE,
      });
      const memberships = await tx.membership.findMany({
        where: { boardId },
        include: { user: { select: { name: true, email: true } } },
      });
      const snapshot: BoardSnapshot = {
        board: toWireBoard(board),
        events: events.map(toWireEvent),
        indicators: indicators.map((indicator) => ({
          ...toWireIndicator(indicator),
          observations: indicator.observations.map(toWireObservation),
        })),
        sources: sources.map(toWireSource),
        annotations: annotations.map(toWireAnnotation),
        members: memberships
          .map((membership) => ({
            userId: membership.userId,
            name: membership.user.name,
            email: membership.user.email,
            role: membership.role,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
      return { seq: board.lastSeq, snapshot };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 30_000, timeout: 30_000 },
  );
}
