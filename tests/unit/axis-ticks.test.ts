// Time-axis ticks are spaced by arithmetic, not by measuring labels in the DOM: labels never crowd, and
// ticks that fit are all kept.
import { describe, expect, it } from "vitest";
import { formatTick, spacedTicks } from "@/lib/charts/axis-ticks";

const DAY_MS = 86_400_000;
const start = Date.UTC(2022, 0, 3);
const weekly = (weeks: number) => Array.from({ length: weeks }, (_, index) => start + index * 7 * DAY_MS);
const viewOf = (ticks: number[]): [number, number] => [ticks[0] ?? 0, ticks.at(-1) ?? 1];

describe("spaced time-axis ticks", () => {
  it("keeps every weekly tick of a quarter on a wide chart", () => {
    const ticks = weekly(13);
    expect(spacedTicks(ticks, viewOf(ticks), 900, 11)).toEqual(ticks);
  });

  it("thins two years of weekly ticks on a narrow chart so labels stay a character apart", () => {
    const ticks = weekly(104);
    const view = viewOf(ticks);
    const widthPx = 600;
    const kept = spacedTicks(ticks, view, widthPx, 11);
    expect(kept.length).toBeLessThan(ticks.length);
    expect(kept[0]).toBe(ticks[0]);
    const pxPerMs = widthPx / (view[1] - view[0]);
    const labelPx = Math.max(...kept.map((tick) => formatTick(tick).length)) * 11 * 0.62;
    for (const [index, tick] of kept.slice(1).entries())
      expect((tick - (kept[index] ?? 0)) * pxPerMs).toBeGreaterThanOrEqual(labelPx + 11 * 0.62);
  });

  it("leaves one tick, or a chart not laid out yet, alone", () => {
    expect(spacedTicks([start], [start, start + DAY_MS], 600, 11)).toEqual([start]);
    expect(spacedTicks(weekly(5), viewOf(weekly(5)), 0, 11)).toEqual(weekly(5));
  });
});
