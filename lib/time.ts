// Watch-floor time: instants are shown in UTC with a trailing "Z"; local time is offered on hover.

const pad = (value: number) => String(value).padStart(2, "0");

/** "2022-01-10 09:00Z" */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "invalid time";
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}Z`;
}

/** "10 Jan" — for chart ticks, where space is short. */
export function formatUtcDay(epochMs: number): string {
  const date = new Date(epochMs);
  const month = date.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return `${date.getUTCDate()} ${month}`;
}

/** The same instant in the viewer's own zone, for the hover title. */
export function formatLocal(iso: string): string {
  const date = new Date(iso);
  return `${date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })} local`;
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
