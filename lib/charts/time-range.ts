// The board's visible time range (ms since the epoch) and the steps that move it: presets, zoom and
// pan. `null` means the whole domain, so a board that grows keeps showing all of itself.

export type TimeRange = [number, number];

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Below an hour the charts' daily data has nothing more to show. */
const SHORTEST_SPAN_MS = HOUR_MS;

export function spanOf([start, end]: TimeRange): number {
  return end - start;
}

export function sameRange(left: TimeRange | null, right: TimeRange | null): boolean {
  if (left === null || right === null) return left === right;
  return left[0] === right[0] && left[1] === right[1];
}

/** An event is in range when its span [occurredAt, endsAt ?? occurredAt] overlaps it; null: every event is. */
export function eventInRange(
  event: { occurredAt: string; endsAt: string | null },
  range: readonly [number, number] | null,
): boolean {
  if (!range) return true;
  const start = Date.parse(event.occurredAt);
  const end = event.endsAt ? Date.parse(event.endsAt) : start;
  return start <= range[1] && end >= range[0];
}

/** The last `days` of the domain, or null when that is the whole domain anyway. */
export function lastDays(domain: TimeRange, days: number): TimeRange | null {
  const start = domain[1] - days * DAY_MS;
  return start <= domain[0] ? null : [start, domain[1]];
}

/** Scales the span around its middle (factor < 1 zooms in), kept inside the domain. */
export function zoom(domain: TimeRange, view: TimeRange | null, factor: number): TimeRange | null {
  const current = view ?? domain;
  const span = Math.max(spanOf(current) * factor, SHORTEST_SPAN_MS);
  if (span >= spanOf(domain)) return null;
  const middle = (current[0] + current[1]) / 2;
  return placeInside(domain, middle - span / 2, span);
}

export function canZoomIn(domain: TimeRange, view: TimeRange | null): boolean {
  return spanOf(view ?? domain) > SHORTEST_SPAN_MS;
}

/** Moves the view by half its span towards the earlier (-1) or later (+1) end of the domain. */
export function pan(domain: TimeRange, view: TimeRange | null, direction: -1 | 1): TimeRange | null {
  if (view === null) return null;
  const span = spanOf(view);
  return placeInside(domain, view[0] + (direction * span) / 2, span);
}

export function canPan(domain: TimeRange, view: TimeRange | null, direction: -1 | 1): boolean {
  if (view === null) return false;
  return direction < 0 ? view[0] > domain[0] : view[1] < domain[1];
}

function placeInside(domain: TimeRange, start: number, span: number): TimeRange {
  const clampedStart = Math.min(Math.max(start, domain[0]), domain[1] - span);
  return [clampedStart, clampedStart + span];
}

/** "2022-01-10T09:00": the value a datetime-local input holds, read as UTC. */
export function toUtcInputValue(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16);
}

/** The instant a datetime-local value names in UTC, or null while it is incomplete. */
export function fromUtcInputValue(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const epochMs = Date.parse(`${value}Z`);
  return Number.isNaN(epochMs) ? null : epochMs;
}
