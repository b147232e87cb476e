// An exported map, framed for sharing: the handling line at top and bottom, the board's title and the
// period, the map itself (the board page's MapFigure), a legend of the categories drawn, who exported it.
import { CHART_FONT_FAMILY, CHART_PALETTES, type ChartTheme } from "@/lib/charts/chart-palette";
import { HandlingBand } from "@/lib/charts/figure/HandlingBand";
import { FIGURE_PADDING } from "@/lib/charts/figure-layout";
import { fitText } from "@/lib/charts/figure-text";
import { MapFigure } from "@/lib/map/MapFigure";
import type { MapModel } from "@/lib/map/map-model";
import { CATEGORY_COLORS, MAP_PALETTES } from "@/lib/map/map-palette";
import { LEGEND_FONT_SIZE, type MapExportLayout, type PlacedLegendEntry } from "./map-export-layout";

export const MAP_EXPORT_ATTRIBUTE = "data-map-export";

export type MapExportFigureProps = {
  model: MapModel;
  layout: MapExportLayout;
  theme: ChartTheme;
  title: string;
  /** "Events 2022-01-10 00:00Z – 2022-01-14 00:00Z (UTC) · 6 located" and the like. */
  subtitle: string;
  handling: string;
  /** "Exported by … at …" (drawn only when the layout has a frame). */
  footer: string | null;
};

export function MapExportFigure({ model, layout, theme, title, subtitle, handling, footer }: MapExportFigureProps) {
  const palette = CHART_PALETTES[theme];
  const { width, height, frame } = layout;
  const textWidth = width - 2 * FIGURE_PADDING;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={CHART_FONT_FAMILY}
      {...{ [MAP_EXPORT_ATTRIBUTE]: "" }}
    >
      <title>{`${title}: map`}</title>
      <rect width={width} height={height} fill={palette.background} />
      {frame ? (
        <>
          <HandlingBand y={frame.bands.top} width={width} text={handling} palette={palette} />
          <g transform={`translate(${FIGURE_PADDING} ${frame.header.y})`}>
            <text y={20} fontSize={18} fontWeight={700} fill={palette.text}>
              {fitText(title, textWidth, 18, "bold")}
            </text>
            <text y={40} fontSize={12} fill={palette.muted}>
              {fitText(subtitle, textWidth, 12)}
            </text>
          </g>
          <HandlingBand y={frame.bands.bottom} width={width} text={handling} palette={palette} />
        </>
      ) : null}
      <g transform={`translate(${layout.map.x} ${layout.map.y})`}>
        <MapFigure model={model} theme={theme} />
        <rect width={layout.map.width} height={layout.map.height} fill="none" stroke={palette.grid} />
      </g>
      {layout.legend.map((entry) => (
        <LegendItem key={entry.label} entry={entry} theme={theme} />
      ))}
      {frame ? (
        <g transform={`translate(${FIGURE_PADDING} ${frame.footer.y})`} fontSize={11} fill={palette.muted}>
          {footer ? <text y={17}>{fitText(footer, textWidth * 0.7, 11)}</text> : null}
          <text x={textWidth} y={17} textAnchor="end">
            Borders: Natural Earth
          </text>
        </g>
      ) : null}
    </svg>
  );
}

function LegendItem({ entry, theme }: { entry: PlacedLegendEntry; theme: ChartTheme }) {
  const map = MAP_PALETTES[theme];
  const symbol =
    entry.kind === "category" ? (
      <circle cx={8} cy={9} r={6} fill={CATEGORY_COLORS[entry.category]} stroke={map.markerStroke} />
    ) : (
      <g transform="translate(8 9)">
        <rect x={-7} y={-6} width={14} height={12} rx={6} fill={map.badgeFill} />
        <text y={3} textAnchor="middle" fontSize={8} fontWeight={700} fill={map.badgeText}>
          n
        </text>
      </g>
    );
  return (
    <g
      transform={`translate(${entry.x} ${entry.y})`}
      data-legend={entry.kind === "category" ? entry.category : "notes"}
    >
      {symbol}
      <text x={22} y={13} fontSize={LEGEND_FONT_SIZE} fill={CHART_PALETTES[theme].text}>
        {entry.label}
      </text>
    </g>
  );
}
