// Quote anchoring for passage annotations (issue 14): where a passage chosen in one version of a source
// is in another version, or null when it cannot be told without guessing. Pure: no server imports, so it
// runs in the worker pool and in the browser alike. Decisions and thresholds: docs in README.md here.
import { occurrencesOf } from "./exact";
import {
  type AnchorMethod,
  foldedHint,
  type Located,
  locate,
  locateApproximately,
  locateVerbatim,
  type PreparedText,
  prepareSelector,
} from "./locate";
import { foldText } from "./normalize";
import { nearMargin, type PreparedQuote } from "./score";
import type { QuoteSelector, Span } from "./selector";

export { CONTEXT_LENGTH, type QuoteSelector, selectorFor, type Span } from "./selector";
export type { AnchorMethod, Located };

export const prepareText = (text: string): PreparedText => ({ ...foldText(text), original: text });

/** The selector's passage in `text`, or null (an orphan). */
export function anchorQuote(text: string, selector: QuoteSelector): Span | null {
  const found = locate(prepareText(text), selector);
  return found ? { start: found.start, end: found.end } : null;
}

/** anchorQuote for many selectors on one text; same order as `selectors`. */
export function anchorAll(text: string, selectors: QuoteSelector[]): (Span | null)[] {
  return anchorAllDetailed(text, selectors).map((found) => (found ? { start: found.start, end: found.end } : null));
}

/**
 * Anchors every selector, saying which step found each. The text is folded once and verbatim searches
 * are shared between selectors with the same quote. A first pass anchors what is verbatim and fits near
 * the old position or, strictly, anywhere; the anchored passages then say how far their neighbours (by
 * old position) moved, and the rest are looked for again there: near the expected place a verbatim or
 * approximate match may rely on less context, and the approximate search starts in a small window
 * instead of the whole text. So anchorAll can anchor a passage anchorQuote alone would orphan.
 */
export function anchorAllDetailed(text: string, selectors: QuoteSelector[]): (Located | null)[] {
  const prepared = prepareText(text);
  const occurrenceCache = new Map<string, number[]>();
  const occurrences = (quote: string) => {
    let places = occurrenceCache.get(quote);
    if (!places) {
      places = occurrencesOf(prepared.folded, quote);
      occurrenceCache.set(quote, places);
    }
    return places;
  };
  const quotes = selectors.map(prepareSelector);
  const firstPass = selectors.map((selector, index) =>
    locateVerbatim(
      prepared,
      selector,
      quotes[index] as PreparedQuote,
      foldedHint(prepared, selector.start),
      occurrences,
    ),
  );
  const shifts = anchoredShifts(selectors, firstPass);
  return selectors.map((selector, index) => {
    const quote = quotes[index] as PreparedQuote;
    const hint = foldedHint(prepared, selector.start + shiftNear(shifts, selector.start));
    // Found where the neighbours say it is: looking again from there would find the same place.
    const first = firstPass[index];
    const firstNearHint =
      first &&
      first !== "ambiguous" &&
      Math.abs(foldedHint(prepared, first.start) - hint) <= nearMargin(quote.exact.length);
    if (firstNearHint) return first;
    const verbatim = locateVerbatim(prepared, selector, quote, hint, occurrences);
    if (verbatim === "ambiguous") return null;
    return verbatim ?? locateApproximately(prepared, quote, hint);
  });
}

type Shift = { oldStart: number; shift: number };

/** How far each verbatim-anchored passage moved, sorted by where it was. */
function anchoredShifts(selectors: QuoteSelector[], outcomes: (Located | "ambiguous" | null)[]): Shift[] {
  const shifts: Shift[] = [];
  selectors.forEach((selector, index) => {
    const outcome = outcomes[index];
    if (outcome && outcome !== "ambiguous")
      shifts.push({ oldStart: selector.start, shift: outcome.start - selector.start });
  });
  return shifts.sort((a, b) => a.oldStart - b.oldStart);
}

/** Neighbours each side whose shifts vote on where a passage went: one wrong anchor cannot move it. */
const VOTERS = 3;

/** The median shift of the anchored passages nearest `oldStart` by old position, VOTERS each side. */
function shiftNear(shifts: Shift[], oldStart: number): number {
  let low = 0;
  let high = shifts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((shifts[middle]?.oldStart ?? 0) < oldStart) low = middle + 1;
    else high = middle;
  }
  const votes = shifts
    .slice(Math.max(0, low - VOTERS), low + VOTERS)
    .map((entry) => entry.shift)
    .sort((a, b) => a - b);
  return votes[Math.floor(votes.length / 2)] ?? 0;
}
