// What an exported chart shows, worked out once from a board snapshot: the shared time axis, the
// numbered events, and per indicator its points and the annotations drawn on it. The figure draws
// this model; the briefing lists the same events and annotation keys beside it.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot, WireBoard, WireEvent, WireIndicator } from "@/lib/schemas/board";
import { boardTimeDomain, weeklyTicks } from "./chart-time";

export type ChartSelection = {
  /** Indicators to draw, in the board's order; all of them when absent. */
  indicatorIds?: readonly string[];
  /** ISO instants; the board's own span when absent. */
  from?: string;
  to?: string;
};

export type ChartPoint = { t: number; value: number };

/** Numbered as in the board's timeline (its position among all events), so the numbers agree. */
export type NumberedEvent = { number: number; t: number; event: WireEvent };

export type AnnotationMarker = {
  /** A short reference ("a", "b", …) a briefing prints next to the marker and in its list. */
  key: string;
  annotation: WireAnnotation;
  shape: { type: "point"; t: number; value: number } | { type: "range"; from: number; to: number };
};

export type IndicatorPanelModel = { indicator: WireIndicator; points: ChartPoint[]; markers: AnnotationMarker[] };

export type ChartFigureModel = {
  board: WireBoard;
  domain: [number, number];
  ticks: number[];
  events: NumberedEvent[];
  panels: IndicatorPanelModel[];
};

export function buildChartFigureModel(snapshot: BoardSnapshot, selection: ChartSelection = {}): ChartFigureModel {
  const domain = selectedDomain(snapshot, selection);
  const [start, end] = domain;
  const within = (t: number) => t >= start && t <= end;
  const events = snapshot.events
    .map((event, index) => ({ number: index + 1, t: Date.parse(event.occurredAt), event }))
    .filter((numbered) => within(numbered.t));
  const chosen = selection.indicatorIds ? new Set(selection.indicatorIds) : undefined;
  const indicators = snapshot.indicators.filter((indicator) => !chosen || chosen.has(indicator.id));
  const keys = annotationKeys();
  const panels = indicators.map((indicator) => ({
    indicator,
    points: pointsAcross(indicator, domain),
    markers: markersOf(indicator, snapshot.annotations, domain).map((marker) => ({ ...marker, key: keys.next() })),
  }));
  return { board: snapshot.board, domain, ticks: weeklyTicks(domain), events, panels };
}

function selectedDomain(snapshot: BoardSnapshot, selection: ChartSelection): [number, number] {
  const [boardStart, boardEnd] = boardTimeDomain([
    ...snapshot.events.map((event) => Date.parse(event.occurredAt)),
    ...snapshot.indicators.flatMap((indicator) => indicator.observations.map((o) => Date.parse(o.observedAt))),
  ]);
  return [selection.from ? Date.parse(selection.from) : boardStart, selection.to ? Date.parse(selection.to) : boardEnd];
}

/** The observations inside the range and one neighbour either side, so the line runs to the edges. */
function pointsAcross(indicator: WireIndicator, [start, end]: [number, number]): ChartPoint[] {
  const all = indicator.observations.map((observation) => ({
    t: Date.parse(observation.observedAt),
    value: observation.value,
  }));
  const first = all.findIndex((point) => point.t >= start);
  const afterLast = all.findIndex((point) => point.t > end);
  const from = first === -1 ? all.length : Math.max(0, first - 1);
  const to = afterLast === -1 ? all.length : afterLast + 1;
  return all.slice(from, to);
}

type UnkeyedMarker = Omit<AnnotationMarker, "key">;

/**
 * Top-level annotations made on the indicator: at an instant, over a range, or on one of its
 * observations (the board page does not draw the last kind yet; a briefing needs them on the chart).
 */
function markersOf(
  indicator: WireIndicator,
  annotations: WireAnnotation[],
  [start, end]: [number, number],
): UnkeyedMarker[] {
  const valueNear = (t: number) =>
    indicator.observations.reduce<{ t: number; value: number } | undefined>((best, observation) => {
      const candidate = { t: Date.parse(observation.observedAt), value: observation.value };
      return !best || Math.abs(candidate.t - t) < Math.abs(best.t - t) ? candidate : best;
    }, undefined)?.value ?? 0;
  const markers: UnkeyedMarker[] = [];
  for (const annotation of annotations) {
    if (annotation.parentId !== null) continue;
    const { target } = annotation;
    if (target.type === "indicator" && target.indicatorId === indicator.id) {
      const t = Date.parse(target.at);
      if (t >= start && t <= end) markers.push({ annotation, shape: { type: "point", t, value: valueNear(t) } });
    } else if (target.type === "indicator-range" && target.indicatorId === indicator.id) {
      const from = Math.max(start, Date.parse(target.from));
      const to = Math.min(end, Date.parse(target.to));
      if (from <= to) markers.push({ annotation, shape: { type: "range", from, to } });
    } else if (target.type === "observation") {
      const observation = indicator.observations.find((candidate) => candidate.id === target.observationId);
      const t = observation ? Date.parse(observation.observedAt) : Number.NaN;
      if (observation && t >= start && t <= end) {
        markers.push({ annotation, shape: { type: "point", t, value: observation.value } });
      }
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
