import { describe, expect, it } from "vitest";
import { paragraphAt, splitParagraphs } from "@/components/board/document/paragraphs";

const texts = (text: string, paragraphs: { start: number; end: number }[]) =>
  paragraphs.map(({ start, end }) => text.slice(start, end));

describe("splitting a document into paragraphs", () => {
  it("cuts at blank lines and keeps each paragraph's offsets into the text", () => {
    const text = "First line\nstill first.\n\n  \nSecond one.\r\n\r\nThird — ünïcødé 😀 here.\n";
    const paragraphs = splitParagraphs(text);
    expect(texts(text, paragraphs)).toEqual(["First line\nstill first.", "Second one.", "Third — ünïcødé 😀 here."]);
    expect(paragraphs.every((p) => p.page === null && !p.pageBegins)).toBe(true);
  });

  it("leaves out whitespace-only documents and surrounding space", () => {
    expect(splitParagraphs(" \n\n \n")).toEqual([]);
    const text = "\n\n   padded   \n\n";
    expect(texts(text, splitParagraphs(text))).toEqual(["padded"]);
  });

  it("starts a paragraph at every PDF page start and marks the page it begins", () => {
    const text = "Page one text continues onto page two without a blank line.\n\nStill page two.";
    const pageTwo = text.indexOf("page two without");
    const paragraphs = splitParagraphs(text, [0, pageTwo]);
    expect(texts(text, paragraphs)).toEqual([
      "Page one text continues onto",
      "page two without a blank line.",
      "Still page two.",
    ]);
    expect(paragraphs.map((p) => [p.page, p.pageBegins])).toEqual([
      [1, true],
      [2, true],
      [2, false],
    ]);
  });

  it("skips a page with no text and numbers the next one right", () => {
    const text = "one\n\nthree";
    const paragraphs = splitParagraphs(text, [0, 4, 5]);
    expect(paragraphs.map((p) => [text.slice(p.start, p.end), p.page, p.pageBegins])).toEqual([
      ["one", 1, true],
      ["three", 3, true],
    ]);
  });

  it("cuts an overlong paragraph at a space, never inside a surrogate pair, losing nothing", () => {
    const words = Array.from({ length: 300 }, (_, index) => `word${index}`).join(" ");
    const paragraphs = splitParagraphs(words, [], 100);
    expect(paragraphs.length).toBeGreaterThan(20);
    expect(paragraphs.every((p) => p.end - p.start <= 100)).toBe(true);
    expect(texts(words, paragraphs).join(" ").replace(/ +/g, " ")).toBe(words);
    const emoji = "😀".repeat(80);
    const cut = splitParagraphs(emoji, [], 51);
    expect(cut.every((p) => p.start % 2 === 0 && p.end % 2 === 0)).toBe(true);
    expect(texts(emoji, cut).join("")).toBe(emoji);
  });

  it("finds the paragraph holding an offset", () => {
    const paragraphs = splitParagraphs("aa\n\nbb\n\ncc");
    expect([0, 2, 3, 4, 9, 10].map((at) => paragraphAt(paragraphs, at))).toEqual([0, 1, 1, 1, 2, -1]);
  });
});
