// One indicator's chart at a fixed size, drawn as the board page draws it (components/board/
// IndicatorChart.tsx) minus what only a pointer can use: no tooltip, no picking, no animation.
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceDot, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatTick } from "@/lib/charts/axis-ticks";
import type { IndicatorPanelModel, NumberedEvent } from "@/lib/charts/chart-model";
import type { ChartPalette } from "@/lib/charts/chart-palette";
import { downsampleToWidth } from "@/lib/charts/display-series";
import { EVENT_LABEL_FONT_SIZE, EVENT_LABEL_LANE_HEIGHT, PLOT_INSET } from "@/lib/charts/event-label-lanes";
import { allowsDecimals, formatValueTick, showsDots, valueDomain } from "@/lib/charts/value-axis";

type Props = {
  panel: IndicatorPanelModel;
  events: NumberedEvent[];
  domain: [number, number];
  ticks: number[];
  width: number;
  height: number;
  palette: ChartPalette;
  topMargin: number;
  /** The lane of each event's number (see event-label-lanes.ts), or null to leave them off. */
  eventLabelLanes: number[] | null;
  /** Print each annotation's key beside its marker, for a briefing that lists them. */
  showAnnotationKeys: boolean;
};

const Y_AXIS_WIDTH = 56;

export function IndicatorPanel({
  panel,
  events,
  domain,
  ticks,
  width,
  height,
  palette,
  topMargin,
  eventLabelLanes,
  showAnnotationKeys,
}: Props) {
  const { indicator } = panel;
  // Thinned to about one point per pixel, as on the board page, so a long series stays a small file.
  const drawnPoints = downsampleToWidth(panel.points, width - PLOT_INSET.left - PLOT_INSET.right);
  const sparse = showsDots(drawnPoints.length, width);
  const keyLabel = (key: string, position: "right" | "insideTopLeft") =>
    showAnnotationKeys ? { value: key, position, fontSize: 11, fontWeight: 700, fill: palette.text } : undefined;
  return (
    <LineChart
      width={width}
      height={height}
      data={drawnPoints}
      margin={{ top: topMargin, right: PLOT_INSET.right, bottom: 0, left: PLOT_INSET.left - Y_AXIS_WIDTH }}
    >
      <CartesianGrid stroke={palette.grid} vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={domain}
        allowDataOverflow
        ticks={ticks}
        tickFormatter={formatTick}
        stroke={palette.muted}
        tick={{ fill: palette.muted }}
        fontSize={11}
      />
      <YAxis
        stroke={palette.muted}
        tick={{ fill: palette.muted }}
        fontSize={11}
        width={Y_AXIS_WIDTH}
        tickFormatter={formatValueTick}
        domain={valueDomain(indicator.kind)}
        allowDecimals={allowsDecimals(indicator.kind)}
      />
      {events.map(({ event, number, t }, index) => {
        const lane = eventLabelLanes?.[index];
        return (
          <ReferenceLine
            key={event.id}
            x={t}
            stroke={palette.eventLine}
            strokeDasharray="2 3"
            label={
              lane === undefined
                ? undefined
                : {
                    value: String(number),
                    position: "top",
                    offset: 5 + lane * EVENT_LABEL_LANE_HEIGHT,
                    fontSize: EVENT_LABEL_FONT_SIZE,
                    fill: palette.muted,
                  }
            }
          />
        );
      })}
      {[indicator.warnAbove, indicator.warnBelow].map((threshold) =>
        threshold === null ? null : (
          <ReferenceLine
            key={threshold}
            y={threshold}
            stroke={palette.warn}
            strokeDasharray="6 3"
            ifOverflow="extendDomain"
          />
        ),
      )}
      {panel.markers.map(({ key, annotation, shape }) =>
        shape.type === "range" ? (
          <ReferenceArea
            key={annotation.id}
            x1={shape.from}
            x2={shape.to}
            fill={palette.accent}
            fillOpacity={0.12}
            label={keyLabel(key, "insideTopLeft")}
          />
        ) : (
          <ReferenceDot
            key={annotation.id}
            x={shape.t}
            y={shape.value}
            r={5}
            fill={palette.accent}
            stroke={palette.background}
            label={keyLabel(key, "right")}
          />
        ),
      )}
      <Line
        type="linear"
        dataKey="value"
        stroke={indicator.color}
        strokeWidth={2}
        dot={sparse ? { r: 2.5, fill: palette.dotFill } : false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
