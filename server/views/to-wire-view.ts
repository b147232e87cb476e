// A saved view as the wire carries it (lib/schemas/shift.ts WireSavedView), from its row and its author.
import { type WireSavedView, ZSavedViewState } from "@/lib/schemas/shift";
import type { Prisma } from "../db/generated/client";

export const VIEW_INCLUDE = { createdBy: { select: { id: true, name: true } } } as const;

type ViewRow = Prisma.SavedViewGetPayload<{ include: typeof VIEW_INCLUDE }>;

export function toWireView(row: ViewRow): WireSavedView {
  return {
    id: row.id,
    boardId: row.boardId,
    name: row.name,
    // Stored only after this schema took it; parsing again gives the same defaults the save answered.
    state: ZSavedViewState.parse(row.state),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}
