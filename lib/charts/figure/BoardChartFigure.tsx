// A board's indicators as one exportable figure at a fixed size: the charts stacked on a shared time
// axis as on the board page, inside a frame that says what, when, by whom and how to handle it.
// The server renders it to SVG/PNG/PDF; the page can render it off-screen for its export button.
// Either way composeFigureSvg() turns the rendered DOM into one standalone SVG file.
import type { ChartFigureModel } from "@/lib/charts/chart-model";
import { CHART_FONT_FAMILY, CHART_PALETTES, type ChartTheme } from "@/lib/charts/chart-palette";
import { FIGURE_ATTRIBUTE, PANEL_ATTRIBUTE } from "@/lib/charts/figure-attributes";
import { type FrameText, layoutFigure } from "@/lib/charts/figure-layout";
import { FigureChrome } from "./FigureChrome";
import { IndicatorPanel } from "./IndicatorPanel";

export type BoardChartFigureProps = {
  model: ChartFigureModel;
  width: number;
  height?: number;
  theme: ChartTheme;
  /** Exporter and time for the footer; null draws the charts and their captions only. */
  frame: FrameText | null;
  /** Event numbers on every chart (for charts read one by one) rather than on the first only. */
  eventLabelsOnEveryPanel?: boolean;
  showAnnotationKeys?: boolean;
};

export function BoardChartFigure({
  model,
  width,
  height,
  theme,
  frame,
  eventLabelsOnEveryPanel = false,
  showAnnotationKeys = false,
}: BoardChartFigureProps) {
  const palette = CHART_PALETTES[theme];
  const layout = layoutFigure(model, { width, height, frame, eventLabelsOnEveryPanel });
  return (
    <div
      {...{ [FIGURE_ATTRIBUTE]: "" }}
      data-width={layout.width}
      data-height={layout.height}
      style={{ position: "relative", width: layout.width, height: layout.height, fontFamily: CHART_FONT_FAMILY }}
    >
      <div style={{ position: "absolute", left: 0, top: 0 }}>
        <FigureChrome model={model} layout={layout} frame={frame} palette={palette} />
      </div>
      {model.panels.map((panel, index) => {
        const placement = layout.panels[index];
        if (!placement) return null;
        return (
          <div
            key={panel.indicator.id}
            {...{ [PANEL_ATTRIBUTE]: "" }}
            data-x={placement.x}
            data-y={placement.y}
            style={{ position: "absolute", left: placement.x, top: placement.y }}
          >
            <IndicatorPanel
              panel={panel}
              events={model.events}
              domain={model.domain}
              ticks={model.ticks}
              width={placement.width}
              height={placement.chartHeight}
              palette={palette}
              topMargin={placement.topMargin}
              eventLabelLanes={placement.eventLabelLanes}
              showAnnotationKeys={showAnnotationKeys}
            />
          </div>
        );
      })}
    </div>
  );
}
