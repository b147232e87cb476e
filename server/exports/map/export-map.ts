// GET /api/boards/:slug/export/map.svg|map.png: the board's events on a map, for any member (board.read),
// authorized and queried exactly as the chart export (from, to, theme). The board is read here, on the
// main thread; the map is drawn in a worker (render-map-task.ts).
import type { Actor } from "../../actor";
import type { Database } from "../../db/client";
import { parseInput } from "../../errors";
import type { WorkerPool } from "../../workers/create-worker-pool";
import { type ExportFile, exportFilename } from "../charts/export-file";
import { ZExportQuery } from "../charts/export-query";
import { readBoardForExport } from "../charts/read-board-for-export";

export type MapImageFormat = "svg" | "png";

const CONTENT_TYPE: Record<MapImageFormat, string> = {
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
};

export async function exportMap(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
  /** The URL's query as strings: from, to, theme, asOf. */
  query: unknown;
  format: MapImageFormat;
  /** The export's timestamp; now, unless a test pins it. */
  now?: Date;
}): Promise<ExportFile> {
  const query = parseInput(ZExportQuery, options.query);
  const board = await readBoardForExport({ ...options, asOf: query.asOf });
  const exportedAt = options.now ?? new Date();
  const body = await options.workers.run("map", {
    format: options.format,
    snapshotJson: board.snapshotJson,
    from: query.from,
    to: query.to,
    theme: query.theme,
    exporterName: options.actor.name,
    knownAt: board.knownAt,
    exportedAt,
  });
  return {
    contentType: CONTENT_TYPE[options.format],
    body,
    filename: exportFilename(options.slug, "map", exportedAt, options.format),
  };
}
