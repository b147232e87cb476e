// GET /api/boards/:slug/export/briefing.pdf: a briefing pack rendered on the server, no browser
// involved (briefing/render-briefing-pdf.ts). The board is read and the query checked here, on the
// main thread; the pack is laid out in a worker thread.
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { parseInput } from "../errors";
import type { WorkerPool } from "../workers/create-worker-pool";
import { type ExportFile, exportFilename } from "./charts/export-file";
import { selectedIndicatorIds, ZExportQuery } from "./charts/export-query";
import { readBoardForExport } from "./charts/read-board-for-export";

export async function exportBriefingPdf(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
  /** The URL's query as strings: indicators (comma-separated ids), from, to, asOf. */
  query: unknown;
  /** The export's timestamp; now, unless a test pins it. */
  now?: Date;
}): Promise<ExportFile> {
  const query = parseInput(ZExportQuery, options.query);
  const board = await readBoardForExport({ ...options, asOf: query.asOf });
  const exportedAt = options.now ?? new Date();
  const body = await options.workers.run("briefing-pdf", {
    snapshotJson: board.snapshotJson,
    selection: { indicatorIds: selectedIndicatorIds(query, board.indicatorIds), from: query.from, to: query.to },
    exporterName: options.actor.name,
    knownAt: board.knownAt,
    exportedAt,
  });
  return {
    contentType: "application/pdf",
    body,
    filename: exportFilename(options.slug, "briefing", exportedAt, "pdf"),
  };
}
