// Step 3: the quote with some edits in it, found with approx-string-match (Myers' bit-parallel search,
// which reports only the places with the fewest errors, up to a bound). Searching 200 KiB for every
// edited quote would be slow and a long quote's error bound large, so the search starts in a window
// where the quote is expected; only if nothing acceptable is there does it look around the places where
// verbatim 16-unit pieces of the prefix, quote and suffix occur (a passage that moved far keeps some of
// itself or its context intact, and score.ts accepts a far match only with most of its context intact).
import search from "approx-string-match";
import { occurrencesOf } from "./exact";
import type { FoldedText } from "./normalize";
import { refinedCandidate } from "./refine";
import { APPROXIMATE_ERROR_SHARE, type Candidate, nearMargin, type PreparedQuote, scoreCandidate } from "./score";

const PIECE_LENGTH = 16;
/** Pieces that occur more often than this say little about where the quote went. */
const PIECE_OCCURRENCE_LIMIT = 4;
const MAX_PIECE_WINDOWS = 16;
const REFINED_PLACES = 4;

type Window = { from: number; to: number };

export const maxErrorsFor = (quote: PreparedQuote) => Math.floor(quote.exact.length * APPROXIMATE_ERROR_SHARE);

/** Windows to search, nearest first; `accept` stops the search at the first window with an answer. */
export function findApproximate(
  text: FoldedText,
  quote: PreparedQuote,
  hint: number,
  accept: (candidates: Candidate[]) => Candidate | null,
): Candidate | null {
  const maxErrors = maxErrorsFor(quote);
  if (maxErrors === 0) return null;
  const length = quote.exact.length;
  const margin = nearMargin(length);
  const near = { from: hint - margin, to: hint + length + margin };
  const found = accept(candidatesIn(text, quote, clamp(near, text), maxErrors, hint));
  if (found) return found;
  const nearCoveredAll = near.from <= 0 && near.to >= text.folded.length;
  if (nearCoveredAll) return null;
  const candidates = pieceWindows(text, quote, maxErrors).flatMap((window) =>
    candidatesIn(text, quote, clamp(window, text), maxErrors, hint),
  );
  return accept(candidates);
}

function candidatesIn(text: FoldedText, quote: PreparedQuote, window: Window, maxErrors: number, hint: number) {
  const length = quote.exact.length;
  const matches = search(text.folded.slice(window.from, window.to), quote.exact, maxErrors).map((match) => {
    const start = window.from + match.start;
    const end = window.from + match.end;
    return {
      start,
      end,
      errors: match.errors,
      first: scoreCandidate(text, quote, start, end, 1 - match.errors / length, hint),
    };
  });
  const byPlace = new Map<string, Candidate>();
  for (const match of bestPerPlace(matches)) {
    const refined = refinedCandidate(text, quote, match, match.first, maxErrors, hint);
    const span = trimmed(text.folded, quote.exact, refined.start, refined.end);
    if (span.end <= span.start) continue;
    const candidate =
      span.start === refined.start && span.end === refined.end
        ? refined
        : scoreCandidate(text, quote, span.start, span.end, refined.quote, hint);
    byPlace.set(`${span.start}:${span.end}`, candidate);
  }
  return [...byPlace.values()];
}

/**
 * The library reports every end with the fewest errors, so one place comes as a run of overlapping
 * matches, and a formulaic text gives dozens of places. Refining costs more than the search: only the
 * best-scored match of each place goes on, and of the places only the REFINED_PLACES best and the one
 * nearest the hint.
 */
function bestPerPlace<T extends { start: number; end: number; first: Candidate }>(matches: T[]): T[] {
  const places: T[][] = [];
  let placeEnd = -1;
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    if (match.start < placeEnd) places[places.length - 1]?.push(match);
    else places.push([match]);
    placeEnd = Math.max(placeEnd, match.end);
  }
  const best = places.map((place) => place.reduce((a, b) => (b.first.total > a.first.total ? b : a)));
  if (best.length <= REFINED_PLACES) return best;
  const nearest = best.reduce((a, b) => (b.first.position > a.first.position ? b : a));
  const ranked = [...best].sort((a, b) => b.first.total - a.first.total).slice(0, REFINED_PLACES);
  return ranked.includes(nearest) ? ranked : [...ranked, nearest];
}

/** A match may take in a space the quote did not start or end with; the span should not. */
function trimmed(folded: string, exact: string, start: number, end: number) {
  let from = start;
  let to = end;
  if (!exact.startsWith(" ")) while (from < to && folded[from] === " ") from += 1;
  if (!exact.endsWith(" ")) while (to > from && folded[to - 1] === " ") to -= 1;
  return { start: from, end: to };
}

/** Windows where verbatim pieces of the context and quote say the quote would start. */
function pieceWindows(text: FoldedText, quote: PreparedQuote, maxErrors: number): Window[] {
  const whole = quote.prefix + quote.exact + quote.suffix;
  const starts: number[] = [];
  for (let offset = 0; offset + PIECE_LENGTH <= whole.length; offset += PIECE_LENGTH) {
    const places = occurrencesOf(text.folded, whole.slice(offset, offset + PIECE_LENGTH), PIECE_OCCURRENCE_LIMIT + 1);
    if (places.length > PIECE_OCCURRENCE_LIMIT) continue;
    for (const place of places) starts.push(place - (offset - quote.prefix.length));
  }
  starts.sort((a, b) => a - b);
  const windows: Window[] = [];
  for (const start of starts) {
    const last = windows[windows.length - 1];
    const from = start - maxErrors - PIECE_LENGTH;
    const to = start + quote.exact.length + maxErrors + PIECE_LENGTH;
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else windows.push({ from, to });
  }
  return windows.slice(0, MAX_PIECE_WINDOWS);
}

const clamp = (window: Window, text: FoldedText): Window => ({
  from: Math.max(0, window.from),
  to: Math.min(text.folded.length, window.to),
});
