// A date candidate as the event it proposes (issue 15, "Confirming"): the sentence shortened at a word as
// its title, its time from the date, the category extraction guessed, and the place names of the same
// sentence, the first of which the form looks up in the gazetteer (issue 16). Everything is editable
// before it is saved.

import type { WireEvent } from "@/lib/schemas/board";
import type { WireCandidate } from "@/lib/schemas/candidate";
import { instantsOf } from "./candidate-time";

export const TITLE_LENGTH = 120;

export type EventProposal = Pick<WireEvent, "title" | "occurredAt" | "endsAt" | "category" | "description"> & {
  /** Places named in the sentence, in order and once each: names to look up, not yet places. */
  placeNames: string[];
};

/** The candidates that sit in `candidate`'s sentence (itself included), in the same version's text. */
export function sameSentence(candidate: WireCandidate, candidates: readonly WireCandidate[]): WireCandidate[] {
  const { start, end } = candidate.sentence;
  return candidates.filter((other) => other.version === candidate.version && other.start >= start && other.end <= end);
}

/** The sentence, its whitespace folded, cut after the last whole word that fits with an ellipsis. */
export function shortenAtWord(sentence: string, length = TITLE_LENGTH): string {
  const flat = sentence.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const room = flat.slice(0, length - 1);
  const cut = room.lastIndexOf(" ");
  const words = (cut > length / 3 ? room.slice(0, cut) : room).replace(/[\s,;:–—-]+$/, "");
  return `${words}…`;
}

/**
 * The candidate's sentence read from `text`, the text of version `textVersion`: its own sentence when that
 * is the version it was found in, else moved along with its anchor; only its own words when neither holds.
 */
export function sentenceOf(candidate: WireCandidate, text: string, textVersion: number): string {
  const { sentence, anchor } = candidate;
  if (candidate.version === textVersion) return text.slice(sentence.start, sentence.end);
  if (anchor.status !== "anchored" || anchor.version !== textVersion) return candidate.exact;
  const shift = anchor.start - candidate.start;
  return text.slice(Math.max(0, sentence.start + shift), Math.max(0, sentence.end + shift));
}

export function proposeEvent(
  candidate: WireCandidate & { kind: "date" },
  candidates: readonly WireCandidate[],
  sentence: string,
): EventProposal {
  const places = sameSentence(candidate, candidates).flatMap((other) =>
    other.kind === "name" && other.nameType === "place" && other.status !== "rejected" ? [other.name] : [],
  );
  return {
    title: shortenAtWord(sentence),
    ...instantsOf(candidate.date),
    category: candidate.category,
    placeNames: [...new Set(places)],
    description: "",
  };
}
