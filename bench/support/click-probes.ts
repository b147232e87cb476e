// The in-page stopwatches of the click-to-screen scenario, injected before the pages' own scripts. Every
// time is `performance.timeOrigin + performance.now()` (or + an event's timeStamp): wall-clock
// milliseconds that pages of one browser can compare (the scenario checks each page's clock against the
// system clock, see `clockError`). Plain JavaScript in strings, so no transpiler helper (tsx's __name)
// ends up in a page that lacks it.

/** What Alice's page recorded for one note, keyed by its text. */
export type WriterMarks = { clickAt: number; sentAt: number | null };

/** What Bob's page recorded when the expected text reached it. */
export type ReaderMarks = { text: string; frameAt: number | null; domAt: number; paintedAt: number };

/** The function Bob's page calls (through page.exposeFunction) once it shows the expected text. */
export const READER_CALLBACK = "__clickToScreenSeen";

/**
 * Alice's page: a capturing click listener stamps the click on a form's "Add" button with the event's own
 * timeStamp (when the input reached the page, not when Playwright asked), keyed by the text the form
 * holds; a WebSocket send carrying that text stamps when the note left the page.
 */
export const writerProbe = `(() => {
  const marks = new Map();
  window.__clickProbe = { read: (text) => marks.get(text) ?? null };
  window.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[type="submit"]') : null;
    const field = button?.form?.querySelector("textarea");
    if (!field || button.textContent.trim() !== "Add" || !field.value) return;
    marks.set(field.value, { clickAt: performance.timeOrigin + event.timeStamp, sentAt: null });
  }, { capture: true });
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === "string") {
      for (const [text, mark] of marks) if (mark.sentAt === null && data.includes(text)) mark.sentAt = performance.timeOrigin + performance.now();
    }
    return send.call(this, data);
  };
})();`;

/**
 * Bob's page: once told a text to expect, a MutationObserver on the whole document (new nodes and changed
 * text, anywhere: the annotation list may be paged or virtualized) stamps the first mutation that shows
 * it, then the frame after it is painted; a WebSocket frame carrying the text stamps its arrival. The
 * marks go to the bench through READER_CALLBACK after the stamps are taken, so no round trip is timed.
 */
export const readerProbe = `(() => {
  let expected = null;
  let frameAt = null;
  window.__screenProbe = { expect: (text) => { expected = text; frameAt = null; } };
  const now = () => performance.timeOrigin + performance.now();
  const shows = (record) =>
    record.type === "characterData"
      ? record.target.data.includes(expected)
      : [...record.addedNodes].some((node) => (node.textContent ?? "").includes(expected));
  new MutationObserver((records) => {
    if (expected === null || !records.some(shows)) return;
    const marks = { text: expected, frameAt, domAt: now(), paintedAt: 0 };
    expected = null;
    // A frame's rAF callbacks run before it is painted; a task queued from one runs after that paint.
    requestAnimationFrame(() => setTimeout(() => {
      marks.paintedAt = now();
      window.${READER_CALLBACK}(marks);
    }, 0));
  }).observe(document, { childList: true, subtree: true, characterData: true });
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (expected !== null && frameAt === null && typeof event.data === "string" && event.data.includes(expected))
          frameAt = now();
      });
    }
  };
})();`;
