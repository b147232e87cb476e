// A board's indicators as one chart file, framed for sharing: what the board page shows, plus title,
// legend, time range, event key, who exported it and when, and the board's handling line.
import { buildChartFigureModel } from "@/lib/charts/chart-model";
import type { ChartTheme } from "@/lib/charts/chart-palette";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { asKnownAtLine } from "./as-known-at";
import { renderFigureSvg } from "./render-figure-svg";

export type RenderChartOptions = {
  snapshot: BoardSnapshot;
  /** Which indicators, in the board's order; all when absent. */
  indicatorIds?: readonly string[];
  /** ISO instants bounding the time axis; the board's span when absent. */
  from?: string;
  to?: string;
  exporterName: string;
  exportedAt: Date;
  /** The instant an as-of export shows the board at (issue 19); null or absent for the board now. */
  knownAt?: Date | null;
  /** In SVG units (CSS pixels); the PNG has twice as many pixels each way. */
  width?: number;
  height?: number;
  /** "screen" looks like the board page; "paper" is dark on white. */
  theme?: ChartTheme;
};

export const DEFAULT_CHART_WIDTH = 960;

export async function renderChartSvg(options: RenderChartOptions): Promise<string> {
  const model = buildChartFigureModel(options.snapshot, {
    indicatorIds: options.indicatorIds,
    from: options.from,
    to: options.to,
  });
  return renderFigureSvg({
    model,
    width: options.width ?? DEFAULT_CHART_WIDTH,
    height: options.height,
    theme: options.theme ?? "screen",
    frame: {
      exporterName: options.exporterName,
      exportedAt: options.exportedAt.toISOString(),
      ...(options.knownAt ? { knownAtLine: asKnownAtLine(options.knownAt) } : {}),
    },
  });
}
