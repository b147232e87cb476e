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

/** About how wide a character of the tick font is, in ems (the labels are digits and short month names). */
const CHARACTER_EM = 0.62;

/**
 * Every k-th tick, so that labels stay at least a character apart on a plot `plotWidthPx` wide: what
 * recharts did by measuring each label in the DOM, which forced a layout of the page per label while a
 * big board was first drawn (docs/BENCHMARKS.md, scenario 5). `ticks` must be in order.
 */
export function spacedTicks(ticks: number[], view: TimeRange, plotWidthPx: number, fontSize: number): number[] {
  if (ticks.length < 2 || plotWidthPx <= 0) return ticks;
  const pxPerMs = plotWidthPx / Math.max(spanOf(view), 1);
  const closest = Math.min(...ticks.slice(1).map((tick, index) => (tick - (ticks[index] ?? tick)) * pxPerMs));
  const widest = Math.max(...ticks.map((tick) => formatTick(tick).length)) * fontSize * CHARACTER_EM;
  const every = Math.max(Math.ceil((widest + fontSize * CHARACTER_EM) / Math.max(closest, 1)), 1);
  return every === 1 ? ticks : ticks.filter((_, index) => index % every === 0);
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
