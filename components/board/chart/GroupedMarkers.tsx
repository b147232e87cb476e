"use client";
// A chart's annotation markers once there are too many to draw one by one (see annotation-markers.ts):
// a single SVG group, not a recharts component per marker, since each of those re-runs the chart's
// store for all the others. A group's count is written in its dot; merged ranges say how many they hold.
import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import type { PointMarker, RangeMarker } from "@/lib/charts/annotation-markers";
import type { TimeRange } from "@/lib/charts/time-range";

/** A group's dot grows with the digits it must hold (a digit is about 0.6 em wide). */
function groupDotRadius(count: number, fontSize: number): number {
  return (String(count).length * 0.6 * fontSize) / 2 + 3;
}

/** How far apart groups must be for three-digit dots not to overlap. */
export function groupSpacingPx(fontSize: number): number {
  return Math.ceil(2 * groupDotRadius(999, fontSize)) + 2;
}

type Props = {
  points: (PointMarker & { value: number })[];
  ranges: RangeMarker[];
  view: TimeRange;
  dotRadius: number;
  fontSize: number;
};

export function GroupedMarkers({ points, ranges, view, dotRadius, fontSize }: Props) {
  const plotArea = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!plotArea || !xScale || !yScale) return null;
  const { x: left, y: top, width, height } = plotArea;
  const clampX = (x: number) => Math.min(Math.max(x, left), left + width);
  const clampY = (y: number) => Math.min(Math.max(y, top), top + height);
  const xOf = (t: number) => clampX(xScale(Math.min(Math.max(t, view[0]), view[1])) ?? left);

  return (
    <g className="chart-grouped-markers" data-testid="grouped-markers">
      {ranges.map((range) => {
        const x1 = xOf(range.from);
        const x2 = xOf(range.to);
        return (
          <g key={range.key}>
            <title>{range.count === 1 ? "1 annotated range" : `${range.count} annotated ranges`}</title>
            <rect x={x1} y={top} width={Math.max(x2 - x1, 1)} height={height} fill="var(--accent)" fillOpacity={0.12} />
            {range.count > 1 ? (
              <text x={x1 + 2} y={top + fontSize} fontSize={fontSize} fill="var(--muted)">
                {range.count}
              </text>
            ) : null}
          </g>
        );
      })}
      {points.map((point) => {
        const x = xOf(point.t);
        const y = clampY(yScale(point.value) ?? top + height);
        // A group's dot grows with the digits it must hold.
        const radius =
          point.count > 1 ? Math.max(dotRadius, (String(point.count).length * fontSize) / 2 + 1) : dotRadius;
        return (
          <g key={point.key}>
            <title>{point.count === 1 ? "1 annotation" : `${point.count} annotations`}</title>
            <circle cx={x} cy={y} r={radius} fill="var(--accent)" stroke="var(--bg)" />
            {point.count > 1 ? (
              <text x={x} y={y} fontSize={fontSize} fill="var(--bg)" textAnchor="middle" dominantBaseline="central">
                {point.count}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}
