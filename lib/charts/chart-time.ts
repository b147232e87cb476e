// The time axis every chart of a board shares, so panels stacked under each other line up.

const DAY_MS = 86_400_000;

/** From the earliest to the latest event or observation, as on the board page. */
export function boardTimeDomain(times: number[]): [number, number] {
  if (times.length === 0) return [0, DAY_MS];
  const start = Math.min(...times);
  const end = Math.max(...times);
  // A single instant still needs a width to draw on.
  return start === end ? [start - DAY_MS / 2, end + DAY_MS / 2] : [start, end];
}

/** One tick per week at 00:00Z (every four weeks over long spans), like the board page. */
export function weeklyTicks([start, end]: [number, number]): number[] {
  const ticks: number[] = [];
  const step = end - start > 120 * DAY_MS ? 28 * DAY_MS : 7 * DAY_MS;
  for (let tick = Math.ceil(start / DAY_MS) * DAY_MS; tick <= end; tick += step) ticks.push(tick);
  return ticks;
}

/** The range asked for, widened to a day when it is empty or reversed (a start after the board's end). */
export function drawableRange(start: number, end: number): [number, number] {
  return end > start ? [start, end] : [start, start + DAY_MS];
}

/** At most `limit` ticks, evenly thinned: an axis over centuries must not draw a tick per week. */
export function limitTicks(ticks: number[], limit: number): number[] {
  if (ticks.length <= limit) return ticks;
  const every = Math.ceil(ticks.length / limit);
  return ticks.filter((_, index) => index % every === 0);
}
