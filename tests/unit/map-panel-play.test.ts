// The map's play button: one UTC day per step through the period on show, then the period back.
import { describe, expect, it } from "vitest";
import { nextPlayStep, playStepCount, playStepNumber } from "@/components/board/map/play-steps";
import { DAY_MS, type TimeRange } from "@/lib/charts/time-range";

const HOUR = 3_600_000;
const JAN_10 = Date.UTC(2022, 0, 10);

function allSteps(period: TimeRange): TimeRange[] {
  const steps: TimeRange[] = [];
  for (let step = nextPlayStep(period, null); step; step = nextPlayStep(period, step)) {
    steps.push(step);
    if (steps.length > 1000) throw new Error("playing never ends");
  }
  return steps;
}

describe("playing the period a day at a time", () => {
  it("shows each calendar day of the period once, cut to the period at its ends, then stops", () => {
    const period: TimeRange = [JAN_10 + 9 * HOUR, JAN_10 + 3 * DAY_MS + 6 * HOUR];
    const steps = allSteps(period);
    expect(steps).toEqual([
      [JAN_10 + 9 * HOUR, JAN_10 + DAY_MS - 1],
      [JAN_10 + DAY_MS, JAN_10 + 2 * DAY_MS - 1],
      [JAN_10 + 2 * DAY_MS, JAN_10 + 3 * DAY_MS - 1],
      [JAN_10 + 3 * DAY_MS, JAN_10 + 3 * DAY_MS + 6 * HOUR],
    ]);
    expect(playStepCount(period)).toBe(steps.length);
    expect(steps.map((step) => playStepNumber(period, step))).toEqual([1, 2, 3, 4]);
  });

  it("covers every instant of the period, so no event is skipped by playing", () => {
    const period: TimeRange = [JAN_10 - 70 * DAY_MS + 5 * HOUR, JAN_10 + 4 * DAY_MS + 12 * HOUR];
    const steps = allSteps(period);
    expect(steps[0]?.[0]).toBe(period[0]);
    expect(steps.at(-1)?.[1]).toBe(period[1]);
    for (let index = 1; index < steps.length; index++) {
      expect(steps[index]?.[0]).toBe((steps[index - 1]?.[1] ?? 0) + 1);
    }
  });

  it("a period that ends at midnight still shows that last instant", () => {
    const period: TimeRange = [JAN_10, JAN_10 + 2 * DAY_MS];
    expect(allSteps(period).at(-1)).toEqual([JAN_10 + 2 * DAY_MS, JAN_10 + 2 * DAY_MS]);
  });

  it("a period within one day is a single step", () => {
    const period: TimeRange = [JAN_10 + HOUR, JAN_10 + 2 * HOUR];
    expect(allSteps(period)).toEqual([period]);
  });

  it("carries on from the day shown when the analyst moved the range while paused", () => {
    const period: TimeRange = [JAN_10, JAN_10 + 5 * DAY_MS];
    const movedTo: TimeRange = [JAN_10 + 3 * DAY_MS + 2 * HOUR, JAN_10 + 3 * DAY_MS + 5 * HOUR];
    expect(nextPlayStep(period, movedTo)).toEqual([JAN_10 + 4 * DAY_MS, JAN_10 + 5 * DAY_MS - 1]);
    const before: TimeRange = [JAN_10 - 9 * DAY_MS, JAN_10 - 8 * DAY_MS];
    expect(nextPlayStep(period, before)).toEqual([JAN_10, JAN_10 + DAY_MS - 1]);
  });
});
