// The board page and the exported chart mark the same annotations on an indicator (issue 13; the page
// used to skip annotations on figures and count replies, the export the opposite): a thread's first
// annotation at an instant of the indicator, over a range of it, or on one of its figures; never a reply.
import { describe, expect, it } from "vitest";
import { indexAnnotations } from "@/lib/annotation-index";
import { annotationsForChart, chartMarkers, observationLookup } from "@/lib/charts/annotation-markers";
import { buildChartFigureModel } from "@/lib/charts/chart-model";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot, WireIndicator, WireObservation } from "@/lib/schemas/board";

const DAY_MS = 86_400_000;
const START = Date.UTC(2022, 0, 3);
const iso = (day: number) => new Date(START + day * DAY_MS).toISOString();

function makeIndicator(id: string, days: number[]): WireIndicator {
  const observations = days.map(
    (day) =>
      ({ id: `${id}-figure-${day}`, indicatorId: id, observedAt: iso(day), value: 100 + day }) as WireObservation,
  );
  return {
    id,
    name: id,
    unit: "troops",
    color: "#4f8cc9",
    warnAbove: null,
    warnBelow: null,
    observations,
  } as WireIndicator;
}

let counter = 0;
function makeAnnotation(name: string, target: TAnnotationTarget, parentId: string | null = null): WireAnnotation {
  counter += 1;
  return {
    id: name,
    target,
    parentId,
    author: { id: "author", name: "Alice" },
    tags: [],
    createdAt: new Date(START + counter * 1000).toISOString(),
  } as unknown as WireAnnotation;
}

const troops = makeIndicator("troops", [0, 5, 10, 20]);
const flights = makeIndicator("flights", [0, 10]);
const annotations = [
  makeAnnotation("at-instant", { type: "indicator", indicatorId: "troops", at: iso(4) }),
  makeAnnotation("over-range", { type: "indicator-range", indicatorId: "troops", from: iso(6), to: iso(9) }),
  makeAnnotation("on-figure", { type: "observation", observationId: "troops-figure-10" }),
  makeAnnotation("reply-at-instant", { type: "indicator", indicatorId: "troops", at: iso(4) }, "at-instant"),
  makeAnnotation("reply-on-figure", { type: "observation", observationId: "troops-figure-10" }, "on-figure"),
  makeAnnotation("on-other-figure", { type: "observation", observationId: "flights-figure-10" }),
  makeAnnotation("on-other-indicator", { type: "indicator", indicatorId: "flights", at: iso(4) }),
  makeAnnotation("on-board", { type: "board" }),
];
const snapshot = {
  board: { id: "board", slug: "board", title: "Board", handling: "" },
  events: [],
  indicators: [troops, flights],
  annotations,
} as unknown as BoardSnapshot;
const WHOLE_SPAN: [number, number] = [START, START + 20 * DAY_MS];

/** What the board page marks on an indicator's chart, from the live state's index as BoardView passes it. */
function markedOnBoardPage(indicator: WireIndicator): string[] {
  const index = indexAnnotations(annotations);
  const marked = { id: indicator.id, observation: observationLookup(indicator.observations) };
  const considered = annotationsForChart(index.onIndicator.get(indicator.id) ?? [], index.onObservation, marked);
  const markers = chartMarkers(considered, marked, WHOLE_SPAN);
  return [...markers.points, ...markers.ranges].map((marker) => marker.key).sort();
}

/** What the exported chart marks on it. */
function markedInExport(indicatorId: string): string[] {
  const panel = buildChartFigureModel(snapshot).panels.find((candidate) => candidate.indicator.id === indicatorId);
  return (panel?.markers ?? []).map((marker) => marker.annotation.id).sort();
}

describe("the annotations a chart marks", () => {
  it("are a thread's first annotation at an instant, over a range or on a figure of the indicator", () => {
    expect(markedOnBoardPage(troops)).toEqual(["at-instant", "on-figure", "over-range"]);
    expect(markedOnBoardPage(flights)).toEqual(["on-other-figure", "on-other-indicator"]);
  });

  it("are the same on the board page and in the exported chart", () => {
    for (const indicator of [troops, flights]) {
      expect(markedInExport(indicator.id)).toEqual(markedOnBoardPage(indicator));
    }
  });

  it("put a mark on a figure at the figure's time and value", () => {
    const panel = buildChartFigureModel(snapshot).panels[0];
    const onFigure = panel?.markers.find((marker) => marker.annotation.id === "on-figure");
    expect(onFigure?.shape).toEqual({ type: "point", t: START + 10 * DAY_MS, value: 110 });
    const index = indexAnnotations(annotations);
    const marked = { id: troops.id, observation: observationLookup(troops.observations) };
    const considered = annotationsForChart(index.onIndicator.get(troops.id) ?? [], index.onObservation, marked);
    expect(chartMarkers(considered, marked, WHOLE_SPAN).points).toContainEqual({
      key: "on-figure",
      t: START + 10 * DAY_MS,
      count: 1,
    });
  });

  it("count threads, not replies, when grouped", () => {
    const many = Array.from({ length: 10 }, (_, index) =>
      makeAnnotation(`thread-${index}`, { type: "indicator", indicatorId: "troops", at: iso(index) }),
    );
    const replies = many.map((top) => makeAnnotation(`reply-to-${top.id}`, top.target, top.id));
    const marked = { id: troops.id, observation: observationLookup(troops.observations) };
    const markers = chartMarkers([...many, ...replies], marked, WHOLE_SPAN, { mostSingle: 5 });
    expect(markers.grouped).toBe(true);
    expect(markers.annotationCount).toBe(10);
  });

  it("keep the chart's list as it is while no annotation is on one of its figures", () => {
    const onIndicator = [annotations[0] as WireAnnotation];
    const marked = { id: flights.id, observation: observationLookup(flights.observations) };
    const onTroopsFigure = new Map([["troops-figure-10", [annotations[2] as WireAnnotation]]]);
    expect(annotationsForChart(onIndicator, onTroopsFigure, marked)).toBe(onIndicator);
  });
});
