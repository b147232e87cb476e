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
/** A quote this long whose approximate match is at least LONG_QUOTE_SIMILARITY alike needs no context. */
export const LONG_QUOTE = 64;
export const LONG_QUOTE_SIMILARITY = 0.9;
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
  const before = quote.prefixClipped ? CONTEXT_LENGTH : quote.prefix.length;
  const after = quote.suffixClipped ? CONTEXT_LENGTH : quote.suffix.length;
  const prefix = similarity(quote.prefix, text.folded.slice(Math.max(0, start - before), start));
  const suffix = similarity(quote.suffix, text.folded.slice(end, end + after));
  const position = 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.folded.length));
  const total =
    (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position) /
    WEIGHT_SUM;
  return { start, end, quote: quoteScore, prefix, suffix, position, total };
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

/**
 * Whether a verbatim occurrence is the passage. A long quote that occurs once is; otherwise its context
 * must fit: one side, or both on average, for a long quote; both on average, strictly, for a short one,
 * whose words recur too easily ("officials said" two sentences on shares half its prefix).
 */
export function verbatimAcceptable(candidate: Candidate, quoteLength: number, unique: boolean): boolean {
  const average = (candidate.prefix + candidate.suffix) / 2;
  if (quoteLength < SELF_EVIDENT_LENGTH) return average >= CONTEXT_FITS;
  if (unique) return true;
  return Math.max(candidate.prefix, candidate.suffix) >= CONTEXT_FITS || average >= CONTEXT_AVERAGE_FITS;
}

/**
 * Whether an approximate match is the passage: a weighted score at APPROXIMATE_ACCEPT, with both sides of
 * the context fitting for a short quote; or, for a quote of LONG_QUOTE or more, a quote this close alone
 * (a paragraph that moved and was edited has lost both its neighbours).
 */
export function approximateAcceptable(candidate: Candidate, quoteLength: number): boolean {
  if (quoteLength >= LONG_QUOTE && candidate.quote >= LONG_QUOTE_SIMILARITY) return true;
  if (candidate.total < APPROXIMATE_ACCEPT) return false;
  if (quoteLength >= SELF_EVIDENT_LENGTH) return true;
  return Math.min(candidate.prefix, candidate.suffix) >= SHORT_QUOTE_CONTEXT;
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
