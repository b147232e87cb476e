// approx-string-match reports the alignment with the fewest errors, and for an inserted word that is
// often one that starts or ends a word away from the passage ("the remaining families" for "ordered the
// families"), which then breaks the prefix or suffix fit. So each match's ends are moved, within the
// error bound, to where quote and context together fit best: the start first (end fixed), then the end.
import type { FoldedText } from "./normalize";
import { type Candidate, type PreparedQuote, scoreCandidate } from "./score";

/** Longer quotes keep the library's ends: context weighs little against them, and the tables grow as L². */
export const REFINED_QUOTE_LIMIT = 256;

export function refinedCandidate(
  text: FoldedText,
  quote: PreparedQuote,
  match: { start: number; end: number; errors: number },
  maxErrors: number,
  hint: number,
): Candidate {
  const length = quote.exact.length;
  const scored = (start: number, end: number, errors: number) =>
    scoreCandidate(text, quote, start, end, 1 - errors / length, hint);
  if (length > REFINED_QUOTE_LIMIT) return scored(match.start, match.end, match.errors);

  const reach = length + maxErrors;
  const before = text.folded.slice(Math.max(0, match.end - reach), match.end);
  const byStart = alignmentCosts(reversed(quote.exact), reversed(before));
  let best = scored(match.start, match.end, match.errors);
  byStart.forEach((errors, taken) => {
    if (errors > maxErrors || taken === 0) return;
    const candidate = scored(match.end - taken, match.end, errors);
    if (candidate.total > best.total) best = candidate;
  });

  const after = text.folded.slice(best.start, Math.min(text.folded.length, best.start + reach));
  const byEnd = alignmentCosts(quote.exact, after);
  const start = best.start;
  byEnd.forEach((errors, taken) => {
    if (errors > maxErrors || taken === 0) return;
    const candidate = scored(start, start + taken, errors);
    if (candidate.total > best.total) best = candidate;
  });
  return best;
}

/** For every j, the edit distance between all of `pattern` and the first j code units of `text`. */
function alignmentCosts(pattern: string, text: string): Uint32Array {
  let previous = new Uint32Array(text.length + 1);
  let current = new Uint32Array(text.length + 1);
  for (let j = 0; j <= text.length; j += 1) previous[j] = j;
  for (let i = 1; i <= pattern.length; i += 1) {
    current[0] = i;
    const code = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (code === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous;
}

const reversed = (value: string) => value.split("").reverse().join("");
