// Paragraphs from a PDF page's positioned lines: a clearly taller gap than the page's usual line spacing,
// or a jump back up the page (a new column), starts a new paragraph.
import { describe, expect, it } from "vitest";
import { paragraphsOfPage, type TextLine } from "@/server/documents/extract/pdf-paragraphs";

/** Lines at the given baselines, 10 pt text. */
const lines = (...placed: [string, number][]): TextLine[] =>
  placed.map(([text, baseline]) => ({ text, baseline, fontSize: 10 }));

describe("paragraphs of a PDF page", () => {
  it("keeps evenly spaced lines in one paragraph, one line each", () => {
    expect(paragraphsOfPage(lines(["a", 700], ["b", 688], ["c", 676]))).toEqual(["a\nb\nc"]);
  });

  it("breaks where the gap is well over the usual line spacing", () => {
    const page = lines(["a", 700], ["b", 688], ["c", 670], ["d", 658], ["e", 646]);
    expect(paragraphsOfPage(page)).toEqual(["a\nb", "c\nd\ne"]);
  });

  it("does not break at a gap only slightly wider than usual", () => {
    expect(paragraphsOfPage(lines(["a", 700], ["b", 688], ["c", 674], ["d", 662]))).toEqual(["a\nb\nc\nd"]);
  });

  it("breaks where the text jumps back up the page, as to a second column", () => {
    expect(paragraphsOfPage(lines(["a", 700], ["b", 688], ["c", 700], ["d", 688]))).toEqual(["a\nb", "c\nd"]);
  });

  it("drops blank lines and trailing spaces", () => {
    expect(paragraphsOfPage(lines(["a  ", 700], ["   ", 688], ["b", 676]))).toEqual(["a\nb"]);
  });
});
