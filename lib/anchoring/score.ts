// How well a candidate place in the new text fits a selector, and when a fit is good enough to anchor.
// Weights follow Hypothesis' match-quote (quote 50, prefix 20, suffix 20, position 2); the thresholds
// are ours and lean to orphaning: a wrong anchor misleads a reader, an orphan only asks to be re-attached.
import type { FoldedText } from "./normalize";
import { CONTEXT_LENGTH } from "./selector";
import { similarity } from "./similarity";

/** A selector with its quote and context folded the way the text is (see normalize.ts). */
export type PreparedQuote = {
  exact: string;
  prefix: string;
  suffix: string;
  /** Whether the context ran into the old text's start or end, so "nothing there" is part of the fit. */
  prefixClipped: boolean;
  suffixClipped: boolean;
};

export type Candidate = {
  /** Folded indexes in the new text. */
  start: number;
  end: number;
  quote: number;
  prefix: number;
  suffix: number;
  position: number;
  total: number;
};

/** One side of the context "fits" at or above this similarity; chance between unrelated text stays below. */
export const CONTEXT_FITS = 0.7;
/** Both sides together fit at or above this average, even when neither alone reaches CONTEXT_FITS. */
export const CONTEXT_AVERAGE_FITS = 0.6;
/** An exact quote this long (folded code units) that occurs once is accepted whatever its context. */
export const SELF_EVIDENT_LENGTH = 24;
/** The approximate step allows this share of the quote's length as edits (quote similarity ≥ 0.75). */
export const APPROXIMATE_ERROR_SHARE = 0.25;
/** An approximate candidate is accepted at or above this weighted score... */
export const APPROXIMATE_ACCEPT = 0.8;
/** ...and, for a quote shorter than SELF_EVIDENT_LENGTH, only when both sides of its context fit too. */
export const SHORT_QUOTE_CONTEXT = CONTEXT_FITS;
/** A context side this alike is intact but for one code unit in 32. */
export const CONTEXT_INTACT = 0.96;
/** Far from where expected, a verbatim quote needs this length (and to be unique) to go without context. */
export const FAR_SELF_EVIDENT_LENGTH = 96;
/** Far away, a quote this long whose approximate match is LONG_QUOTE_SIMILARITY alike needs no context. */
export const LONG_QUOTE = 256;
export const LONG_QUOTE_SIMILARITY = 0.95;
/** Two candidates this close in score are a tie the context cannot break. */
export const TIE_MARGIN = 0.03;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

export function prepareQuote(
  selector: { exact: string; prefix: string; suffix: string },
  fold: (value: string) => string,
): PreparedQuote {
  return {
    exact: fold(selector.exact),
    prefix: fold(selector.prefix),
    suffix: fold(selector.suffix),
    prefixClipped: selector.prefix.length < CONTEXT_LENGTH - 1,
    suffixClipped: selector.suffix.length < CONTEXT_LENGTH - 1,
  };
}

/**
 * Scores text.folded[start, end) as the place of `quote`. A clipped context is compared with a full
 * context's worth of the new text, so a quote that was at the very start no longer fits once text is
 * put before it, instead of matching the empty string everywhere.
 */
export function scoreCandidate(
  text: FoldedText,
  quote: PreparedQuote,
  start: number,
  end: number,
  quoteScore: number,
  hint: number,
): Candidate {
  const prefix = prefixFit(text, quote, start);
  const suffix = suffixFit(text, quote, end);
  return combined(text, { start, end, quote: quoteScore, prefix, suffix }, hint);
}

export function prefixFit(text: FoldedText, quote: PreparedQuote, start: number): number {
  const before = quote.prefixClipped ? CONTEXT_LENGTH : quote.prefix.length;
  return similarity(quote.prefix, text.folded.slice(Math.max(0, start - before), start));
}

export function suffixFit(text: FoldedText, quote: PreparedQuote, end: number): number {
  const after = quote.suffixClipped ? CONTEXT_LENGTH : quote.suffix.length;
  return similarity(quote.suffix, text.folded.slice(end, end + after));
}

/** A candidate from its parts' scores: the weighted total, with position measured from `hint`. */
export function combined(
  text: FoldedText,
  parts: { start: number; end: number; quote: number; prefix: number; suffix: number },
  hint: number,
): Candidate {
  const position = 1 - Math.min(1, Math.abs(parts.start - hint) / Math.max(1, text.folded.length));
  const total =
    (WEIGHTS.quote * parts.quote +
      WEIGHTS.prefix * parts.prefix +
      WEIGHTS.suffix * parts.suffix +
      WEIGHTS.position * position) /
    WEIGHT_SUM;
  return { ...parts, position, total };
}

/**
 * Scores the old place itself (step 1), reading the context from the original text around it and folding
 * it, so a quote that starts or ends inside a whitespace run is compared with exactly what surrounds it.
 */
export function scoreOldPlace(
  original: string,
  selector: { prefix: string; suffix: string; start: number; end: number },
  quote: PreparedQuote,
  fold: (value: string) => string,
): Candidate {
  const before = quote.prefixClipped ? CONTEXT_LENGTH : selector.prefix.length;
  const after = quote.suffixClipped ? CONTEXT_LENGTH : selector.suffix.length;
  const prefix = similarity(quote.prefix, fold(original.slice(Math.max(0, selector.start - before), selector.start)));
  const suffix = similarity(quote.suffix, fold(original.slice(selector.end, selector.end + after)));
  const total = (WEIGHTS.quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position) / WEIGHT_SUM;
  return { start: selector.start, end: selector.end, quote: 1, prefix, suffix, position: 1, total };
}

/** How far from where a quote is expected a candidate still counts as near (folded code units). */
export const nearMargin = (quoteLength: number) => Math.max(256, 2 * quoteLength);
export const isNear = (candidate: Candidate, hint: number, quoteLength: number) =>
  Math.abs(candidate.start - hint) <= nearMargin(quoteLength);

/**
 * Far from where it is expected, a candidate is either the passage moved with its surroundings or a
 * look-alike (reports repeat their formulas: "Western officials reported N troops near X"), and a
 * look-alike's context differs only in a figure or a name. So one side must be intact and the other fit.
 */
const farContextFits = (candidate: Candidate) =>
  Math.max(candidate.prefix, candidate.suffix) >= CONTEXT_INTACT &&
  Math.min(candidate.prefix, candidate.suffix) >= CONTEXT_FITS;

/**
 * Whether a verbatim occurrence is the passage. Near where it is expected, a long quote that occurs once
 * is; otherwise its context must fit: one side, or both on average, for a long quote; both on average,
 * strictly, for a short one, whose words recur too easily ("officials said" one sentence on shares half
 * its prefix). Far from where it is expected, farContextFits, or the quote is long and unique.
 */
export function verbatimAcceptable(candidate: Candidate, quote: number, unique: boolean, hint: number): boolean {
  const average = (candidate.prefix + candidate.suffix) / 2;
  const best = Math.max(candidate.prefix, candidate.suffix);
  if (!isNear(candidate, hint, quote)) return (unique && quote >= FAR_SELF_EVIDENT_LENGTH) || farContextFits(candidate);
  if (quote < SELF_EVIDENT_LENGTH) return average >= CONTEXT_FITS;
  if (unique) return true;
  return best >= CONTEXT_FITS || average >= CONTEXT_AVERAGE_FITS;
}

/**
 * Whether an approximate match is the passage. Near: a weighted score at APPROXIMATE_ACCEPT, with both
 * sides of the context fitting for a short quote. Far: that score and farContextFits, or a quote of
 * LONG_QUOTE or more that is LONG_QUOTE_SIMILARITY alike (an edited paragraph that moved has lost both
 * its neighbours, and a look-alike this long differs in more than a few figures).
 */
export function approximateAcceptable(candidate: Candidate, quote: number, hint: number): boolean {
  if (!isNear(candidate, hint, quote)) {
    const longAndAlike = quote >= LONG_QUOTE && candidate.quote >= LONG_QUOTE_SIMILARITY;
    return longAndAlike || (candidate.total >= APPROXIMATE_ACCEPT && farContextFits(candidate));
  }
  if (candidate.total < APPROXIMATE_ACCEPT) return false;
  return quote >= SELF_EVIDENT_LENGTH || Math.min(candidate.prefix, candidate.suffix) >= SHORT_QUOTE_CONTEXT;
}

/**
 * The best candidate by `rank`, or null when another place that does not overlap it ranks within
 * TIE_MARGIN and position cannot tell them apart either: the nearer to `hint` wins only when it is at
 * most half as far as the other. Anything closer to a coin flip orphans the annotation.
 */
export function bestUnambiguous(candidates: Candidate[], rank: (c: Candidate) => number, hint: number) {
  let best: Candidate | null = null;
  for (const candidate of candidates) if (!best || rank(candidate) > rank(best)) best = candidate;
  if (!best) return null;
  const top = best;
  const rivals = candidates.filter(
    (c) => (c.end <= top.start || c.start >= top.end) && rank(c) >= rank(top) - TIE_MARGIN,
  );
  if (rivals.length === 0) return top;
  const everyone = [top, ...rivals].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
  const [nearest, second] = everyone;
  if (!nearest || !second) return top;
  return Math.abs(nearest.start - hint) * 2 <= Math.abs(second.start - hint) ? nearest : null;
}

/**
 * The candidate to anchor at among those `acceptable` passes: near the hint if any is (the expected
 * place beats a look-alike elsewhere with a slightly better context), else anywhere; null when none is,
 * or "ambiguous" for a tie (see bestUnambiguous).
 */
export function chooseCandidate(
  candidates: Candidate[],
  acceptable: (candidate: Candidate) => boolean,
  hint: number,
  quoteLength: number,
): Candidate | "ambiguous" | null {
  const passing = candidates.filter(acceptable);
  if (passing.length === 0) return null;
  const near = passing.filter((candidate) => isNear(candidate, hint, quoteLength));
  return bestUnambiguous(near.length > 0 ? near : passing, (candidate) => candidate.total, hint) ?? "ambiguous";
}
