// How alike two short strings are (a selector's prefix or suffix against the text beside a candidate),
// from 0 (nothing in common) to 1 (equal). Levenshtein distance over the longer length: one changed word
// in 32 characters still scores about 0.8, while two unrelated English snippets score about 0.2–0.4, so
// the acceptance thresholds in score.ts sit well above what chance gives.

export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}

const WORD = 32;

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length <= WORD) return wordDistance(a, b);
  if (b.length <= WORD) return wordDistance(b, a);
  return tableDistance(a, b);
}

/**
 * Myers' bit-vector edit distance (as Hyyrö states it for whole strings): one 32-bit word holds a column
 * of the table for a pattern of up to 32 code units, so the distance costs a few operations per code unit
 * of `text`. Contexts are at most 32 code units, and these comparisons are most of anchoring's time.
 */
function wordDistance(pattern: string, text: string): number {
  const equal = new Map<number, number>();
  for (let i = 0; i < pattern.length; i += 1) {
    const code = pattern.charCodeAt(i);
    equal.set(code, (equal.get(code) ?? 0) | (1 << i));
  }
  const last = 1 << (pattern.length - 1);
  let positive = -1;
  let negative = 0;
  let score = pattern.length;
  for (let j = 0; j < text.length; j += 1) {
    const match = equal.get(text.charCodeAt(j)) ?? 0;
    const vertical = match | negative;
    const horizontal = (((match & positive) + positive) ^ positive) | match;
    let up = negative | ~(horizontal | positive);
    let down = positive & horizontal;
    if (up & last) score += 1;
    else if (down & last) score -= 1;
    // The first row of a whole-string table grows by one per column: a 1 enters from below.
    up = (up << 1) | 1;
    down <<= 1;
    positive = down | ~(vertical | up);
    negative = up & vertical;
  }
  return score;
}

/** The two-row dynamic programme, for two strings both longer than a word. */
function tableDistance(a: string, b: string): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
