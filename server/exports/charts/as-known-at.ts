// The line an export of the board as it stood at an instant carries (issue 19), in the date-time group
// analysts read at a glance, spaced as briefings print it: "As known at 120600Z JAN 22" (UTC).
import { dateTimeGroup } from "../deck/date-time-group";

export function asKnownAtLine(knownAt: Date): string {
  // dateTimeGroup writes "120600ZJAN22": day, time and zone, then month, then year.
  const group = dateTimeGroup(knownAt);
  return `As known at ${group.slice(0, 7)} ${group.slice(7, 10)} ${group.slice(10)}`;
}
