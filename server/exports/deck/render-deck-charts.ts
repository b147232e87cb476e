// Each chosen indicator's chart as a PNG for its slide: the same figure and server renderer as the chart
// export and the briefing PDF (render-figure-svg.tsx, rasterize-svg.ts), sized for a widescreen slide,
// with event numbers and annotation letters on it. Runs inside the deck's worker task.
import type { ChartFigureModel, IndicatorPanelModel } from "@/lib/charts/chart-model";
import type { ChartTheme } from "@/lib/charts/chart-palette";
import { pngSize } from "../charts/png-size";
import { rasterizeSvg } from "../charts/rasterize-svg";
import { renderFigureSvg } from "../charts/render-figure-svg";

/** SVG units across the slide's 12.3 inches: chart text of 11 px shows at about 9 pt. */
const FIGURE_WIDTH = 1100;
const FIGURE_HEIGHT = 330;

export type DeckChart = { panel: IndicatorPanelModel; png: Buffer; aspectRatio: number };

export async function renderDeckCharts(charts: ChartFigureModel, theme: ChartTheme): Promise<DeckChart[]> {
  const rendered: DeckChart[] = [];
  for (const panel of charts.panels) {
    const svg = renderFigureSvg({
      model: { ...charts, panels: [panel] },
      width: FIGURE_WIDTH,
      height: FIGURE_HEIGHT,
      theme,
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
