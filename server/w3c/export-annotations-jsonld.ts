// GET /api/boards/:slug/export/annotations.jsonld — the board's annotations as one W3C
// AnnotationCollection (model §5) with every annotation in its embedded first page.
// Any member may export (board.read). Deleted annotations are left out, and so are replies in a thread
// whose first annotation was deleted: they would point at an annotation the export does not hold.
// Ordered by creation (then id), so an unchanged board exports byte for byte the same.
import { WEB_ANNOTATION_CONTEXT, type WebAnnotationCollection } from "@/lib/schemas/web-annotation";
import type { Actor } from "../actor";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "../annotations/to-wire-annotation";
import { getBoard } from "../boards/get-board";
import type { Database } from "../db/client";
import { watchfloorIris } from "./iris";
import { toWebAnnotation } from "./to-web-annotation";

export async function exportAnnotationsJsonLd(options: {
  db: Database;
  actor: Actor;
  slug: string;
  /** The public URL the IRIs are minted under (config.publicUrl). */
  baseUrl: string;
}): Promise<WebAnnotationCollection> {
  const { db } = options;
  const board = await getBoard(options);
  const rows = await db.annotation.findMany({
    where: { boardId: board.id, deletedAt: null, OR: [{ parentId: null }, { parent: { deletedAt: null } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: ANNOTATION_INCLUDE,
  });
  const iris = watchfloorIris(options.baseUrl, board.slug);
  const items = rows.map((row) => toWebAnnotation(toWireAnnotation(row), iris));
  return {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: iris.collection,
    type: "AnnotationCollection",
    label: board.title,
    total: items.length,
    first: { id: iris.page, type: "AnnotationPage", startIndex: 0, items },
    last: iris.page,
  };
}
