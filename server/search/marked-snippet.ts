// Turns ts_headline's output into a snippet of plain text with the ranges that matched. ts_headline is
// told to put MATCH_START/MATCH_STOP (two control characters, replaced in the text beforehand) around each
// match instead of HTML tags, so nothing a note or a document says can pass for markup or a marker.
import type { SearchMark, SearchSnippet } from "@/lib/schemas/search";

export const MATCH_START = "\u0001";
export const MATCH_STOP = "\u0002";
const MARKER = new RegExp(`(${MATCH_START}|${MATCH_STOP})`);

export function markedSnippet(marked: string): SearchSnippet {
  let text = "";
  const marks: SearchMark[] = [];
  let openedAt: number | null = null;
  for (const part of marked.split(MARKER)) {
    if (part === MATCH_START) openedAt ??= text.length;
    else if (part === MATCH_STOP) {
      if (openedAt !== null && openedAt < text.length) marks.push({ start: openedAt, end: text.length });
      openedAt = null;
    } else text += part;
  }
  // A window cut through a match leaves it open: it runs to the end.
  if (openedAt !== null && openedAt < text.length) marks.push({ start: openedAt, end: text.length });
  return { text, marks };
}

/**
 * Drops the partial words at a window's cut ends (a window of a document starts and stops anywhere), keeping
 * marks in place. Answers how many code units went from the start, so the snippet still maps into the text.
 */
export function trimToWords(
  snippet: SearchSnippet,
  cut: { start: boolean; end: boolean },
): { snippet: SearchSnippet; dropped: number } {
  const firstMark = snippet.marks[0]?.start ?? snippet.text.length;
  const lastMark = snippet.marks.at(-1)?.end ?? 0;
  const firstSpace = snippet.text.search(/\s/);
  const dropped = cut.start && firstSpace >= 0 && firstSpace < firstMark ? firstSpace + 1 : 0;
  const lastSpace = lastWhitespace(snippet.text);
  const kept = cut.end && lastSpace >= lastMark && lastSpace >= dropped ? lastSpace : snippet.text.length;
  return {
    dropped,
    snippet: {
      text: snippet.text.slice(dropped, kept),
      marks: snippet.marks.map((mark) => ({ start: mark.start - dropped, end: mark.end - dropped })),
    },
  };
}

/**
 * The part of a marked text around its first match: `leadIn` code units before it and `length` in all, cut
 * at whole words. Never splits a character outside the Basic Multilingual Plane (two code units).
 */
export function excerpt(snippet: SearchSnippet, window: { leadIn: number; length: number }): SearchSnippet {
  const first = snippet.marks[0]?.start ?? 0;
  const from = keepPairs(snippet.text, Math.max(0, first - window.leadIn));
  const to = keepPairs(snippet.text, Math.min(snippet.text.length, from + window.length));
  const cut = {
    text: snippet.text.slice(from, to),
    marks: snippet.marks
      .filter((mark) => mark.start < to && mark.end > from)
      .map((mark) => ({ start: Math.max(mark.start, from) - from, end: Math.min(mark.end, to) - from })),
  };
  return trimToWords(cut, { start: from > 0, end: to < snippet.text.length }).snippet;
}

/** An index moved off the middle of a surrogate pair. */
function keepPairs(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

function lastWhitespace(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) if (/\s/.test(text.charAt(index))) return index;
  return -1;
}
