// The briefing's chart images, for the PDF and the deck: each selected indicator as its own figure from the
// same chart definitions as the chart export, with event numbers and annotation keys on every chart,
// rasterized (pdfkit and slides place images, not SVG). Each document passes the size that suits its page.
import type { ChartFigureModel, IndicatorPanelModel } from "@/lib/charts/chart-model";
import type { ChartTheme } from "@/lib/charts/chart-palette";
import { pngSize } from "../charts/png-size";
import { rasterizeSvg } from "../charts/rasterize-svg";
import { renderFigureSvg } from "../charts/render-figure-svg";

/** SVG units across the PDF page's text width: 11 px chart text prints at about 8 pt. */
const PDF_FIGURE_WIDTH = 680;

export type BriefingChart = { panel: IndicatorPanelModel; png: Buffer; aspectRatio: number };

export type BriefingChartLook = {
  /** SVG units across; the figure's own height for its width when `height` is left out. */
  width: number;
  height?: number;
  theme: ChartTheme;
};

export async function renderBriefingCharts(
  charts: ChartFigureModel,
  look: BriefingChartLook = { width: PDF_FIGURE_WIDTH, theme: "paper" },
): Promise<BriefingChart[]> {
  const rendered: BriefingChart[] = [];
  for (const panel of charts.panels) {
    const svg = renderFigureSvg({
      model: { ...charts, panels: [panel] },
      width: look.width,
      height: look.height,
      theme: look.theme,
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
