// GET /api/boards/:slug/annotations/:id.jsonld — one live annotation as a W3C Web Annotation with its
// own @context. Any member may read it; a deleted or unknown annotation, like a board the actor is not
// on, is NOT_FOUND.
import { ZUuid } from "@/lib/schemas/common";
import { type StandaloneWebAnnotation, WEB_ANNOTATION_CONTEXT } from "@/lib/schemas/web-annotation";
import type { Actor } from "../actor";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "../annotations/to-wire-annotation";
import { getBoard } from "../boards/get-board";
import type { Database } from "../db/client";
import { AppError } from "../errors";
import { watchfloorIris } from "./iris";
import { toWebAnnotation } from "./to-web-annotation";

export async function exportAnnotationJsonLd(options: {
  db: Database;
  actor: Actor;
  slug: string;
  /** The public URL the IRIs are minted under (config.publicUrl). */
  baseUrl: string;
  id: string;
}): Promise<StandaloneWebAnnotation> {
  const board = await getBoard(options);
  // The column is a uuid: anything else cannot name an annotation (and would make PostgreSQL refuse the query).
  const row = ZUuid.safeParse(options.id).success
    ? await options.db.annotation.findFirst({
        where: { id: options.id, boardId: board.id, deletedAt: null },
        include: ANNOTATION_INCLUDE,
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "No such annotation");
  const iris = watchfloorIris(options.baseUrl, board.slug);
  const context = { prefix: row.quotePrefix ?? "", suffix: row.quoteSuffix ?? "" };
  return { "@context": WEB_ANNOTATION_CONTEXT, ...toWebAnnotation(toWireAnnotation(row), iris, () => context) };
}
