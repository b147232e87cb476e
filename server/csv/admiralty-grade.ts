// An observation's or event's Admiralty grade as analysts write it: "B2". A half-graded figure keeps the half it
// has ("B" or "2"), so the export never claims more than the database holds.
export function admiraltyGrade(reliability: string | null, credibility: number | null): string {
  return `${reliability ?? ""}${credibility ?? ""}`;
}
