// A <BoardChartFigure> rendered on the server and composed into one standalone SVG document.
import { composeFigureSvg } from "@/lib/charts/compose-figure-svg";
import { BoardChartFigure, type BoardChartFigureProps } from "@/lib/charts/figure/BoardChartFigure";
import { FIGURE_ATTRIBUTE } from "@/lib/charts/figure-attributes";
import { canonicalIds } from "./canonical-ids";
import { renderInJsdom } from "./render-in-jsdom";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function renderFigureSvg(props: BoardChartFigureProps): string {
  return renderInJsdom(<BoardChartFigure {...props} />, (container) => {
    const figure = container.querySelector(`[${FIGURE_ATTRIBUTE}]`);
    if (!figure) throw new Error("the chart figure did not render");
    return XML_DECLARATION + canonicalIds(composeFigureSvg(figure));
  });
}
