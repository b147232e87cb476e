// The anchoring order of issue 14 for one selector on one prepared text: (1) the old position, when it
// still holds the quote and its context still fits; (2) verbatim occurrences, best context first;
// (3) an approximate match above the acceptance threshold; otherwise null, an orphan.
import { findApproximate } from "./approximate";
import { exactCandidates, occurrencesOf } from "./exact";
import { type FoldedText, foldString, originalSpan } from "./normalize";
import {
  approximateAcceptable,
  chooseCandidate,
  type Candidate,
  type PreparedQuote,
  prepareQuote,
  scoreOldPlace,
  verbatimAcceptable,
} from "./score";
import type { QuoteSelector, Span } from "./selector";

export type AnchorMethod = "position" | "exact" | "approximate";
export type Located = Span & { method: AnchorMethod };
export type PreparedText = FoldedText & { original: string };
/** What steps 1–2 concluded: a place, a tie nobody should guess at, or nothing verbatim that fits. */
export type VerbatimOutcome = Located | "ambiguous" | null;

export const prepareSelector = (selector: QuoteSelector): PreparedQuote => prepareQuote(selector, foldString);

/** The folded index of an old original index, read through the new text (a guess once text moved). */
export const foldedHint = (text: PreparedText, originalIndex: number) =>
  text.toFolded[Math.max(0, Math.min(originalIndex, text.original.length))] ?? 0;

/** Steps 1 and 2. `hint` is the folded index where the quote is expected in the new text. */
export function locateVerbatim(
  text: PreparedText,
  selector: QuoteSelector,
  quote: PreparedQuote,
  hint: number,
  occurrences: (folded: string) => number[],
): VerbatimOutcome {
  if (selector.exact.length === 0) return null;
  const length = quote.exact.length;
  if (text.original.slice(selector.start, selector.end) === selector.exact) {
    const atOldPlace = scoreOldPlace(text.original, selector, quote, foldString);
    if (verbatimAcceptable(atOldPlace, length, false, atOldPlace.start))
      return { start: selector.start, end: selector.end, method: "position" };
  }
  // A quote of nothing but invisible characters has nothing left to search for once folded.
  if (length === 0) return null;
  const places = occurrences(quote.exact);
  const unique = places.length === 1;
  const chosen = chooseCandidate(
    exactCandidates(text, quote, places, hint),
    (candidate) => verbatimAcceptable(candidate, length, unique, hint),
    hint,
    length,
  );
  if (chosen === null || chosen === "ambiguous") return chosen;
  return { ...originalSpan(text, chosen.start, chosen.end), method: "exact" };
}

/** Step 3: ties and weak fits among the approximate matches come back null, an orphan. */
export function locateApproximately(text: PreparedText, quote: PreparedQuote, hint: number): Located | null {
  const accept = (candidates: Candidate[]) => {
    const acceptable = (candidate: Candidate) => approximateAcceptable(candidate, quote.exact.length, hint);
    const chosen = chooseCandidate(candidates, acceptable, hint, quote.exact.length);
    return chosen === "ambiguous" ? null : chosen;
  };
  const found = findApproximate(text, quote, hint, accept);
  return found ? { ...originalSpan(text, found.start, found.end), method: "approximate" } : null;
}

export function locate(text: PreparedText, selector: QuoteSelector): Located | null {
  const quote = prepareSelector(selector);
  const hint = foldedHint(text, selector.start);
  const verbatim = locateVerbatim(text, selector, quote, hint, (folded) => occurrencesOf(text.folded, folded));
  if (verbatim === "ambiguous") return null;
  if (verbatim) return verbatim;
  return locateApproximately(text, quote, hint);
}
