// What a chart draws of an indicator: its observations in time order, cut to the visible range and
// thinned to about one point per pixel. Every drawn point is a real observation, so tooltips and
// picks show exact values and grades.
import { lttb } from "@/lib/lttb";
import type { WireObservation } from "@/lib/schemas/board";
import type { TimeRange } from "./time-range";

export type ChartPoint = { t: number; value: number; observation: WireObservation };

export function toChartPoints(observations: WireObservation[]): ChartPoint[] {
  const points = observations.map((observation) => ({
    t: Date.parse(observation.observedAt),
    value: observation.value,
    observation,
  }));
  // A snapshot lists them in time order already: sorting 100,000 sorted points still cost a big board's
  // charts ~100 ms. The sort is stable, so skipping it when in order gives the same points.
  return inTimeOrder(points) ? points : points.sort((left, right) => left.t - right.t);
}

function inTimeOrder(points: ChartPoint[]): boolean {
  for (let index = 1; index < points.length; index++) {
    if ((points[index]?.t ?? 0) < (points[index - 1]?.t ?? 0)) return false;
  }
  return true;
}

/**
 * The points inside `range`, plus the nearest one outside on each side, so the line runs on to the
 * chart's edges instead of stopping at the last point inside. `points` must be in time order.
 */
export function pointsInView(points: ChartPoint[], range: TimeRange): ChartPoint[] {
  const first = Math.max(firstIndexAtOrAfter(points, range[0]) - 1, 0);
  const last = Math.min(firstIndexAtOrAfter(points, range[1] + 1), points.length - 1);
  return points.slice(first, last + 1);
}

/** The point closest in time to `t`, or undefined for an empty series. `points` must be in time order. */
export function nearestPoint(points: ChartPoint[], t: number): ChartPoint | undefined {
  const after = firstIndexAtOrAfter(points, t);
  const later = points[after];
  const earlier = points[after - 1];
  if (!earlier) return later;
  if (!later) return earlier;
  return t - earlier.t <= later.t - t ? earlier : later;
}

export function downsampleToWidth(points: ChartPoint[], widthPx: number): ChartPoint[] {
  return lttb(
    points,
    widthPx,
    (point) => point.t,
    (point) => point.value,
  );
}

/** Binary search: the index of the first point at or after `t` (points.length when there is none). */
function firstIndexAtOrAfter(points: ChartPoint[], t: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle]?.t ?? Number.POSITIVE_INFINITY) < t) low = middle + 1;
    else high = middle;
  }
  return low;
}
