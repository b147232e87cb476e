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
 * are shared between selectors with the same quote. Quotes that need the approximate step are searched
 * first where their anchored neighbours (by old position) say they moved to, which keeps a 5 % edit of a
 * long document from costing one whole-text search per edited quote.
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
  const verbatim = selectors.map((selector, index) =>
    locateVerbatim(prepared, selector, quotes[index] as (typeof quotes)[number], occurrences),
  );
  const shifts = anchoredShifts(selectors, verbatim);
  return selectors.map((selector, index) => {
    const outcome = verbatim[index];
    if (outcome === "ambiguous") return null;
    if (outcome) return outcome;
    const hint = foldedHint(prepared, selector.start + shiftNear(shifts, selector.start));
    return locateApproximately(prepared, quotes[index] as (typeof quotes)[number], hint);
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

/** The shift of the anchored passage that was nearest before `oldStart` (or the first after it). */
function shiftNear(shifts: Shift[], oldStart: number): number {
  let low = 0;
  let high = shifts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((shifts[middle]?.oldStart ?? 0) <= oldStart) low = middle + 1;
    else high = middle;
  }
  return (shifts[low - 1] ?? shifts[low])?.shift ?? 0;
}
