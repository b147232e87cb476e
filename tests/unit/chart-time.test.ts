// The board's time span and weekly ticks, computed once in lib/charts/ for the board page and the exports.
// A big board must not break it: Math.min(...times) over 200,000 instants exceeds V8's call stack.
import { describe, expect, it } from "vitest";
import { buildChartFigureModel } from "@/lib/charts/chart-model";
import { boardSpan, boardTimeDomain, weeklyTicks } from "@/lib/charts/chart-time";
import { EVENT_LABEL_LANE_HEIGHT, eventLabelLanes, eventLabelRoom } from "@/lib/charts/event-label-lanes";
import type { BoardSnapshot, WireEvent, WireIndicator, WireObservation } from "@/lib/schemas/board";

const DAY_MS = 86_400_000;
const START = Date.UTC(2022, 0, 3);
const iso = (epochMs: number) => new Date(epochMs).toISOString();
const BIG = 200_000;

const eventAt = (epochMs: number, index: number) =>
  ({ id: `event-${index}`, occurredAt: iso(epochMs), title: `event ${index}` }) as WireEvent;

function indicatorWith(times: number[]): WireIndicator {
  const observations = times.map(
    (epochMs, index) => ({ id: `observation-${index}`, observedAt: iso(epochMs), value: index }) as WireObservation,
  );
  return { id: "indicator-1", name: "troops", unit: "troops", observations } as WireIndicator;
}

/** `count` instants a minute apart from `from`, in time order. */
const minutes = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index * 60_000);

describe("the board's time span", () => {
  it("runs from the earliest to the latest event or observation", () => {
    const events = [eventAt(START + 5 * DAY_MS, 1), eventAt(START - 2 * DAY_MS, 2)];
    const indicator = indicatorWith([START, START + 9 * DAY_MS]);
    expect(boardSpan(events, [indicator])).toEqual([START - 2 * DAY_MS, START + 9 * DAY_MS]);
  });

  it(`takes ${BIG.toLocaleString("en")} events and ${BIG.toLocaleString("en")} observations without spreading them into one call`, () => {
    const events = minutes(START, BIG).map(eventAt);
    const indicator = indicatorWith(minutes(START - DAY_MS, BIG));
    const last = START + (BIG - 1) * 60_000;
    expect(boardSpan(events, [indicator])).toEqual([START - DAY_MS, last]);
  });

  it("is null for a board with nothing on it, which the page and the exports widen each their own way", () => {
    expect(boardSpan([], [indicatorWith([])])).toBeNull();
    expect(boardTimeDomain(null)).toEqual([0, DAY_MS]);
    expect(boardTimeDomain([START, START])).toEqual([START - DAY_MS / 2, START + DAY_MS / 2]);
  });

  it(`gives an exported chart of ${BIG.toLocaleString("en")} observations the series' span as its axis`, () => {
    const times = minutes(START, BIG);
    const snapshot = {
      board: { id: "board-1", slug: "big", title: "Big", handling: "" },
      events: [],
      indicators: [indicatorWith(times)],
      annotations: [],
      sources: [],
      members: [],
    } as unknown as BoardSnapshot;
    const model = buildChartFigureModel(snapshot);
    expect(model.domain).toEqual([START, times.at(-1)]);
    expect(model.panels[0]?.points).toHaveLength(BIG);
  });
});

describe("weekly ticks", () => {
  it("falls on 00:00Z once a week, every four weeks past 120 days", () => {
    const quarter = weeklyTicks([START + 3_600_000, START + 90 * DAY_MS]);
    expect(quarter[0]).toBe(START + DAY_MS);
    expect(quarter.every((tick, index) => index === 0 || tick - (quarter[index - 1] ?? 0) === 7 * DAY_MS)).toBe(true);
    const year = weeklyTicks([START, START + 365 * DAY_MS]);
    expect(year[1]).toBe(START + 28 * DAY_MS);
  });
});

describe("event number lanes", () => {
  it(`leave room for the lanes ${BIG.toLocaleString("en")} events use, and the screen's 22 px for none`, () => {
    const events = minutes(START, BIG).map((t, index) => ({ number: index + 1, t, event: eventAt(t, index) }));
    const lanes = eventLabelLanes(events, [START, START + BIG * 60_000], 960);
    expect(Math.max(...lanes.slice(0, 1000))).toBe(2);
    expect(eventLabelRoom(lanes)).toBe(22 + 2 * EVENT_LABEL_LANE_HEIGHT);
    expect(eventLabelRoom([])).toBe(22);
  });
});
