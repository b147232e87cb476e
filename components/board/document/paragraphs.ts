// A document's text cut into the paragraphs the pane draws: at blank lines, at each PDF page start, and
// inside a paragraph too long to be one row of a virtualized list. Each keeps its place in the text as
// UTF-16 offsets (end exclusive), so what the pane draws and what a passage target says agree exactly.

export type Paragraph = {
  start: number;
  end: number;
  /** The PDF page this paragraph is on (1-based); null for text and HTML. */
  page: number | null;
  /** Set on the first paragraph of a page: the pane draws a page mark above it. */
  pageBegins: boolean;
};

/** Longest paragraph drawn as one row; a longer one is cut (at a line break or a space when it can). */
export const MAX_PARAGRAPH_LENGTH = 4_000;

/** One or more blank lines (lines holding only spaces and tabs). */
const BLANK_LINES = /\r?\n(?:[ \t]*\r?\n)+/g;

export function splitParagraphs(
  text: string,
  pageStarts: readonly number[] = [],
  maxLength = MAX_PARAGRAPH_LENGTH,
): Paragraph[] {
  const cuts = [
    ...blankLineBlocks(text),
    ...pageStarts.filter((at) => at > 0 && at < text.length).map((at) => [at, at] as const),
  ];
  cuts.sort((a, b) => a[0] - b[0]);
  const paragraphs: Paragraph[] = [];
  let from = 0;
  for (const [blockStart, blockEnd] of cuts) {
    if (blockStart < from) {
      from = Math.max(from, blockEnd);
      continue;
    }
    pushTrimmed(text, from, blockStart, maxLength, paragraphs);
    from = blockEnd;
  }
  pushTrimmed(text, from, text.length, maxLength, paragraphs);
  return pageStarts.length ? withPages(paragraphs, pageStarts) : paragraphs;
}

function blankLineBlocks(text: string): (readonly [number, number])[] {
  const blocks: (readonly [number, number])[] = [];
  for (const match of text.matchAll(BLANK_LINES)) blocks.push([match.index, match.index + match[0].length]);
  return blocks;
}

/** Leaves out the whitespace at either end: it draws as nothing and a passage never starts there. */
function pushTrimmed(text: string, from: number, to: number, maxLength: number, into: Paragraph[]) {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  while (end - start > maxLength) {
    const cut = cutPoint(text, start, start + maxLength);
    into.push({ start, end: cut, page: null, pageBegins: false });
    start = cut;
  }
  if (end > start) into.push({ start, end, page: null, pageBegins: false });
}

/** The last line break, else the last space, in the second half of the window; else the window's end. */
function cutPoint(text: string, start: number, limit: number): number {
  const half = start + Math.floor((limit - start) / 2);
  const newline = text.lastIndexOf("\n", limit - 1);
  if (newline >= half) return newline + 1;
  const space = text.lastIndexOf(" ", limit - 1);
  if (space >= half) return space + 1;
  // Never between the two halves of a surrogate pair: the cut would split one character over two rows.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function withPages(paragraphs: Paragraph[], pageStarts: readonly number[]): Paragraph[] {
  let page = 0;
  return paragraphs.map((paragraph) => {
    const before = page;
    while (page < pageStarts.length && (pageStarts[page] ?? Number.POSITIVE_INFINITY) <= paragraph.start) page++;
    return { ...paragraph, page: Math.max(page, 1), pageBegins: page > before };
  });
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0;
}

/** The paragraph holding `offset` (or the first after it), by binary search; -1 past the last. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((paragraphs[middle]?.end ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  return low < paragraphs.length ? low : -1;
}
