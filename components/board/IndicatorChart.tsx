"use client";
// One indicator over the board's time range: its observations, the board's events as markers on the
// time axis, its warning thresholds, and the annotations made on it. Clicking picks a point in time
// to annotate.
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { WireEvent, WireIndicator, WireObservation } from "@/lib/schemas/board";
import { formatUtc, formatUtcDay } from "@/lib/time";

export type ChartPoint = { t: number; value: number; observation: WireObservation };

type Props = {
  indicator: WireIndicator;
  events: WireEvent[];
  annotations: WireAnnotation[];
  domain: [number, number];
  ticks: number[];
  /** Event markers are numbered as in the timeline; the numbers are drawn on the first chart only. */
  showEventLabels: boolean;
  onPick: (observation: WireObservation) => void;
};

const numberFormat = new Intl.NumberFormat("en-GB");
const compactFormat = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

export function IndicatorChart({ indicator, events, annotations, domain, ticks, showEventLabels, onPick }: Props) {
  const points: ChartPoint[] = indicator.observations.map((observation) => ({
    t: Date.parse(observation.observedAt),
    value: observation.value,
    observation,
  }));
  const valueNear = (t: number) =>
    points.reduce<ChartPoint | undefined>(
      (best, point) => (!best || Math.abs(point.t - t) < Math.abs(best.t - t) ? point : best),
      undefined,
    )?.value ?? 0;

  return (
    <figure className="chart" data-testid="indicator-chart" aria-label={`${indicator.name} (${indicator.unit})`}>
      <figcaption>
        <span className="swatch" style={{ background: indicator.color }} aria-hidden="true" />
        {indicator.name} <span className="unit">{indicator.unit}</span>
        <span className="spacer" />
        <PointPicker indicator={indicator} onPick={onPick} />
      </figcaption>
      <ResponsiveContainer width="100%" height={showEventLabels ? 172 : 150}>
        <LineChart
          data={points}
          margin={{ top: showEventLabels ? 22 : 8, right: 16, bottom: 0, left: 4 }}
          onClick={(state) => {
            const index =
              typeof state.activeTooltipIndex === "number"
                ? state.activeTooltipIndex
                : Number(state.activeTooltipIndex);
            const point = Number.isInteger(index) ? points[index] : undefined;
            if (point) onPick(point.observation);
          }}
          style={{ cursor: "crosshair" }}
        >
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={domain}
            ticks={ticks}
            tickFormatter={formatUtcDay}
            stroke="var(--muted)"
            fontSize={11}
          />
          <YAxis
            stroke="var(--muted)"
            fontSize={11}
            width={56}
            tickFormatter={(value: number) => compactFormat.format(value)}
            domain={indicator.kind === "level" ? [0, 5] : ["auto", "auto"]}
            allowDecimals={indicator.kind !== "count"}
          />
          {events.map((event, index) => (
            <ReferenceLine
              key={event.id}
              x={Date.parse(event.occurredAt)}
              stroke="var(--event-line)"
              strokeDasharray="2 3"
              label={
                showEventLabels
                  ? { value: String(index + 1), position: "top", fontSize: 10, fill: "var(--muted)" }
                  : undefined
              }
            />
          ))}
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
          {annotations.map((annotation) =>
            annotation.target.type === "indicator-range" ? (
              <ReferenceArea
                key={annotation.id}
                x1={Date.parse(annotation.target.from)}
                x2={Date.parse(annotation.target.to)}
                fill="var(--accent)"
                fillOpacity={0.12}
              />
            ) : annotation.target.type === "indicator" ? (
              <ReferenceDot
                key={annotation.id}
                x={Date.parse(annotation.target.at)}
                y={valueNear(Date.parse(annotation.target.at))}
                r={5}
                fill="var(--accent)"
                stroke="var(--bg)"
              />
            ) : null,
          )}
          <Tooltip content={<ObservationTooltip unit={indicator.unit} />} />
          <Line
            type="linear"
            dataKey="value"
            stroke={indicator.color}
            strokeWidth={2}
            dot={{ r: 2.5 }}
            activeDot={{ r: 5 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function ObservationTooltip({
  active,
  payload,
  unit,
}: {
  active?: boolean;
  payload?: { payload: ChartPoint }[];
  unit: string;
}) {
  const point = active ? payload?.[0]?.payload : undefined;
  if (!point) return null;
  const { observation } = point;
  const grade = `${observation.sourceReliability ?? "?"}${observation.infoCredibility ?? "?"}`;
  return (
    <div className="chart-tooltip">
      <div className="utc">{formatUtc(observation.observedAt)}</div>
      <div>
        <strong>{numberFormat.format(observation.value)}</strong> {unit} · grade {grade}
      </div>
      {observation.note ? <div className="muted">{observation.note}</div> : null}
      <div className="muted">Click to annotate this point</div>
    </div>
  );
}

/** The keyboard's way to pick a point (the chart itself is clicked with a mouse). */
function PointPicker({
  indicator,
  onPick,
}: {
  indicator: WireIndicator;
  onPick: (observation: WireObservation) => void;
}) {
  return (
    <select
      className="point-picker"
      aria-label={`Annotate a point of ${indicator.name}`}
      value=""
      onChange={(event) => {
        const observation = indicator.observations.find((candidate) => candidate.id === event.target.value);
        if (observation) onPick(observation);
      }}
    >
      <option value="">Annotate a point…</option>
      {indicator.observations.map((observation) => (
        <option key={observation.id} value={observation.id}>
          {formatUtc(observation.observedAt)} · {numberFormat.format(observation.value)}
        </option>
      ))}
    </select>
  );
}
