// Step 2: every place the folded quote occurs verbatim, scored on its context and position.
import type { FoldedText } from "./normalize";
import { type Candidate, type PreparedQuote, scoreCandidate } from "./score";

/** Past this many occurrences (a short, common quote), only the likeliest are scored in full. */
const FULLY_SCORED = 24;

/** Where `quote` starts in `folded`, stopping after `limit` places. */
export function occurrencesOf(folded: string, quote: string, limit = Number.POSITIVE_INFINITY): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let at = folded.indexOf(quote); at >= 0 && found.length < limit; at = folded.indexOf(quote, at + 1)) {
    found.push(at);
  }
  return found;
}

/**
 * Scores the occurrences; with many, a cheap pre-rank (how many code units next to the quote equal the
 * selector's context) picks the ones worth a full edit-distance comparison, plus the one nearest `hint`.
 */
export function exactCandidates(
  text: FoldedText,
  quote: PreparedQuote,
  occurrences: number[],
  hint: number,
): Candidate[] {
  let chosen = occurrences;
  if (occurrences.length > FULLY_SCORED) {
    const nearest = occurrences.reduce((a, b) => (Math.abs(b - hint) < Math.abs(a - hint) ? b : a));
    const ranked = occurrences
      .map((start) => ({ start, agreement: adjacentAgreement(text.folded, quote, start, start + quote.exact.length) }))
      .sort((a, b) => b.agreement - a.agreement)
      .slice(0, FULLY_SCORED)
      .map((entry) => entry.start);
    chosen = ranked.includes(nearest) ? ranked : [...ranked, nearest];
  }
  return chosen.map((start) => scoreCandidate(text, quote, start, start + quote.exact.length, 1, hint));
}

/** Code units that agree, walking outwards from the quote into the prefix and the suffix. */
export function adjacentAgreement(folded: string, quote: PreparedQuote, start: number, end: number): number {
  let agreed = 0;
  for (let k = 1; k <= quote.prefix.length && start - k >= 0; k += 1) {
    if (folded.charCodeAt(start - k) !== quote.prefix.charCodeAt(quote.prefix.length - k)) break;
    agreed += 1;
  }
  for (let k = 0; k < quote.suffix.length && end + k < folded.length; k += 1) {
    if (folded.charCodeAt(end + k) !== quote.suffix.charCodeAt(k)) break;
    agreed += 1;
  }
  return agreed;
}
