// Watch-floor time: instants are shown in UTC with a trailing "Z"; local time is offered on hover.

const pad = (value: number) => String(value).padStart(2, "0");

// Made once: toLocaleString with options builds a new formatter on every call, which a board of
// thousands of annotations pays thousands of times.
const utcMonthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "2022-01-10 09:00Z" */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "invalid time";
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}Z`;
}

/** "10 Jan" — for chart ticks, where space is short. */
export function formatUtcDay(epochMs: number): string {
  const date = new Date(epochMs);
  const month = utcMonthFormat.format(date);
  return `${date.getUTCDate()} ${month}`;
}

/** The same instant in the viewer's own zone, for the hover title. */
export function formatLocal(iso: string): string {
  const date = new Date(iso);
  // format() throws on an invalid date, where toLocaleString said so.
  if (Number.isNaN(date.getTime())) return "Invalid Date local";
  return `${localFormat.format(date)} local`;
}

/** For <input type="datetime-local"> read as UTC: "2022-01-10T09:00". */
export function toUtcInput(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16);
}

/** The instant a UTC datetime-local value names, as ISO 8601 with a Z (null when empty or invalid). */
export function fromUtcInput(value: string): string | null {
  if (!value) return null;
  const time = Date.parse(`${value}:00Z`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
