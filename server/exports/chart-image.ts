// GET /api/boards/:slug/export/chart.svg|chart.png: the board's charts as one image file, for any
// member (board.read). The query picks indicators and a time range; the file carries the handling line.
import type { Actor } from "../actor";
import type { Database } from "../db/client";
import { parseInput } from "../errors";
import { type ExportFile, exportFilename } from "./charts/export-file";
import { selectedIndicatorIds, ZExportQuery } from "./charts/export-query";
import { readBoardForExport } from "./charts/read-board-for-export";
import { renderChartPng } from "./charts/render-chart-png";
import { renderChartSvg } from "./charts/render-chart-svg";

export type ChartImageFormat = "svg" | "png";

export async function exportChart(options: {
  db: Database;
  actor: Actor;
  slug: string;
  /** The URL's query as strings, e.g. Object.fromEntries(url.searchParams). */
  query: unknown;
  format: ChartImageFormat;
  /** The export's timestamp; now, unless a test pins it. */
  now?: Date;
}): Promise<ExportFile> {
  const query = parseInput(ZExportQuery, options.query);
  const snapshot = await readBoardForExport(options);
  const exportedAt = options.now ?? new Date();
  const renderOptions = {
    snapshot,
    indicatorIds: selectedIndicatorIds(query, snapshot),
    from: query.from,
    to: query.to,
    theme: query.theme,
    exporterName: options.actor.name,
    exportedAt,
  };
  const filename = exportFilename(snapshot.board.slug, "chart", exportedAt, options.format);
  return options.format === "svg"
    ? { contentType: "image/svg+xml; charset=utf-8", body: Buffer.from(await renderChartSvg(renderOptions)), filename }
    : { contentType: "image/png", body: await renderChartPng(renderOptions), filename };
}
