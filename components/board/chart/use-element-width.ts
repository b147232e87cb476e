"use client";
// The width of an element in CSS pixels, read before the first paint and kept up to date. A chart drawn
// only once its width is known is drawn once: recharts' ResponsiveContainer drew each chart at a guessed
// width and again at the measured one, and the thinning of a long series depends on that width.
import { type RefObject, useLayoutEffect, useState } from "react";

/** 0 until the element has been measured. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.round(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
