// GET /api/boards/:slug/export/annotations.jsonld — the board's annotations as one W3C
// AnnotationCollection (annotations-jsonld.ts, written in a worker thread from the rows read here).
// Any member may export (board.read). Deleted annotations are left out, and so are replies in a thread
// whose first annotation was deleted: they would point at an annotation the export does not hold.
// Ordered by creation (then id), so an unchanged board exports byte for byte the same.
import { WEB_ANNOTATION_CONTENT_TYPE } from "@/lib/schemas/web-annotation";
import type { Actor } from "../actor";
import { ANNOTATION_INCLUDE } from "../annotations/to-wire-annotation";
import { getBoard } from "../boards/get-board";
import type { Database } from "../db/client";
import type { ExportFile } from "../exports/charts/export-file";
import type { WorkerPool } from "../workers/create-worker-pool";

export async function exportAnnotationsJsonLd(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
  /** The public URL the IRIs are minted under (config.publicUrl). */
  baseUrl: string;
}): Promise<ExportFile> {
  const { db } = options;
  const board = await getBoard(options);
  const rows = await db.annotation.findMany({
    where: { boardId: board.id, deletedAt: null, OR: [{ parentId: null }, { parent: { deletedAt: null } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: ANNOTATION_INCLUDE,
  });
  const body = await options.workers.run("annotations-jsonld", {
    board: { slug: board.slug, title: board.title },
    rows,
    baseUrl: options.baseUrl,
  });
  return { contentType: WEB_ANNOTATION_CONTENT_TYPE, body, filename: `${board.slug}-annotations.jsonld` };
}
