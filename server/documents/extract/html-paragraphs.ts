// The text of a DOM subtree as paragraphs: every block element (paragraph, heading, list item, cell…)
// starts a new one; whitespace collapses as a browser would show it, except inside <pre>; <br> keeps its
// line break. What is never shown (scripts, styles, templates) is skipped.

const BLOCK_ELEMENTS = new Set(
  [
    "ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM",
    "H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL",
  ]
    .join(" ")
    .split(" "),
);
const HIDDEN_ELEMENTS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "SVG", "MATH"]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function htmlParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = "";
  let preformatted = false;
  const flush = () => {
    // Spaces left at a line's ends by collapsing are not shown; a <pre>'s indentation is.
    const lines = current.split("\n").map((line) => (preformatted ? line : line.replace(/^ +| +$/g, "")));
    const paragraph = lines.join("\n").replace(/^\n+|\n+$/g, "");
    if (paragraph) paragraphs.push(paragraph);
    current = "";
    preformatted = false;
  };
  const visit = (node: Node, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const data = node.nodeValue ?? "";
      current += inPre ? data : data.replace(/[ \t\n\f\r]+/g, " ");
      preformatted ||= inPre;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (HIDDEN_ELEMENTS.has(tag)) return;
    if (tag === "BR") {
      current += "\n";
      return;
    }
    const block = BLOCK_ELEMENTS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child, inPre || tag === "PRE");
    if (block) flush();
  };
  visit(root, false);
  flush();
  // A <pre> may hold blank lines of its own: each part is a paragraph like any other.
  return paragraphs.flatMap((paragraph) => paragraph.split(/\n[ \t]*\n+/)).filter((p) => p.trim() !== "");
}
