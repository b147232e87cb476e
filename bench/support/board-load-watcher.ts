// The in-page clock of the board-load scenario, injected before any of the page's own scripts. Times are
// performance.now() of the page: milliseconds since its navigation started. Plain JavaScript in a string,
// so no transpiler helper (tsx's __name) ends up in a page that lacks it.

export type PageMarks = {
  /** The first WebSocket frame of at least `largeFrameChars` arrived (the join answer with the snapshot). */
  snapshotFrameMs: number | null;
  /** `main.board-grid` is in the DOM: the snapshot was applied and React committed the board. */
  gridMs: number | null;
  /** Every indicator chart has drawn its line, the thread list shows threads (when expected), and the frame
   * after that has been painted. */
  completeMs: number | null;
  charts: number;
  annotations: number;
};

export function boardLoadWatcher(expected: { charts: number; listsThreads: boolean; largeFrameChars: number }): string {
  return `(() => {
  const expected = ${JSON.stringify(expected)};
  // Also readable before the board is complete, to say how far a load that timed out got.
  const marks = { snapshotFrameMs: null, gridMs: null, completeMs: null, charts: 0, annotations: 0 };
  window.__boardMarks = marks;
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (marks.snapshotFrameMs === null && typeof event.data === "string" && event.data.length >= expected.largeFrameChars)
          marks.snapshotFrameMs = performance.now();
      });
    }
  };
  const check = () => {
    const grid = document.querySelector("main.board-grid");
    if (!grid) return;
    if (marks.gridMs === null) marks.gridMs = performance.now();
    const charts = [...grid.querySelectorAll('[data-testid="indicator-chart"]')];
    if (charts.length < expected.charts || charts.some((chart) => !chart.querySelector(".recharts-line-curve"))) return;
    if (expected.listsThreads && !grid.querySelector('[data-testid="annotation"]')) return;
    observer.disconnect();
    // A frame's rAF callbacks run before it is painted; a task queued from one runs after that paint.
    requestAnimationFrame(() => setTimeout(() => {
      marks.completeMs = performance.now();
      marks.charts = charts.length;
      marks.annotations = document.querySelectorAll('[data-testid="annotation"]').length;
      window.__boardLoad = marks;
    }, 0));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;
}
