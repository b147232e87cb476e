// What an exported chart shows, worked out once from a board snapshot: the shared time axis, the
// numbered events, and per indicator its points and the annotations drawn on it. The figure draws
// this model; the briefing lists the same events and annotation keys beside it.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot, WireBoard, WireEvent, WireIndicator } from "@/lib/schemas/board";
import { markerPlace, observationLookup } from "./annotation-markers";
import { ticksForView } from "./axis-ticks";
import { boardSpan, boardTimeDomain, drawableRange, limitTicks, weeklyTicks } from "./chart-time";
import { type ChartPoint, nearestPoint, pointsInView, toChartPoints } from "./display-series";

/** More would run into each other at the narrowest figure (a briefing page). */
const MAX_TICKS = 16;

export type ChartSelection = {
  /** Indicators to draw, in the board's order; all of them when absent. */
  indicatorIds?: readonly string[];
  /** ISO instants; the board's own span when absent. */
  from?: string;
  to?: string;
};

/** Numbered as in the board's timeline (its position among all events), so the numbers agree. */
export type NumberedEvent = { number: number; t: number; event: WireEvent };

export type AnnotationMarker = {
  /** A short reference ("a", "b", …) a briefing prints next to the marker and in its list. */
  key: string;
  annotation: WireAnnotation;
  shape: { type: "point"; t: number; value: number } | { type: "range"; from: number; to: number };
};

export type IndicatorPanelModel = {
  indicator: WireIndicator;
  /** The observations in the time range and one beyond either edge; the panel thins them to its width. */
  points: ChartPoint[];
  markers: AnnotationMarker[];
};

export type ChartFigureModel = {
  board: WireBoard;
  domain: [number, number];
  ticks: number[];
  events: NumberedEvent[];
  panels: IndicatorPanelModel[];
};

export function buildChartFigureModel(snapshot: BoardSnapshot, selection: ChartSelection = {}): ChartFigureModel {
  const boardDomain = boardTimeDomain(boardSpan(snapshot.events, snapshot.indicators));
  const domain = drawableRange(
    selection.from ? Date.parse(selection.from) : boardDomain[0],
    selection.to ? Date.parse(selection.to) : boardDomain[1],
  );
  const [start, end] = domain;
  const within = (t: number) => t >= start && t <= end;
  const events = snapshot.events
    .map((event, index) => ({ number: index + 1, t: Date.parse(event.occurredAt), event }))
    .filter((numbered) => within(numbered.t));
  const chosen = selection.indicatorIds ? new Set(selection.indicatorIds) : undefined;
  const indicators = snapshot.indicators.filter((indicator) => !chosen || chosen.has(indicator.id));
  const keys = annotationKeys();
  const panels = indicators.map((indicator) => {
    const allPoints = toChartPoints(indicator.observations);
    const markers = markersOf(indicator, allPoints, snapshot.annotations, domain);
    return {
      indicator,
      points: pointsInView(allPoints, domain),
      markers: markers.map((marker) => ({ ...marker, key: keys.next() })),
    };
  });
  // As on the board page: the board's weekly ticks, or finer ones when zoomed in past a few of them.
  const boardTicks = weeklyTicks(boardDomain);
  const zoomed = selection.from !== undefined || selection.to !== undefined;
  return {
    board: snapshot.board,
    domain,
    ticks: limitTicks(zoomed ? ticksForView(boardTicks, domain) : boardTicks, MAX_TICKS),
    events,
    panels,
  };
}

type UnkeyedMarker = Omit<AnnotationMarker, "key">;

/** The annotations markerPlace() draws on the indicator (annotation-markers.ts), kept to the time range. */
function markersOf(
  indicator: WireIndicator,
  allPoints: ChartPoint[],
  annotations: WireAnnotation[],
  [start, end]: [number, number],
): UnkeyedMarker[] {
  const marked = { id: indicator.id, observation: observationLookup(indicator.observations) };
  const markers: UnkeyedMarker[] = [];
  for (const annotation of annotations) {
    const place = markerPlace(annotation, marked);
    if (place?.type === "point" && place.t >= start && place.t <= end) {
      const value = place.observation?.value ?? nearestPoint(allPoints, place.t)?.value ?? 0;
      markers.push({ annotation, shape: { type: "point", t: place.t, value } });
    } else if (place?.type === "range") {
      const from = Math.max(start, place.from);
      const to = Math.min(end, place.to);
      if (from <= to) markers.push({ annotation, shape: { type: "range", from, to } });
    }
  }
  return markers.sort((a, b) => markerTime(a) - markerTime(b));
}

const markerTime = (marker: UnkeyedMarker) => (marker.shape.type === "point" ? marker.shape.t : marker.shape.from);

/** a, b, … z, aa, ab, … */
function annotationKeys() {
  let count = 0;
  return {
    next(): string {
      let n = count++;
      let key = "";
      do {
        key = String.fromCharCode(97 + (n % 26)) + key;
        n = Math.floor(n / 26) - 1;
      } while (n >= 0);
      return key;
    },
  };
}
