// GET /api/boards/:slug/export/chart.svg|chart.png: the board's charts as one image file, for any
// member (board.read). The query picks indicators and a time range; the file carries the handling line.
// The board is read here, on the main thread; the chart is drawn in a worker (render-chart-file.ts).
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { parseInput } from "../errors";
import type { WorkerPool } from "../workers/create-worker-pool";
import { type ExportFile, exportFilename } from "./charts/export-file";
import { selectedIndicatorIds, ZExportQuery } from "./charts/export-query";
import { readBoardForExport } from "./charts/read-board-for-export";
import type { ChartImageFormat } from "./charts/render-chart-file";

export type { ChartImageFormat };

const CONTENT_TYPE: Record<ChartImageFormat, string> = {
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
};

export async function exportChart(options: {
  db: Database;
  workers: WorkerPool;
  actor: Actor;
  slug: string;
  /** The URL's query as strings, e.g. Object.fromEntries(url.searchParams). */
  query: unknown;
  format: ChartImageFormat;
  /** The export's timestamp; now, unless a test pins it. */
  now?: Date;
}): Promise<ExportFile> {
  const query = parseInput(ZExportQuery, options.query);
  const board = await readBoardForExport({ ...options, asOf: query.asOf });
  const exportedAt = options.now ?? new Date();
  const body = await options.workers.run("chart", {
    format: options.format,
    snapshotJson: board.snapshotJson,
    indicatorIds: selectedIndicatorIds(query, board.indicatorIds),
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
    filename: exportFilename(options.slug, "chart", exportedAt, options.format),
  };
}
