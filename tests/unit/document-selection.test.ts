// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { offsetOfPoint, spanOfSelection, trimSpan } from "@/components/board/document/selection-offsets";

/** The pane's shape: a page mark outside the runs, runs carrying their offsets, a highlight inside. */
function drawn(text: string) {
  const root = document.createElement("div");
  root.innerHTML = `
    <div class="page-mark">p. 1</div>
    <p><span data-start="0">${text.slice(0, 6)}</span><mark data-start="6">${text.slice(6, 11)}</mark><span data-start="11">${text.slice(11, 14)}</span></p>
    <p><span data-start="16">${text.slice(16)}</span></p>`;
  document.body.replaceChildren(root);
  return root;
}

const text = "Ab 😀 cdefg hi\n\nSecond paragraph.";

describe("selection to offsets", () => {
  it("counts UTF-16 code units within a run, surrogate pairs included", () => {
    const root = drawn(text);
    const highlight = root.querySelector("mark")?.firstChild as Text;
    expect(offsetOfPoint(root, highlight, 0)).toBe(6);
    expect(offsetOfPoint(root, highlight, 3)).toBe(9);
    const second = root.querySelectorAll("span")[2]?.firstChild as Text;
    expect(offsetOfPoint(root, second, 5)).toBe(21);
    expect(text.slice(6, 9)).toBe(highlight.data.slice(0, 3));
  });

  it("counts a point given on a run element (after its text) by the text before it, not the child index", () => {
    const root = drawn(text);
    const highlight = root.querySelector("mark") as Element;
    expect(offsetOfPoint(root, highlight, 1)).toBe(11);
    highlight.append(document.createTextNode(""));
    highlight.firstChild?.after(document.createTextNode("xy"));
    expect(offsetOfPoint(root, highlight.lastChild as Node, 0)).toBe(13);
  });

  it("places a point between elements at the next run's start, and a point on a page mark likewise", () => {
    const root = drawn(text);
    const paragraphs = root.querySelectorAll("p");
    expect(offsetOfPoint(root, paragraphs[1] as Node, 0)).toBe(16);
    expect(offsetOfPoint(root, paragraphs[0] as Node, 3)).toBe(16);
    const pageMark = root.querySelector(".page-mark")?.firstChild as Text;
    expect(offsetOfPoint(root, pageMark, 2)).toBe(0);
    expect(offsetOfPoint(root, root, root.childNodes.length)).toBe(text.length);
  });

  it("refuses a point outside the document", () => {
    const root = drawn(text);
    const outside = document.createElement("div");
    document.body.append(outside);
    expect(offsetOfPoint(root, outside, 0)).toBeNull();
  });

  it("turns a selection across a highlight and a paragraph break into a trimmed span whose slice is the quote", () => {
    const root = drawn(text);
    const first = root.querySelector("span")?.firstChild as Text;
    const last = root.querySelectorAll("span")[2]?.firstChild as Text;
    const selection = window.getSelection();
    if (!selection) throw new Error("no selection in jsdom");
    const range = document.createRange();
    range.setStart(first, 3);
    range.setEnd(last, 6);
    selection.removeAllRanges();
    selection.addRange(range);
    const span = spanOfSelection(root, selection, text);
    expect(span).toEqual({ start: 3, end: 22 });
    expect(text.slice(span?.start, span?.end)).toBe("😀 cdefg hi\n\nSecond");
  });

  it("trims whitespace at the ends and refuses a span of whitespace", () => {
    expect(trimSpan("  a b  ", 0, 7)).toEqual({ start: 2, end: 5 });
    expect(trimSpan("a   b", 1, 4)).toBeNull();
  });
});
