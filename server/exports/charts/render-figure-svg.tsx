// A <BoardChartFigure> rendered on the server and composed into one standalone SVG document.
import { composeFigureSvg } from "@/lib/charts/compose-figure-svg";
import { BoardChartFigure, type BoardChartFigureProps } from "@/lib/charts/figure/BoardChartFigure";
import { FIGURE_ATTRIBUTE } from "@/lib/charts/figure-attributes";
import { canonicalIds } from "./canonical-ids";
import { renderInJsdom } from "./render-in-jsdom";
import { xmlSafeData } from "./xml-safe-data";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Every chart the server draws (chart.svg/png, the briefing PDF's and the deck's) is drawn here. */
export function renderFigureSvg(props: BoardChartFigureProps): string {
  // Stored text may hold control characters XML cannot carry; one would make the file unreadable.
  return renderInJsdom(<BoardChartFigure {...xmlSafeData(props)} />, (container) => {
    const figure = container.querySelector(`[${FIGURE_ATTRIBUTE}]`);
    if (!figure) throw new Error("the chart figure did not render");
    return XML_DECLARATION + canonicalIds(composeFigureSvg(figure));
  });
}
