// The chart file of renderChartSvg as a PNG at twice its size.
import { rasterizeSvg } from "./rasterize-svg";
import { type RenderChartOptions, renderChartSvg } from "./render-chart-svg";

export async function renderChartPng(options: RenderChartOptions): Promise<Buffer> {
  return rasterizeSvg(await renderChartSvg(options));
}
