// A figure candidate as the observation it proposes (issue 15, "Confirming"): its value, the indicator its
// unit suggests (or a new indicator named after the unit), and its time: the date of the same sentence if
// extraction found one there (the end of a range), else the document's publication date. "Since November,
// Moscow has brought 100,000 troops" counts them as of the report, not on 1 November: a date after "since"
// starts something still going on, so it leaves the publication date.
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
  /** The candidate's sentence (propose-event.ts sentenceOf): what stands before a date in it. */
  sentence: string,
): ObservationProposal {
  const before = (other: WireCandidate) => sentence.slice(0, Math.max(0, other.start - candidate.sentence.start));
  const dated = sameSentence(candidate, candidates).find(
    (other): other is WireCandidate & { kind: "date" } =>
      other.kind === "date" && other.status !== "rejected" && !/\bsince\s*$/i.test(before(other)),
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
