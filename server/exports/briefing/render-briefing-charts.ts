// The briefing's chart images: each selected indicator as its own figure from the same chart
// definitions as the chart export, on a white page, with event numbers and annotation keys on
// every chart, rasterized (pdfkit draws images, not SVG).
import type { ChartFigureModel, IndicatorPanelModel } from "@/lib/charts/chart-model";
import { pngSize } from "../charts/png-size";
import { rasterizeSvg } from "../charts/rasterize-svg";
import { renderFigureSvg } from "../charts/render-figure-svg";

/** SVG units across the page's text width: 11 px chart text prints at about 8 pt. */
const FIGURE_WIDTH = 680;

export type BriefingChart = { panel: IndicatorPanelModel; png: Buffer; aspectRatio: number };

export async function renderBriefingCharts(charts: ChartFigureModel): Promise<BriefingChart[]> {
  const rendered: BriefingChart[] = [];
  for (const panel of charts.panels) {
    const svg = renderFigureSvg({
      model: { ...charts, panels: [panel] },
      width: FIGURE_WIDTH,
      theme: "paper",
      frame: null,
      eventLabelsOnEveryPanel: true,
      showAnnotationKeys: true,
    });
    const png = await rasterizeSvg(svg);
    const { width, height } = pngSize(png);
    rendered.push({ panel, png, aspectRatio: height / width });
  }
  return rendered;
}
