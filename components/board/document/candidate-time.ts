// A candidate's date as an instant the board stores: day precision → that day at 12:00 UTC (noon keeps the
// day the same in every time zone a reader might be in), month → its 1st, year → 1 January.
import type { CandidateDate } from "@/lib/schemas/candidate";

export function instantOfDate(date: string): string {
  const [year = "1970", month = "01", day = "01"] = date.split("-");
  return `${year}-${month}-${day}T12:00:00.000Z`;
}

/** The start and, for a range, the end of a candidate's date (no end when it would come before the start). */
export function instantsOf(date: CandidateDate): { occurredAt: string; endsAt: string | null } {
  const occurredAt = instantOfDate(date.start);
  const endsAt = date.end ? instantOfDate(date.end) : null;
  return { occurredAt, endsAt: endsAt && endsAt > occurredAt ? endsAt : null };
}
