// Times of the "as of" view (issue 19), always in UTC with a "Z": the banner's wording, the control's
// UTC field and its quick picks. Pure, so the browser and the unit tests share them.

const pad = (value: number) => String(value).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** "12 Jan 2022 18:40Z" (seconds added when the instant has any: "18:40:05Z"). */
export function formatAsOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "an invalid time";
  const seconds = date.getUTCSeconds() ? `:${pad(date.getUTCSeconds())}` : "";
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds}Z`;
}

/** The value of a datetime-local field read as UTC: "2022-01-12T18:40", or "…T18:40:05" with seconds. */
export function asOfFieldValue(iso: string): string {
  const text = new Date(iso).toISOString();
  return text.endsWith(":00.000Z") ? text.slice(0, 16) : text.slice(0, 19);
}

/** The instant a datetime-local value names when read as UTC, as ISO 8601 with a Z; null when not one. */
export function instantOfField(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hours, minutes, seconds = "00"] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds));
  const date = new Date(time);
  // Date.UTC rolls 31 Feb over into March: a day or hour that does not exist is not an instant.
  if (Number.isNaN(time) || date.getUTCDate() !== Number(day) || date.getUTCHours() !== Number(hours)) return null;
  return date.toISOString();
}

/** Why an instant cannot be shown, or null: nothing is known of the board after now. */
export function asOfProblem(iso: string | null, now: Date): string | null {
  if (iso === null) return "Give a date and time in UTC.";
  if (Date.parse(iso) > now.getTime()) return "That is in the future: pick an instant up to now.";
  return null;
}

export type QuickPick = { label: string; iso: string };

/**
 * The instants a shift asks for most: an hour ago, the morning and evening handovers of today (once
 * past) and yesterday, and the first thing logged on the board.
 */
export function quickPicks(now: Date, logStart: string | null): QuickPick[] {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const picks: QuickPick[] = [{ label: "An hour ago", iso: new Date(now.getTime() - HOUR_MS).toISOString() }];
  for (const [label, at] of [
    ["Today 06:00Z", midnight + 6 * HOUR_MS],
    ["Yesterday 18:00Z", midnight - DAY_MS + 18 * HOUR_MS],
    ["Yesterday 06:00Z", midnight - DAY_MS + 6 * HOUR_MS],
  ] as const) {
    if (at <= now.getTime()) picks.push({ label, iso: new Date(at).toISOString() });
  }
  if (logStart !== null) picks.push({ label: "Start of the log", iso: logStart });
  return picks;
}
