// The military date-time group a briefing is stamped with: day, hour and minute, the zone letter, month
// and two-digit year, e.g. "101200ZJAN22" for 10 January 2022, 12:00 UTC (always Zulu here).

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;

const pad = (value: number) => String(value).padStart(2, "0");

export function dateTimeGroup(instant: Date): string {
  const day = pad(instant.getUTCDate());
  const time = `${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}`;
  const month = MONTHS[instant.getUTCMonth()] ?? "";
  return `${day}${time}Z${month}${pad(instant.getUTCFullYear() % 100)}`;
}
