// A passage as the W3C Web Annotation model describes it (TextQuoteSelector + TextPositionSelector): the
// quoted text, a little of what surrounds it, and where it was. Positions are UTF-16 code unit indexes
// into the version's text, end exclusive, so `text.slice(start, end) === exact` (issue 14).

export type QuoteSelector = { exact: string; prefix: string; suffix: string; start: number; end: number };
export type Span = { start: number; end: number };

/** How much context each side keeps, in code units (the TextQuoteSelector's usual 32). */
export const CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The selector for text[start, end). Context is clipped at the text's ends, and a context edge that
 * would cut a surrogate pair in half drops that half, so a prefix or suffix is always well-formed text.
 */
export function selectorFor(text: string, start: number, end: number): QuoteSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`span ${start}..${end} is not within a text of ${text.length} code units`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}
