import { describe, expect, it } from "vitest";
import {
  type Highlight,
  highlightsByParagraph,
  segmentParagraph,
} from "@/components/board/document/highlight-segments";

const mark = (id: string, start: number, end: number): Highlight => ({ id, start, end, kind: "note" });
const shape = (segments: ReturnType<typeof segmentParagraph>) =>
  segments.map((segment) => [segment.start, segment.end, segment.highlights.map((h) => h.id).join("+")]);

describe("highlight segments", () => {
  it("draws a paragraph with no highlight as one plain run", () => {
    expect(shape(segmentParagraph({ start: 10, end: 20 }, []))).toEqual([[10, 20, ""]]);
  });

  it("splits overlapping passages into runs, the overlap carrying both", () => {
    const a = mark("a", 12, 18);
    const b = mark("b", 15, 25);
    expect(shape(segmentParagraph({ start: 10, end: 30 }, [b, a]))).toEqual([
      [10, 12, ""],
      [12, 15, "a"],
      [15, 18, "a+b"],
      [18, 25, "b"],
      [25, 30, ""],
    ]);
  });

  it("clips a passage that runs past the paragraph's ends, and nests a passage inside another", () => {
    const outer = mark("outer", 0, 100);
    const inner = mark("inner", 40, 45);
    expect(shape(segmentParagraph({ start: 30, end: 50 }, [outer, inner]))).toEqual([
      [30, 40, "outer"],
      [40, 45, "outer+inner"],
      [45, 50, "outer"],
    ]);
  });

  it("keeps two identical passages apart as two highlights on one run", () => {
    expect(shape(segmentParagraph({ start: 0, end: 10 }, [mark("x", 2, 5), mark("y", 2, 5)]))).toEqual([
      [0, 2, ""],
      [2, 5, "x+y"],
      [5, 10, ""],
    ]);
  });

  it("puts each highlight in every paragraph it touches and no other", () => {
    const paragraphs = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
      { start: 22, end: 30 },
    ];
    const buckets = highlightsByParagraph(paragraphs, [
      mark("across", 5, 25),
      mark("gap", 10, 12),
      mark("last", 29, 30),
      mark("empty", 3, 3),
    ]);
    expect(buckets.map((bucket) => bucket.map((h) => h.id))).toEqual([["across"], ["across"], ["across", "last"]]);
  });

  it("segments every paragraph of a large document consistently with a brute force", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const paragraphs = Array.from({ length: 200 }, (_, index) => ({ start: index * 50, end: index * 50 + 45 }));
    const highlights = Array.from({ length: 500 }, (_, index) => {
      const start = Math.floor(random() * 9_900);
      return mark(`h${index}`, start, start + 1 + Math.floor(random() * 120));
    });
    const buckets = highlightsByParagraph(paragraphs, highlights);
    paragraphs.forEach((paragraph, index) => {
      for (const segment of segmentParagraph(paragraph, buckets[index] ?? [])) {
        for (let at = segment.start; at < segment.end; at++) {
          const covering = highlights.filter((h) => h.start <= at && at < h.end).map((h) => h.id);
          expect(segment.highlights.map((h) => h.id).sort()).toEqual(covering.sort());
        }
      }
    });
  });
});
