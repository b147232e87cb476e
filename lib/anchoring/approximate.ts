// Step 3: the quote with some edits in it, found with approx-string-match (Myers' bit-parallel search,
// which reports only the places with the fewest errors, up to a bound). Searching 200 KiB for every
// edited quote would be slow and a long quote's error bound large, so the search starts in a window
// where the quote is expected, and only if nothing acceptable is there looks further: the whole text for
// a quote up to FULL_SEARCH_LIMIT long, or windows around verbatim pieces of a longer quote.
import search from "approx-string-match";
import { occurrencesOf } from "./exact";
import type { FoldedText } from "./normalize";
import { refinedCandidate } from "./refine";
import { APPROXIMATE_ERROR_SHARE, type Candidate, type PreparedQuote, scoreCandidate } from "./score";

const FULL_SEARCH_LIMIT = 256;
const PIECE_LENGTH = 32;
/** Pieces that occur more often than this say little about where the quote went. */
const PIECE_OCCURRENCE_LIMIT = 4;
const MAX_PIECE_WINDOWS = 16;

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
  const margin = Math.max(256, 2 * length);
  const near = { from: hint - margin, to: hint + length + margin };
  const found = accept(candidatesIn(text, quote, clamp(near, text), maxErrors, hint));
  if (found) return found;
  const nearCoveredAll = near.from <= 0 && near.to >= text.folded.length;
  if (nearCoveredAll) return null;
  const wider =
    length <= FULL_SEARCH_LIMIT ? [{ from: 0, to: text.folded.length }] : pieceWindows(text, quote, maxErrors);
  const candidates = wider.flatMap((window) => candidatesIn(text, quote, clamp(window, text), maxErrors, hint));
  return accept(candidates);
}

function candidatesIn(text: FoldedText, quote: PreparedQuote, window: Window, maxErrors: number, hint: number) {
  const byPlace = new Map<string, Candidate>();
  for (const match of search(text.folded.slice(window.from, window.to), quote.exact, maxErrors)) {
    const shifted = { start: window.from + match.start, end: window.from + match.end, errors: match.errors };
    const refined = refinedCandidate(text, quote, shifted, maxErrors, hint);
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

/** A match may take in a space the quote did not start or end with; the span should not. */
function trimmed(folded: string, exact: string, start: number, end: number) {
  let from = start;
  let to = end;
  if (!exact.startsWith(" ")) while (from < to && folded[from] === " ") from += 1;
  if (!exact.endsWith(" ")) while (to > from && folded[to - 1] === " ") to -= 1;
  return { start: from, end: to };
}

/** Where verbatim 32-unit pieces of a long quote say the quote would start, each as a window. */
function pieceWindows(text: FoldedText, quote: PreparedQuote, maxErrors: number): Window[] {
  const starts: number[] = [];
  for (let offset = 0; offset + PIECE_LENGTH <= quote.exact.length; offset += PIECE_LENGTH) {
    const places = occurrencesOf(text.folded, quote.exact.slice(offset, offset + PIECE_LENGTH));
    if (places.length > PIECE_OCCURRENCE_LIMIT) continue;
    for (const place of places) starts.push(place - offset);
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
