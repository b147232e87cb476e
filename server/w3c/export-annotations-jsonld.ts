// GET /api/boards/:slug/export/annotations.jsonld — the board's annotations as one W3C
// AnnotationCollection (annotations-jsonld.ts), written in a worker thread from the board snapshot read
// here and streamed to the response as it is written. Any member may export (board.read).
import { WEB_ANNOTATION_CONTENT_TYPE } from "@/lib/schemas/web-annotation";
import type { Actor } from "../actor";
import { getBoard } from "../boards/get-board";
import { readBoardSnapshotJson } from "../boards/read-board-snapshot-json";
import type { Database } from "../db/client";
import type { StreamedExportFile } from "../exports/charts/export-file";
import type { WorkerPool } from "../workers/create-worker-pool";
import { readQuoteContexts } from "./quote-contexts";

export async function exportAnnotationsJsonLd(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
  /** The public URL the IRIs are minted under (config.publicUrl). */
  baseUrl: string;
}): Promise<StreamedExportFile> {
  const board = await getBoard(options);
  const [{ snapshot }, quoteContexts] = await Promise.all([
    readBoardSnapshotJson({ db: options.db, boardId: board.id }),
    readQuoteContexts(options.db, board.id),
  ]);
  const body = await options.workers.stream("annotations-jsonld", {
    snapshotJson: snapshot.text,
    baseUrl: options.baseUrl,
    quoteContexts,
  });
  return { contentType: WEB_ANNOTATION_CONTENT_TYPE, body, filename: `${board.slug}-annotations.jsonld` };
}
