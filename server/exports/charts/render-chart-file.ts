// The chart export's bytes, SVG or PNG, from plain data: runs in a worker thread (server/workers/).
import { rasterizeSvg } from "./rasterize-svg";
import { type RenderChartOptions, renderChartSvg } from "./render-chart-svg";

export type ChartImageFormat = "svg" | "png";

export type ChartFileInput = RenderChartOptions & { format: ChartImageFormat };

export async function renderChartFile(input: ChartFileInput): Promise<Buffer> {
  const svg = await renderChartSvg(input);
  return input.format === "svg" ? Buffer.from(svg) : rasterizeSvg(svg);
}
