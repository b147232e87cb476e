// Which annotation markers a chart draws, for the board page and every export alike (issue 13: they
// used to pick differently). Up to a modest number in view, one marker per annotation, as on any
// working board; past that nobody can read them one by one (and drawing each costs seconds), so points
// are grouped into time buckets and overlapping ranges into one band, each showing its count.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { WireObservation } from "@/lib/schemas/board";
import { targetKindOf } from "@/lib/targets/target-kinds";
import type { MarkedIndicator, MarkerPlace } from "./marker-place-type";
import { spanOf, type TimeRange } from "./time-range";

/**
 * The one rule for which annotations mark an indicator's chart: the first annotation of a thread, drawn
 * where its target kind says (`chartPlace` in lib/targets/target-kinds.ts: an instant of the indicator,
 * a range of it, or one of its figures — threshold warnings are made on the figure that crossed).
 * Replies are the thread's conversation, not new places: they add no marker and no count, so a busy
 * thread stays one dot. Null when the annotation is not drawn here.
 */
export function markerPlace(annotation: WireAnnotation, indicator: MarkedIndicator): MarkerPlace | null {
  if (annotation.parentId) return null;
  return targetKindOf(annotation.target).chartPlace(annotation.target, indicator);
}

const observationMaps = new WeakMap<readonly WireObservation[], Map<string, WireObservation>>();

/**
 * Finds a series' figures by id. The map is built on the first lookup and kept while the series is the
 * same array, so a board with no annotations on figures never indexes its 100,000 observations.
 */
export function observationLookup(
  observations: readonly WireObservation[],
): (observationId: string) => WireObservation | undefined {
  return (observationId) => {
    let byId = observationMaps.get(observations);
    if (!byId) {
      byId = new Map(observations.map((observation) => [observation.id, observation]));
      observationMaps.set(observations, byId);
    }
    return byId.get(observationId);
  };
}

/**
 * What an indicator's chart considers on the board page: the annotations on its instants and ranges, and
 * those on its own figures (the live state keeps these by observation, not by indicator). The same list
 * while no annotation is on one of its figures, so the chart's markers keep their identity.
 */
export function annotationsForChart(
  onIndicator: readonly WireAnnotation[],
  onObservation: ReadonlyMap<string, readonly WireAnnotation[]>,
  indicator: MarkedIndicator,
): readonly WireAnnotation[] {
  const onFigures: WireAnnotation[] = [];
  for (const [observationId, annotations] of onObservation) {
    if (indicator.observation(observationId)) onFigures.push(...annotations);
  }
  return onFigures.length === 0 ? onIndicator : [...onIndicator, ...onFigures];
}

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
  indicator: MarkedIndicator,
  view: TimeRange,
  { mostSingle = MOST_SINGLE_MARKERS, buckets = POINT_BUCKETS }: Options = {},
): ChartMarkers {
  const points: PointMarker[] = [];
  const ranges: RangeMarker[] = [];
  for (const annotation of annotations) {
    const place = markerPlace(annotation, indicator);
    if (place?.type === "point") {
      if (place.t >= view[0] && place.t <= view[1]) points.push({ key: annotation.id, t: place.t, count: 1 });
    } else if (place?.type === "range") {
      const { from, to } = place;
      if (from <= view[1] && to >= view[0]) ranges.push({ key: annotation.id, from, to, count: 1 });
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
