// A figure candidate as the observation it proposes (issue 15, "Confirming"): its value, the indicator its
// unit suggests (or a new indicator named after the unit), and its time: the date of the same sentence if
// extraction found one there (the end of a range: "since November, 100,000 troops" is a count at its end),
// else the document's publication date.
import type { WireIndicator, WireSource } from "@/lib/schemas/board";
import type { WireCandidate } from "@/lib/schemas/candidate";
import { instantOfDate } from "./candidate-time";
import { sameSentence } from "./propose-event";
import { suggestIndicator } from "./suggest-indicator";

export type ObservationProposal = {
  value: number;
  /** The suggested indicator; null when none fits (the form then offers a new one). */
  indicatorId: string | null;
  /** What a new indicator would be called and count, from the candidate's unit. */
  newIndicator: { name: string; unit: string };
  /** Null when neither the sentence nor the source gives a date: the analyst must give one. */
  observedAt: string | null;
};

export function proposeObservation(
  candidate: WireCandidate & { kind: "figure" },
  candidates: readonly WireCandidate[],
  source: Pick<WireSource, "publishedAt">,
  indicators: readonly Pick<WireIndicator, "id" | "name" | "unit">[],
): ObservationProposal {
  const dated = sameSentence(candidate, candidates).find(
    (other): other is WireCandidate & { kind: "date" } => other.kind === "date" && other.status !== "rejected",
  );
  const unit = candidate.unit.trim() || "count";
  return {
    value: candidate.value,
    indicatorId: suggestIndicator(unit, indicators),
    newIndicator: { name: capitalized(unit), unit },
    observedAt: dated ? instantOfDate(dated.date.end ?? dated.date.start) : source.publishedAt,
  };
}

const capitalized = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);
