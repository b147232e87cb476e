// Time-axis ticks for a zoomed chart. The board's weekly ticks keep every chart's axis aligned; zoomed
// in past a few of them, finer UTC-aligned ticks take over so the axis still says where it is.
import { formatUtcDay } from "@/lib/time";
import { DAY_MS, HOUR_MS, spanOf, type TimeRange } from "./time-range";

const FEWEST_TICKS = 3;
const FINER_STEPS_MS = [DAY_MS, 12 * HOUR_MS, 6 * HOUR_MS, 3 * HOUR_MS, HOUR_MS, 15 * 60_000];

export function ticksForView(boardTicks: number[], view: TimeRange): number[] {
  const visible = boardTicks.filter((tick) => tick >= view[0] && tick <= view[1]);
  if (visible.length >= FEWEST_TICKS) return visible;
  const step = FINER_STEPS_MS.find((candidate) => spanOf(view) / candidate >= FEWEST_TICKS) ?? HOUR_MS / 4;
  const ticks: number[] = [];
  for (let tick = Math.ceil(view[0] / step) * step; tick <= view[1]; tick += step) ticks.push(tick);
  return ticks.length > 12 ? ticks.filter((_, index) => index % Math.ceil(ticks.length / 8) === 0) : ticks;
}

/** "10 Jan" at midnight UTC, "10 Jan 06Z" between. */
export function formatTick(epochMs: number): string {
  const day = formatUtcDay(epochMs);
  if (epochMs % DAY_MS === 0) return day;
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, "0");
  const minutes = date.getUTCMinutes();
  return `${day} ${pad(date.getUTCHours())}${minutes ? `:${pad(minutes)}` : ""}Z`;
}
