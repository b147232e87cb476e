// Reads a whole board as clients render it, in one repeatable-read transaction so the snapshot and
// its seq describe the same moment.
import type { BoardSnapshot } from "@/lib/schemas/board";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "../annotations/to-wire-annotation";
import { toWireEvent, toWireIndicator, toWireObservation, toWireSource } from "../content/to-wire";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { toWireBoard } from "./to-wire-board";

export async function readBoardSnapshot(options: {
  db: Database;
  boardId: string;
}): Promise<{ seq: number; snapshot: BoardSnapshot }> {
  const { boardId } = options;
  return options.db.$transaction(
    async (tx) => {
      const board = await tx.board.findUnique({ where: { id: boardId } });
      if (!board) throw new AppError("NOT_FOUND", "No such board");
      // One connection serves a transaction, so its reads go one after another.
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
        orderBy: { createdAt: "asc" },
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
    // Hundreds of analysts joining at once queue for pool connections: wait for one rather than
    // failing the join after Prisma's default 2 s (maxWait) or 5 s (timeout).
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 30_000, timeout: 30_000 },
  );
}
