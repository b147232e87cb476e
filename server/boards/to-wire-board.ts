// The board as clients see it.
import type { WireBoard } from "@/lib/schemas/board";

export const WIRE_BOARD_SELECT = {
  id: true,
  slug: true,
  title: true,
  description: true,
  handling: true,
  archivedAt: true,
} as const;

type BoardRow = {
  id: string;
  slug: string;
  title: string;
  description: string;
  handling: string;
  archivedAt: Date | null;
};

export function toWireBoard(row: BoardRow): WireBoard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    handling: row.handling,
    archived: row.archivedAt !== null,
  };
}
