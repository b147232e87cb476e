// Long lists continue on further slides instead of running off the bottom. A slide cannot measure its
// text, so heights are estimated from the character count at the font size, on the generous side.

/** Inches of text `text` takes at `fontSize` points wrapped to `width` inches. */
export function textHeight(text: string, fontSize: number, width: number): number {
  // Arial averages about half an em per character; 0.55 leaves room for wide letters and word breaks.
  const charactersPerLine = Math.max(1, Math.floor((width * 72) / (fontSize * 0.55)));
  const lines = text
    .split("\n")
    .reduce((count, paragraph) => count + Math.max(1, Math.ceil(paragraph.length / charactersPerLine)), 0);
  return (lines * fontSize * 1.2) / 72;
}

/** Splits items into pages whose heights add up to at most `room` (an item taller than a page gets one). */
export function paginate<T>(items: readonly T[], heightOf: (item: T) => number, room: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const height = heightOf(item);
    if (page.length > 0 && used + height > room) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += height;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** " (2 of 3)" on a continued list's heading; nothing when it fits on one slide. */
export function continuation(index: number, count: number): string {
  return count > 1 ? ` (${index + 1} of ${count})` : "";
}
