// The board's live annotations for a member (GET /api/boards/:slug/annotations).
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import { getBoard } from "../boards/get-board";
import type { Database } from "../db/client";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "./to-wire-annotation";

export async function listAnnotations(options: {
  db: Database;
  actor: Actor;
  slug: string;
}): Promise<{ boardId: string; annotations: WireAnnotation[] }> {
  const board = await getBoard(options);
  const rows = await options.db.annotation.findMany({
    where: { boardId: board.id, deletedAt: null },
    orderBy: { createdAt: "asc" },
    include: ANNOTATION_INCLUDE,
  });
  return { boardId: board.id, annotations: rows.map(toWireAnnotation) };
}
