// The chart export's bytes, SVG or PNG, from plain data: runs in a worker thread (server/workers/),
// which is handed the board snapshot as JSON text and parses it here, off the event loop.
import type { BoardSnapshot } from "@/lib/schemas/board";
import { rasterizeSvg } from "./rasterize-svg";
import { type RenderChartOptions, renderChartSvg } from "./render-chart-svg";

export type ChartImageFormat = "svg" | "png";

export type ChartFileInput = Omit<RenderChartOptions, "snapshot"> & { snapshotJson: string; format: ChartImageFormat };

export async function renderChartFile(input: ChartFileInput): Promise<Buffer> {
  const svg = await renderChartSvg({ ...input, snapshot: JSON.parse(input.snapshotJson) as BoardSnapshot });
  return input.format === "svg" ? Buffer.from(svg) : rasterizeSvg(svg);
}
