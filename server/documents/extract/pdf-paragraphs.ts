// Paragraphs from a PDF page's lines. A PDF keeps no paragraphs, only positioned text; a gap between
// two lines well over the page's usual line spacing (or a jump back up, as to a new column) is taken
// as a paragraph break. Lines of one paragraph stay on their own lines, as the page shows them.

/** A line of text and where it sits: the baseline's height on the page (PDF units, growing upwards). */
export type TextLine = { text: string; baseline: number; fontSize: number };

/** How much taller than the usual line spacing a gap must be to read as a paragraph break. */
const PARAGRAPH_GAP_RATIO = 1.3;

export function paragraphsOfPage(lines: TextLine[]): string[] {
  const kept = lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+$/, "") }))
    .filter((line) => line.text.trim() !== "");
  const usualGap = medianGap(kept);
  const paragraphs: string[][] = [];
  kept.forEach((line, index) => {
    const previous = kept[index - 1];
    const current = paragraphs.at(-1);
    if (!previous || !current || startsParagraph(previous, line, usualGap)) paragraphs.push([line.text]);
    else current.push(line.text);
  });
  return paragraphs.map((paragraph) => paragraph.join("\n"));
}

function startsParagraph(previous: TextLine, line: TextLine, usualGap: number): boolean {
  const gap = previous.baseline - line.baseline;
  if (gap < -Math.max(previous.fontSize, line.fontSize)) return true;
  return gap > usualGap * PARAGRAPH_GAP_RATIO;
}

/** The median downward step between consecutive lines; a line and a half of text when there are none. */
function medianGap(lines: TextLine[]): number {
  const gaps = lines
    .slice(1)
    .map((line, index) => (lines[index] as TextLine).baseline - line.baseline)
    .filter((gap) => gap > 0)
    .sort((a, b) => a - b);
  // The lower middle: with few lines, one paragraph break among them must not set the usual spacing.
  const middle = gaps[Math.floor((gaps.length - 1) / 2)];
  return middle ?? 1.5 * Math.max(...lines.map((line) => line.fontSize), 0);
}
