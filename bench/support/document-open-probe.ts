// The in-page stopwatch of the document-open scenario, injected before any of the page's own scripts, the
// same on Watchfloor's board page and the baseline page. It starts at the click on the document's entry
// (a capture listener on window, so it runs before the page's own handler) and stamps, in the page's
// performance.now(): the text in the DOM, a highlight in the DOM and inside the text's box, and the frame
// after each painted. Plain JavaScript in a string, so no transpiler helper ends up in the page.

export type DocumentOpenMarks = {
  clickMs: number | null;
  /** The text box holds text (a paragraph with characters). */
  textMs: number | null;
  textPaintedMs: number | null;
  /** A highlight is in the DOM, has a size, and lies inside the text box's visible rectangle. */
  highlightMs: number | null;
  highlightPaintedMs: number | null;
  /** Highlight elements in the DOM when the highlights were painted. */
  highlights: number;
};

export type ProbeSelectors = { choice: string; text: string; highlight: string };

export const DOCUMENT_OPEN_DONE = "__documentOpen";

export function documentOpenProbe(selectors: ProbeSelectors): string {
  return `(() => {
  const selectors = ${JSON.stringify(selectors)};
  const marks = { clickMs: null, textMs: null, textPaintedMs: null, highlightMs: null, highlightPaintedMs: null, highlights: 0 };
  window.__documentMarks = marks;
  // A frame's rAF callbacks run before it is painted; a task queued from one runs after that paint.
  const afterPaint = (stamp) => requestAnimationFrame(() => setTimeout(() => stamp(performance.now()), 0));
  const highlightShown = (box) => {
    const area = box.getBoundingClientRect();
    for (const mark of box.querySelectorAll(selectors.highlight)) {
      const rect = mark.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.bottom > area.top && rect.top < area.bottom && rect.right > area.left && rect.left < area.right) return true;
      // Marks come in document order: once one is below the box, the rest are too.
      if (rect.top >= area.bottom) return false;
    }
    return false;
  };
  const check = () => {
    const box = document.querySelector(selectors.text);
    if (!box) return;
    if (marks.textMs === null) {
      const paragraph = box.querySelector("p");
      if (!paragraph || !paragraph.textContent) return;
      marks.textMs = performance.now();
      afterPaint((at) => { marks.textPaintedMs = at; });
    }
    if (marks.highlightMs !== null || !highlightShown(box)) return;
    marks.highlightMs = performance.now();
    stop();
    afterPaint((at) => {
      marks.highlightPaintedMs = at;
      marks.highlights = document.querySelectorAll(selectors.highlight).length;
      // The text's paint stamp is queued first, so it is set by now.
      window.${DOCUMENT_OPEN_DONE} = marks;
    });
  };
  const observer = new MutationObserver(check);
  // Layout can place a highlight in view without a DOM change (the virtualized list measuring its rows).
  let frame = 0;
  const poll = () => { check(); if (marks.highlightMs === null) frame = requestAnimationFrame(poll); };
  const stop = () => { observer.disconnect(); cancelAnimationFrame(frame); };
  window.addEventListener("click", (event) => {
    if (marks.clickMs !== null) return;
    if (!(event.target instanceof Element) || !event.target.closest(selectors.choice)) return;
    marks.clickMs = performance.now();
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    frame = requestAnimationFrame(poll);
  }, true);
})();`;
}
