// approx-string-match reports the alignment with the fewest errors, and for an inserted word that is
// often one that starts or ends a word away from the passage ("the remaining families" for "ordered the
// families"), which then breaks the prefix or suffix fit. So each match's ends are moved, within the
// error bound, to where quote and context together fit best: the start first (end fixed), then the end.
import type { FoldedText } from "./normalize";
import { type Candidate, combined, type PreparedQuote, prefixFit, suffixFit } from "./score";

/** Longer quotes keep the library's ends: context weighs little against them, and the tables grow as L². */
export const REFINED_QUOTE_LIMIT = 256;

export function refinedCandidate(
  text: FoldedText,
  quote: PreparedQuote,
  match: { start: number; end: number },
  first: Candidate,
  maxErrors: number,
  hint: number,
): Candidate {
  const length = quote.exact.length;
  if (length > REFINED_QUOTE_LIMIT) return first;

  // Moving the start leaves the suffix's fit as it is, and moving the end the prefix's.
  const reach = length + maxErrors;
  const before = text.folded.slice(Math.max(0, match.end - reach), match.end);
  let best = first;
  alignmentCosts(reversed(quote.exact), reversed(before)).forEach((errors, taken) => {
    if (errors > maxErrors || taken === 0 || match.end - taken === best.start) return;
    const start = match.end - taken;
    const parts = { start, end: match.end, quote: 1 - errors / length, suffix: first.suffix };
    const candidate = combined(text, { ...parts, prefix: prefixFit(text, quote, start) }, hint);
    if (candidate.total > best.total) best = candidate;
  });

  const start = best.start;
  const prefix = best.prefix;
  const after = text.folded.slice(start, Math.min(text.folded.length, start + reach));
  alignmentCosts(quote.exact, after).forEach((errors, taken) => {
    if (errors > maxErrors || taken === 0 || start + taken === best.end) return;
    const end = start + taken;
    const parts = { start, end, quote: 1 - errors / length, prefix };
    const candidate = combined(text, { ...parts, suffix: suffixFit(text, quote, end) }, hint);
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
