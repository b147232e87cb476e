"use client";
// The width of an element in CSS pixels, as the browser lays it out. A chart drawn only once its width is
// known is drawn once: recharts' ResponsiveContainer drew each chart at a guessed width and again at the
// measured one, and the thinning of a long series depends on that width. The width comes from a
// ResizeObserver, which reports after the browser's own layout: reading it during React's commit (a layout
// effect) forced an extra layout of the whole freshly rendered board, about 0.25 s on a big one.
import { type RefObject, useEffect, useState } from "react";

/** 0 until the element has been laid out. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
