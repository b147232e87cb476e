// The map's play button walks the period on show one UTC day at a time: each step is the board's time range
// narrowed to one calendar day (cut to the period at its ends), and after the last day the period comes back.
import { DAY_MS, type TimeRange } from "@/lib/charts/time-range";

/** Midnight UTC at or before an instant. */
export function utcDayStart(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS) * DAY_MS;
}

/** The day of the period that holds `dayStart`'s day, cut to the period; its end is the day's last millisecond. */
function dayWithin(period: TimeRange, dayStart: number): TimeRange {
  return [Math.max(dayStart, period[0]), Math.min(dayStart + DAY_MS - 1, period[1])];
}

/**
 * The step after `current` (null: playing starts, so the period's first day), or null once the period's
 * last day has been shown. `current` is the range the board shows now; a step the analyst moved elsewhere
 * carries on from the day it shows.
 */
export function nextPlayStep(period: TimeRange, current: TimeRange | null): TimeRange | null {
  if (current === null) return dayWithin(period, utcDayStart(period[0]));
  const nextDay = utcDayStart(current[0]) + DAY_MS;
  if (nextDay > period[1]) return null;
  return dayWithin(period, Math.max(nextDay, utcDayStart(period[0])));
}

/** How many steps playing the period takes (for "day 3 of 75"). */
export function playStepCount(period: TimeRange): number {
  return Math.round((utcDayStart(period[1]) - utcDayStart(period[0])) / DAY_MS) + 1;
}

/** Which step (1-based) a range shown while playing is. */
export function playStepNumber(period: TimeRange, step: TimeRange): number {
  return Math.round((utcDayStart(step[0]) - utcDayStart(period[0])) / DAY_MS) + 1;
}
