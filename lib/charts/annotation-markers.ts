// Which annotation markers a chart draws. Up to a modest number in view, one marker per annotation, as
// on any working board; past that nobody can read them one by one (and drawing each costs seconds), so
// points are grouped into time buckets and overlapping ranges into one band, each showing its count.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import { spanOf, type TimeRange } from "./time-range";

/** One annotated instant (count 1, keyed by the annotation) or a bucket of them (count > 1). */
export type PointMarker = { key: string; t: number; count: number };
/** One annotated range (count 1) or overlapping ranges merged into one band. */
export type RangeMarker = { key: string; from: number; to: number; count: number };
export type ChartMarkers = { points: PointMarker[]; ranges: RangeMarker[]; grouped: boolean; annotationCount: number };

/** Past this many markers of a kind in view, they are grouped. */
export const MOST_SINGLE_MARKERS = 150;
/** Buckets across the visible range for grouped points, unless the chart says how many fit. */
export const POINT_BUCKETS = 24;

type Options = { mostSingle?: number; buckets?: number };

export function chartMarkers(
  annotations: readonly WireAnnotation[],
  view: TimeRange,
  { mostSingle = MOST_SINGLE_MARKERS, buckets = POINT_BUCKETS }: Options = {},
): ChartMarkers {
  const points: PointMarker[] = [];
  const ranges: RangeMarker[] = [];
  for (const { id, target } of annotations) {
    if (target.type === "indicator") {
      const t = Date.parse(target.at);
      if (t >= view[0] && t <= view[1]) points.push({ key: id, t, count: 1 });
    } else if (target.type === "indicator-range") {
      const from = Date.parse(target.from);
      const to = Date.parse(target.to);
      if (from <= view[1] && to >= view[0]) ranges.push({ key: id, from, to, count: 1 });
    }
  }
  const groupPoints = points.length > mostSingle;
  const groupRanges = ranges.length > mostSingle;
  return {
    points: groupPoints ? bucketPoints(points, view, buckets) : points,
    ranges: groupRanges ? mergeOverlapping(ranges) : ranges,
    grouped: groupPoints || groupRanges,
    annotationCount: points.length + ranges.length,
  };
}

/** One marker per non-empty bucket, at the mean time of what it holds, in time order. */
function bucketPoints(points: PointMarker[], view: TimeRange, buckets: number): PointMarker[] {
  const span = Math.max(spanOf(view), 1);
  const sums = new Map<number, { total: number; count: number }>();
  for (const { t } of points) {
    const bucket = Math.min(Math.floor(((t - view[0]) / span) * buckets), buckets - 1);
    const sum = sums.get(bucket) ?? { total: 0, count: 0 };
    sum.total += t;
    sum.count += 1;
    sums.set(bucket, sum);
  }
  return [...sums.entries()]
    .sort(([left], [right]) => left - right)
    .map(([bucket, { total, count }]) => ({ key: `bucket-${bucket}`, t: total / count, count }));
}

/** Ranges that overlap (or touch) become one band spanning them all, counting them. */
function mergeOverlapping(ranges: RangeMarker[]): RangeMarker[] {
  const sorted = [...ranges].sort((left, right) => left.from - right.from);
  const merged: RangeMarker[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.to) {
      last.to = Math.max(last.to, range.to);
      last.count += 1;
    } else merged.push({ key: `band-${merged.length}`, from: range.from, to: range.to, count: 1 });
  }
  return merged;
}
