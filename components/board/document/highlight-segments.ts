// Highlights cut into the runs a paragraph draws: each run of text covered by the same set of passages is
// one segment, so overlapping passages show as one hatched run where they overlap. The passages are first
// put in the paragraphs they touch (once per document and set of highlights), after which drawing one
// paragraph costs what that paragraph holds, not what the document holds.
import type { ANNOTATION_KINDS } from "@/lib/schemas/annotation";

export type Highlight = {
  /** The thread's top annotation. */
  id: string;
  start: number;
  end: number;
  kind: (typeof ANNOTATION_KINDS)[number];
};

export type Segment<H extends Spanned = Highlight> = {
  start: number;
  end: number;
  /** The passages covering this run, in the order they start; empty for plain text. */
  highlights: H[];
};

type Range = { start: number; end: number };
/** Anything drawn over a span: a passage's highlight, or a candidate's mark (candidate-marks.ts). */
export type Spanned = Range & { id: string };

/** For each paragraph (sorted, not overlapping), the highlights that touch it, in the order they start. */
export function highlightsByParagraph<H extends Spanned>(
  paragraphs: readonly Range[],
  highlights: readonly H[],
): H[][] {
  const buckets: H[][] = paragraphs.map(() => []);
  const sorted = [...highlights].filter((highlight) => highlight.end > highlight.start).sort(byStart);
  for (const highlight of sorted) {
    for (let index = firstEndingAfter(paragraphs, highlight.start); index < paragraphs.length; index++) {
      const paragraph = paragraphs[index];
      if (!paragraph || paragraph.start >= highlight.end) break;
      buckets[index]?.push(highlight);
    }
  }
  return buckets;
}

/** The paragraph's text as segments from its start to its end; `highlights` are those touching it. */
export function segmentParagraph<H extends Spanned>(paragraph: Range, highlights: readonly H[]): Segment<H>[] {
  if (!highlights.length) return [{ start: paragraph.start, end: paragraph.end, highlights: [] }];
  const clip = (at: number) => Math.min(Math.max(at, paragraph.start), paragraph.end);
  const bounds = new Set([paragraph.start, paragraph.end]);
  for (const highlight of highlights) {
    bounds.add(clip(highlight.start));
    bounds.add(clip(highlight.end));
  }
  const points = [...bounds].sort((a, b) => a - b);
  const byStartOrder = [...highlights].sort(byStart);
  const segments: Segment<H>[] = [];
  let active: H[] = [];
  let next = 0;
  for (let index = 0; index + 1 < points.length; index++) {
    const from = points[index] ?? 0;
    const to = points[index + 1] ?? 0;
    active = active.filter((highlight) => highlight.end > from);
    for (let candidate = byStartOrder[next]; candidate && candidate.start <= from; candidate = byStartOrder[++next]) {
      if (candidate.end > from) active.push(candidate);
    }
    const last = segments.at(-1);
    if (last && sameHighlights(last.highlights, active)) last.end = to;
    else segments.push({ start: from, end: to, highlights: [...active] });
  }
  return segments;
}

function firstEndingAfter(paragraphs: readonly Range[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((paragraphs[middle]?.end ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function byStart(a: Spanned, b: Spanned): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function sameHighlights(a: readonly Spanned[], b: readonly Spanned[]): boolean {
  return a.length === b.length && a.every((highlight, index) => highlight === b[index]);
}
