// The text around an exported figure's charts, as one SVG layer under them: handling lines at top and
// bottom, title and time range, legend, panel captions, the numbered event key, and who exported it.

import type { ChartFigureModel } from "@/lib/charts/chart-model";
import { CHART_FONT_FAMILY, type ChartPalette } from "@/lib/charts/chart-palette";
import { CHROME_ATTRIBUTE } from "@/lib/charts/figure-attributes";
import {
  EVENT_KEY_ROW_HEIGHT,
  FIGURE_PADDING,
  type FigureLayout,
  type FrameText,
  HEADER_TEXT,
  LEGEND_TEXT,
  type LegendItem,
  PANEL_CAPTION_HEIGHT,
  type Placed,
} from "@/lib/charts/figure-layout";
import { fitText } from "@/lib/charts/figure-text";
import { formatUtc } from "@/lib/time";
import { HandlingBand } from "./HandlingBand";

type Props = { model: ChartFigureModel; layout: FigureLayout; frame: FrameText | null; palette: ChartPalette };

export function FigureChrome({ model, layout, frame, palette }: Props) {
  const { width, height } = layout;
  const textWidth = width - 2 * FIGURE_PADDING;
  const [start, end] = model.domain;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={CHART_FONT_FAMILY}
      {...{ [CHROME_ATTRIBUTE]: "" }}
    >
      <title>{`${model.board.title}: ${model.panels.map((panel) => panel.indicator.name).join(", ")}`}</title>
      <rect width={width} height={height} fill={palette.background} />
      {layout.handlingBands ? (
        <>
          <HandlingBand y={layout.handlingBands.top} width={width} text={model.board.handling} palette={palette} />
          <HandlingBand y={layout.handlingBands.bottom} width={width} text={model.board.handling} palette={palette} />
        </>
      ) : null}
      {layout.header ? (
        <g transform={`translate(${FIGURE_PADDING} ${layout.header.y})`}>
          <text y={HEADER_TEXT.titleBaseline} fontSize={18} fontWeight={700} fill={palette.text}>
            {fitText(model.board.title, textWidth, 18, "bold")}
          </text>
          <text y={HEADER_TEXT.subtitleBaseline} fontSize={12} fill={palette.muted}>
            {frame?.knownAtLine ? (
              <tspan fontWeight={700} fill={palette.text}>{`${frame.knownAtLine} · `}</tspan>
            ) : null}
            {`Indicators · ${formatUtc(new Date(start).toISOString())} – ${formatUtc(new Date(end).toISOString())} (UTC)`}
          </text>
        </g>
      ) : null}
      {layout.legend.map((item) => (
        <LegendEntry key={`${item.kind}:${item.label}`} item={item} palette={palette} />
      ))}
      {model.panels.map(({ indicator }, index) => {
        const top = (layout.panels[index]?.y ?? 0) - PANEL_CAPTION_HEIGHT;
        return (
          <g key={indicator.id} transform={`translate(${FIGURE_PADDING} ${top})`}>
            <rect y={7} width={10} height={10} rx={2} fill={indicator.color} />
            <text x={16} y={16} fontSize={13} fill={palette.text}>
              <tspan fontWeight={700}>{fitText(indicator.name, textWidth * 0.7, 13, "bold")}</tspan>
              <tspan fontSize={12} fill={palette.muted} dx={6}>
                {indicator.unit}
              </tspan>
            </text>
          </g>
        );
      })}
      {layout.eventKey ? <EventKey model={model} eventKey={layout.eventKey} palette={palette} /> : null}
      {layout.footer && frame ? (
        <g transform={`translate(${FIGURE_PADDING} ${layout.footer.y})`} fontSize={11} fill={palette.muted}>
          <text y={17}>
            {fitText(`Exported by ${frame.exporterName} at ${formatUtc(frame.exportedAt)}`, textWidth * 0.7, 11)}
          </text>
          <text x={textWidth} y={17} textAnchor="end">
            {`Watchfloor · ${model.board.slug}`}
          </text>
        </g>
      ) : null}
    </svg>
  );
}

function LegendEntry({ item, palette }: { item: Placed<LegendItem>; palette: ChartPalette }) {
  const middle = 9;
  const symbol = {
    series:
      item.kind === "series" ? (
        <>
          <line x1={0} x2={18} y1={middle} y2={middle} stroke={item.color} strokeWidth={2} />
          <circle cx={9} cy={middle} r={2.5} fill={palette.dotFill} stroke={item.color} />
        </>
      ) : null,
    event: <line x1={9} x2={9} y1={1} y2={17} stroke={palette.eventLine} strokeDasharray="2 3" strokeWidth={1.5} />,
    threshold: <line x1={0} x2={18} y1={middle} y2={middle} stroke={palette.warn} strokeDasharray="6 3" />,
    annotation: <circle cx={9} cy={middle} r={5} fill={palette.accent} stroke={palette.background} />,
    range: <rect x={1} y={2} width={16} height={14} fill={palette.accent} fillOpacity={0.25} />,
  }[item.kind];
  return (
    <g transform={`translate(${item.x} ${item.y})`}>
      {symbol}
      <text x={LEGEND_TEXT.symbolWidth - 4} y={13} fontSize={LEGEND_TEXT.fontSize} fill={palette.text}>
        {item.label}
      </text>
    </g>
  );
}

function EventKey({
  model,
  eventKey,
  palette,
}: {
  model: ChartFigureModel;
  eventKey: NonNullable<FigureLayout["eventKey"]>;
  palette: ChartPalette;
}) {
  const rows = Math.ceil(model.events.length / eventKey.columns);
  return (
    <g transform={`translate(${FIGURE_PADDING} ${eventKey.y})`} fontSize={11}>
      <text y={12} fontWeight={700} fill={palette.text}>
        Events
      </text>
      {model.events.map(({ number, event }, index) => {
        const column = Math.floor(index / rows);
        const x = column * eventKey.columnWidth;
        const y = 18 + (index % rows) * EVENT_KEY_ROW_HEIGHT + 11;
        const label = `${formatUtc(event.occurredAt)}  ${event.title}`;
        return (
          <g key={event.id} transform={`translate(${x} ${y})`}>
            <text x={14} textAnchor="end" fontWeight={700} fill={palette.muted}>
              {number}
            </text>
            <text x={22} fill={palette.text}>
              {fitText(label, eventKey.columnWidth - 30, 11)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
