"use client";
// One indicator over the board's time range: its observations, the board's events as markers on the
// time axis, its warning thresholds, and the annotations made on it (grouped, with counts, when too
// many are in view to tell apart). Clicking picks a point in time to annotate, dragging picks a range
// (Shift-dragging zooms to it). Long series are thinned to about one point per pixel of the visible range.
// The chart is drawn once its width is known, and only then: each drawing of five charts of a big board
// cost hundreds of milliseconds (docs/BENCHMARKS.md, scenario 5).
import { useCallback, useMemo, useRef } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  type PlotArea,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { annotationsForChart, chartMarkers, observationLookup } from "@/lib/charts/annotation-markers";
import { formatTick, spacedTicks, ticksForView } from "@/lib/charts/axis-ticks";
import { downsampleToWidth, nearestPoint, pointsInView, toChartPoints } from "@/lib/charts/display-series";
import type { TimeRange } from "@/lib/charts/time-range";
import { allowsDecimals, formatValueTick, showsDots, valueDomain } from "@/lib/charts/value-axis";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { WireEvent, WireIndicator, WireObservation } from "@/lib/schemas/board";
import { EventLines } from "./chart/EventLines";
import { GroupedMarkers, groupSpacingPx } from "./chart/GroupedMarkers";
import { ObservationTooltip } from "./chart/ObservationTooltip";
import { PlotAreaProbe } from "./chart/PlotAreaProbe";
import { PointPicker } from "./chart/PointPicker";
import { chartSizes } from "./chart/sizes";
import { useElementWidth } from "./chart/use-element-width";
import { type DragSelection, useRangeDrag } from "./chart/use-range-drag";

export type { ChartPoint } from "@/lib/charts/display-series";

type Props = {
  indicator: WireIndicator;
  events: WireEvent[];
  /** The annotations on this indicator's instants and ranges. */
  annotations: readonly WireAnnotation[];
  /** Observation id → the annotations on it, for the whole board; the chart draws those on its own figures. */
  annotationsOnObservations: ReadonlyMap<string, readonly WireAnnotation[]>;
  /** The board's whole time span (ms since the epoch), shared by every chart. */
  domain: [number, number];
  ticks: number[];
  /** Event markers are numbered as in the timeline; the numbers are drawn on the first chart only. */
  showEventLabels: boolean;
  onPick: (observation: WireObservation) => void;
  /** Called after a drag across the chart, with the span as ISO instants; without it a drag does nothing. */
  onPickRange?: (indicatorId: string, fromIso: string, toIso: string) => void;
  /** The visible span, shared by the board's charts; null (the default) shows the whole domain. */
  viewRange?: [number, number] | null;
  /** Called after a Shift-drag across the chart, to zoom every chart to that span. */
  onViewRangeChange?: (range: [number, number] | null) => void;
  /** Large type and thick lines for a projector. */
  presentation?: boolean;
};

export function IndicatorChart({
  indicator,
  events,
  annotations,
  annotationsOnObservations,
  domain,
  ticks,
  showEventLabels,
  onPick,
  onPickRange,
  viewRange = null,
  onViewRangeChange,
  presentation = false,
}: Props) {
  const [viewStart, viewEnd] = viewRange ?? domain;
  const view = useMemo<TimeRange>(() => [viewStart, viewEnd], [viewStart, viewEnd]);
  const frameRef = useRef<HTMLDivElement>(null);
  const widthPx = useElementWidth(frameRef);
  const sizes = chartSizes({ presentation, showEventLabels });

  // Memoized in steps so a 100,000-point series is sorted once, cut once per view and thinned once
  // per width, not on every hover or drag frame.
  const allPoints = useMemo(() => toChartPoints(indicator.observations), [indicator.observations]);
  const visiblePoints = useMemo(() => pointsInView(allPoints, view), [allPoints, view]);
  const plotWidthPx = Math.max(widthPx - sizes.horizontalChromePx, 0);
  const drawnPoints = useMemo(() => downsampleToWidth(visiblePoints, plotWidthPx), [visiblePoints, plotWidthPx]);
  const pickablePoints = useMemo(
    () => visiblePoints.filter((point) => point.t >= view[0] && point.t <= view[1]),
    [visiblePoints, view],
  );
  const axisTicks = useMemo(
    () => spacedTicks(viewRange ? ticksForView(ticks, view) : ticks, view, plotWidthPx, sizes.tickFontSize),
    [viewRange, ticks, view, plotWidthPx, sizes.tickFontSize],
  );
  const eventMarks = useMemo(
    () => events.map((event, index) => ({ id: event.id, t: Date.parse(event.occurredAt), number: index + 1 })),
    [events],
  );

  const plotAreaRef = useRef<PlotArea | undefined>(undefined);
  const onDragSelect = useCallback(
    ({ range: [from, to], purpose }: DragSelection) => {
      if (purpose === "zoom") onViewRangeChange?.([from, to]);
      else onPickRange?.(indicator.id, new Date(from).toISOString(), new Date(to).toISOString());
    },
    [indicator.id, onPickRange, onViewRangeChange],
  );
  const drag = useRangeDrag({
    view,
    plotAreaRef,
    canAnnotate: onPickRange !== undefined,
    canZoom: onViewRangeChange !== undefined,
    onSelect: onDragSelect,
  });

  const marked = useMemo(
    () => ({ id: indicator.id, observation: observationLookup(indicator.observations) }),
    [indicator.id, indicator.observations],
  );
  const markedAnnotations = useMemo(
    () => annotationsForChart(annotations, annotationsOnObservations, marked),
    [annotations, annotationsOnObservations, marked],
  );
  const markers = useMemo(
    () =>
      chartMarkers(markedAnnotations, marked, view, {
        buckets: Math.max(Math.floor(plotWidthPx / groupSpacingPx(sizes.tickFontSize)), 1),
      }),
    [markedAnnotations, marked, view, plotWidthPx, sizes.tickFontSize],
  );
  const valueAt = (t: number) => nearestPoint(allPoints, t)?.value ?? 0;

  const sparse = showsDots(drawnPoints.length, widthPx);

  return (
    <figure
      className={presentation ? "chart chart-presentation" : "chart"}
      data-testid="indicator-chart"
      aria-label={`${indicator.name} (${indicator.unit})`}
    >
      <figcaption>
        <span className="swatch" style={{ background: indicator.color }} aria-hidden="true" />
        {indicator.name} <span className="unit">{indicator.unit}</span>
        <span className="spacer" />
        {markers.grouped ? (
          <span className="unit" data-testid="grouped-markers-note">
            {markers.annotationCount} annotations, grouped; zoom in to see each
          </span>
        ) : null}
        {onPickRange ? (
          <PointPicker indicator={indicator} inView={pickablePoints} drawn={drawnPoints} onPick={onPick} />
        ) : null}
      </figcaption>
      <div ref={frameRef} style={{ width: "100%", height: sizes.heightPx }}>
        {widthPx > 0 ? (
          <LineChart
            width={widthPx}
            height={sizes.heightPx}
            data={drawnPoints}
            margin={sizes.margin}
            onMouseDown={(_, event) => drag.onMouseDown(event)}
            onClick={(state) => {
              if (drag.clickEndsDrag()) return;
              const index =
                typeof state.activeTooltipIndex === "number"
                  ? state.activeTooltipIndex
                  : Number(state.activeTooltipIndex);
              const point = Number.isInteger(index) ? drawnPoints[index] : undefined;
              if (point) onPick(point.observation);
            }}
            style={{ cursor: "crosshair" }}
          >
            <PlotAreaProbe plotAreaRef={plotAreaRef} />
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={view}
              // The view may cut through the data; what lies outside is clipped, not allowed to widen the axis.
              allowDataOverflow
              ticks={axisTicks}
              // Spaced already (spacedTicks): every one is drawn, none is measured in the DOM first.
              interval={0}
              tickFormatter={formatTick}
              stroke="var(--muted)"
              fontSize={sizes.tickFontSize}
            />
            <YAxis
              stroke="var(--muted)"
              fontSize={sizes.tickFontSize}
              width={sizes.yAxisWidthPx}
              tickFormatter={formatValueTick}
              domain={valueDomain(indicator.kind)}
              allowDecimals={allowsDecimals(indicator.kind)}
              // A handful of value ticks never collide: all are drawn, none is measured in the DOM first.
              interval={0}
            />
            <EventLines events={eventMarks} view={view} showNumbers={showEventLabels} fontSize={sizes.eventFontSize} />
            {[indicator.warnAbove, indicator.warnBelow].map((threshold) =>
              threshold === null ? null : (
                <ReferenceLine
                  key={threshold}
                  y={threshold}
                  stroke="var(--warn)"
                  strokeDasharray="6 3"
                  ifOverflow="extendDomain"
                />
              ),
            )}
            {markers.grouped ? null : (
              <>
                {markers.ranges.map((range) => (
                  <ReferenceArea
                    key={range.key}
                    x1={range.from}
                    x2={range.to}
                    // A range the view cuts through is drawn up to the edge rather than dropped.
                    ifOverflow="hidden"
                    fill="var(--accent)"
                    fillOpacity={0.12}
                  />
                ))}
                {markers.points.map((point) => (
                  <ReferenceDot
                    key={point.key}
                    x={point.t}
                    y={valueAt(point.t)}
                    r={sizes.annotationDotRadius}
                    fill="var(--accent)"
                    stroke="var(--bg)"
                  />
                ))}
              </>
            )}
            {drag.selection ? (
              <ReferenceArea
                x1={drag.selection.range[0]}
                x2={drag.selection.range[1]}
                ifOverflow="hidden"
                className={`chart-drag-selection chart-drag-${drag.selection.purpose}`}
                fill={drag.selection.purpose === "zoom" ? "var(--muted)" : "var(--accent)"}
                fillOpacity={0.25}
                stroke={drag.selection.purpose === "zoom" ? "var(--muted)" : "var(--accent)"}
                strokeDasharray="3 3"
              />
            ) : null}
            <Tooltip
              active={drag.selection ? false : undefined}
              content={<ObservationTooltip unit={indicator.unit} canPickRange={onPickRange !== undefined} />}
            />
            {markers.grouped ? (
              <GroupedMarkers
                points={markers.points.map((point) => ({ ...point, value: valueAt(point.t) }))}
                ranges={markers.ranges}
                view={view}
                dotRadius={sizes.annotationDotRadius}
                fontSize={sizes.tickFontSize}
              />
            ) : null}
            <Line
              type="linear"
              dataKey="value"
              stroke={indicator.color}
              strokeWidth={sizes.lineWidth}
              dot={sparse ? { r: sizes.dotRadius } : false}
              activeDot={{ r: sizes.activeDotRadius }}
              isAnimationActive={false}
            />
          </LineChart>
        ) : null}
      </div>
    </figure>
  );
}
