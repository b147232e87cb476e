// The time axis every chart of a board shares, so panels stacked under each other line up.
import type { WireEvent, WireIndicator } from "@/lib/schemas/board";

const DAY_MS = 86_400_000;

/**
 * The earliest and latest instant of the board's events and observations, or null when it has none.
 * A loop, not Math.min(...times): spreading 100,000 observations into one call nears the engine's
 * argument limit (issue 13). Each indicator's observations must be in time order, as the live state
 * (lib/board-content.ts) and the snapshot (server/boards/snapshot-sql.ts) keep them: its first and last
 * are its span, so a big series costs no pass over it.
 */
export function boardSpan(
  events: readonly WireEvent[],
  indicators: readonly Pick<WireIndicator, "observations">[],
): [number, number] | null {
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  const include = (iso: string) => {
    const time = Date.parse(iso);
    if (time < earliest) earliest = time;
    if (time > latest) latest = time;
  };
  for (const event of events) include(event.occurredAt);
  for (const { observations } of indicators) {
    const first = observations[0];
    const last = observations.at(-1);
    if (first && last) {
      include(first.observedAt);
      include(last.observedAt);
    }
  }
  return earliest <= latest ? [earliest, latest] : null;
}

/** The board's span made drawable, as exports draw it: a day for an empty board, a day around a single instant. */
export function boardTimeDomain(span: [number, number] | null): [number, number] {
  if (span === null) return [0, DAY_MS];
  const [start, end] = span;
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
