// Which annotation markers a chart draws: each one on a working board, grouped with counts past a cap.
import { describe, expect, it } from "vitest";
import { chartMarkers } from "@/lib/charts/annotation-markers";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";

const DAY_MS = 86_400_000;
const START = Date.UTC(2022, 0, 1);
const iso = (day: number) => new Date(START + day * DAY_MS).toISOString();

let counter = 0;
function makeAnnotation(target: TAnnotationTarget): WireAnnotation {
  counter += 1;
  return { id: `annotation-${counter}`, target } as WireAnnotation;
}
const pointOn = (day: number) => makeAnnotation({ type: "indicator", indicatorId: "i", at: iso(day) });
const rangeOver = (from: number, to: number) =>
  makeAnnotation({ type: "indicator-range", indicatorId: "i", from: iso(from), to: iso(to) });

const VIEW: [number, number] = [START, START + 100 * DAY_MS];
/** Indicator "i", with no figures. */
const ON_I = { id: "i", observation: () => undefined };

describe("chartMarkers", () => {
  it("gives a few annotations a marker each, keyed by the annotation, and drops what lies outside the view", () => {
    const inside = pointOn(10);
    const range = rangeOver(-5, 3);
    const markers = chartMarkers([inside, pointOn(150), range, rangeOver(120, 130)], ON_I, VIEW);
    expect(markers.grouped).toBe(false);
    expect(markers.points).toEqual([{ key: inside.id, t: START + 10 * DAY_MS, count: 1 }]);
    // A range the view cuts through keeps its own ends; the chart clips it.
    expect(markers.ranges).toEqual([{ key: range.id, from: START - 5 * DAY_MS, to: START + 3 * DAY_MS, count: 1 }]);
  });

  it("groups points into buckets past the cap, counting every annotation in view once", () => {
    const annotations = Array.from({ length: 1_000 }, (_, index) => pointOn(index / 10));
    const markers = chartMarkers(annotations, ON_I, VIEW, { mostSingle: 150, buckets: 20 });
    expect(markers.grouped).toBe(true);
    expect(markers.annotationCount).toBe(1_000);
    expect(markers.points.length).toBeLessThanOrEqual(20);
    expect(markers.points.reduce((sum, point) => sum + point.count, 0)).toBe(1_000);
    const times = markers.points.map((point) => point.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const t of times) expect(t >= VIEW[0] && t <= VIEW[1]).toBe(true);
  });

  it("merges overlapping ranges past the cap into bands that count them", () => {
    const ranges = [
      ...Array.from({ length: 5 }, (_, index) => rangeOver(index, index + 2)),
      ...Array.from({ length: 3 }, (_, index) => rangeOver(50 + index, 51 + index)),
    ];
    const markers = chartMarkers(ranges, ON_I, VIEW, { mostSingle: 4 });
    expect(markers.grouped).toBe(true);
    expect(markers.ranges.map(({ from, to, count }) => ({ from, to, count }))).toEqual([
      { from: START, to: START + 6 * DAY_MS, count: 5 },
      { from: START + 50 * DAY_MS, to: START + 53 * DAY_MS, count: 3 },
    ]);
  });

  it("leaves ranges one by one while only the points are too many", () => {
    const markers = chartMarkers([...Array.from({ length: 10 }, () => pointOn(1)), rangeOver(2, 3)], ON_I, VIEW, {
      mostSingle: 5,
    });
    expect(markers.points).toEqual([expect.objectContaining({ count: 10 })]);
    expect(markers.ranges).toEqual([expect.objectContaining({ count: 1 })]);
  });
});
