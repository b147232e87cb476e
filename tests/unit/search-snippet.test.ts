// Search snippets (server/search/marked-snippet.ts): ts_headline's marked output becomes plain text with
// the matched ranges, cut to whole words, never a half of a character.
import { describe, expect, it } from "vitest";
import { excerpt, markedSnippet, trimToWords } from "@/server/search/marked-snippet";

const S = "\u0001";
const E = "\u0002";
const shown = (snippet: { text: string; marks: { start: number; end: number }[] }) =>
  snippet.marks.map((mark) => snippet.text.slice(mark.start, mark.end));

describe("markedSnippet", () => {
  it("takes the markers out and keeps where each match was", () => {
    const snippet = markedSnippet(`Talks in ${S}Geneva${E} and ${S}Вене${E} <b>soon</b>`);
    expect(snippet.text).toBe("Talks in Geneva and Вене <b>soon</b>");
    expect(shown(snippet)).toEqual(["Geneva", "Вене"]);
  });

  it("counts UTF-16 code units, as the browser does", () => {
    const snippet = markedSnippet(`🛰 ${S}troops${E}`);
    expect(snippet.marks).toEqual([{ start: 3, end: 9 }]);
  });

  it("runs a match a window cut open to the end, and ignores a stray stop", () => {
    expect(markedSnippet(`a ${E}b ${S}troo`)).toEqual({ text: "a b troo", marks: [{ start: 4, end: 8 }] });
  });
});

describe("trimToWords", () => {
  it("drops the partial words at cut ends and moves the marks with the text", () => {
    const { snippet, dropped } = trimToWords(
      { text: "oops near the border tro", marks: [{ start: 14, end: 20 }] },
      { start: true, end: true },
    );
    expect(snippet.text).toBe("near the border");
    expect(dropped).toBe(5);
    expect(shown(snippet)).toEqual(["border"]);
  });

  it("leaves an end that was not cut, and never cuts into a mark", () => {
    const whole = { text: "troops massed", marks: [{ start: 0, end: 6 }] };
    expect(trimToWords(whole, { start: true, end: false }).snippet).toEqual(whole);
  });
});

describe("excerpt", () => {
  it("shows a little before the first match, at a word boundary", () => {
    const text = `${"word ".repeat(40)}${S}Kazakhstan${E} then ${"more ".repeat(40)}`;
    const snippet = excerpt(markedSnippet(text), { leadIn: 12, length: 40 });
    expect(snippet.text.startsWith("word word Kazakhstan")).toBe(true);
    expect(snippet.text.endsWith(" ")).toBe(false);
    expect(shown(snippet)).toEqual(["Kazakhstan"]);
  });

  it("never starts inside a surrogate pair", () => {
    const snippet = excerpt(markedSnippet(`😀${S}x${E}`), { leadIn: 1, length: 10 });
    expect(snippet.text).toBe("x");
    expect(shown(snippet)).toEqual(["x"]);
  });
});
