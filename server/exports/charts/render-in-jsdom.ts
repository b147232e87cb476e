// Renders a React element into a throwaway jsdom document and reads the result, all in one
// synchronous run. Recharts 3 draws nothing under renderToStaticMarkup (recharts#5997): its charts
// measure and register their parts in effects, so they need a real client render. That render needs
// `window` and `document` as globals. Nothing else in the process runs until this function returns
// (no await inside), and the globals are removed before it does, so Next.js and every other
// `typeof window` check in the server never see them; renders are one at a time by construction.
// Recharts decided at import, without a window, that it runs on a server: it skips measuring text
// (jsdom could not anyway) and keeps every tick it is given.
import { JSDOM } from "jsdom";
import type { ReactElement } from "react";
import * as React from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";

export function renderInJsdom<T>(element: ReactElement, read: (container: HTMLElement) => T): T {
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  const restoreGlobals = installGlobals({
    window: dom.window,
    document: dom.window.document,
    // Tells React's development build that the act() below is intended.
    IS_REACT_ACT_ENVIRONMENT: true,
  });
  try {
    const container = dom.window.document.createElement("div");
    dom.window.document.body.append(container);
    const root = createRoot(container);
    runToCompletion(() => root.render(element));
    try {
      return read(container);
    } finally {
      runToCompletion(() => root.unmount());
    }
  } finally {
    restoreGlobals();
    dom.window.close();
  }
}

/**
 * Renders and commits, effects and the re-renders they cause included, before returning.
 * flushSync alone does that, but React's development build would also leave a task on its scheduler
 * that reads `window.event` after the globals are gone; inside act() that task goes to act's own
 * queue, which act empties before it returns. The production build has no act() and no such task.
 */
function runToCompletion(work: () => void): void {
  const act: ((callback: () => void) => unknown) | undefined = Reflect.get(React, "act");
  if (typeof act === "function") act(() => flushSync(work));
  else flushSync(work);
}

/** Sets globals and returns how to put back exactly what was there before (or nothing). */
function installGlobals(values: Record<string, unknown>): () => void {
  const previous = Object.keys(values).map((name) => ({
    name,
    descriptor: Object.getOwnPropertyDescriptor(globalThis, name),
  }));
  for (const [name, value] of Object.entries(values)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: false });
  }
  return () => {
    for (const { name, descriptor } of previous) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
  };
}
