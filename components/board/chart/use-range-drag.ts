// Drag across a chart to select a span of time: to annotate it, or with Shift held to zoom to it. The
// drag starts on the chart (Recharts' onMouseDown) and is followed on the window, so releasing outside
// the chart still ends it. A press that does not move is left to the chart's click, which picks a point.
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { PlotArea } from "recharts";
import type { TimeRange } from "@/lib/charts/time-range";

export type DragPurpose = "annotate" | "zoom";
export type DragSelection = { range: TimeRange; purpose: DragPurpose };

/** Less movement than this is a shaky click, not a drag. */
const DRAG_THRESHOLD_PX = 4;

type Options = {
  /** The time range the x axis shows. */
  view: TimeRange;
  /** The plot area in the chart's own pixels, as the chart last laid it out. */
  plotAreaRef: RefObject<PlotArea | undefined>;
  /** Which drags to follow; a drag for a purpose the chart cannot serve stays a click. */
  canAnnotate: boolean;
  canZoom: boolean;
  onSelect: (selection: DragSelection) => void;
};

export function useRangeDrag({ view, plotAreaRef, canAnnotate, canZoom, onSelect }: Options) {
  const [selection, setSelection] = useState<DragSelection | null>(null);
  const draggedRef = useRef(false);
  const stopRef = useRef<(() => void) | null>(null);
  useEffect(() => () => stopRef.current?.(), []);

  const onMouseDown = useCallback(
    (event: { button: number; clientX: number; shiftKey: boolean; currentTarget: Element }) => {
      const plotArea = plotAreaRef.current;
      const purpose: DragPurpose = event.shiftKey ? "zoom" : "annotate";
      if (event.button !== 0 || !plotArea || !(purpose === "zoom" ? canZoom : canAnnotate)) return;
      stopRef.current?.();
      draggedRef.current = false;
      // The chart's pixels start at its wrapper's left edge; measured once, the page does not scroll sideways.
      const chartLeft = event.currentTarget.getBoundingClientRect().left;
      const timeAt = (clientX: number) =>
        snapTime(timeAtPixel(clientX - chartLeft, plotArea, view), view, plotArea.width);
      const startX = event.clientX;
      const startTime = timeAt(startX);
      const spanTo = (clientX: number) => ordered(startTime, timeAt(clientX));

      const onMove = (move: MouseEvent) => {
        if (!draggedRef.current && Math.abs(move.clientX - startX) < DRAG_THRESHOLD_PX) return;
        draggedRef.current = true;
        setSelection({ range: spanTo(move.clientX), purpose });
      };
      const onUp = (up: MouseEvent) => {
        stop();
        if (!draggedRef.current) return;
        const range = spanTo(up.clientX);
        if (range[1] > range[0]) onSelect({ range, purpose });
      };
      const stop = () => {
        window.removeEventListener("mousemove", onMove);
        window.removeEventListener("mouseup", onUp);
        stopRef.current = null;
        setSelection(null);
      };
      window.addEventListener("mousemove", onMove);
      window.addEventListener("mouseup", onUp);
      stopRef.current = stop;
    },
    [view, plotAreaRef, canAnnotate, canZoom, onSelect],
  );

  /** True once for the click that ends a drag, which must not also pick a point. */
  const clickEndsDrag = useCallback(() => {
    const dragged = draggedRef.current;
    draggedRef.current = false;
    return dragged;
  }, []);

  return { selection, onMouseDown, clickEndsDrag };
}

/** Linear, like the chart's time scale; clamped to the plot so a drag past the edge stops at it. */
function timeAtPixel(chartX: number, plotArea: PlotArea, view: TimeRange): number {
  const fraction = Math.min(Math.max((chartX - plotArea.x) / plotArea.width, 0), 1);
  return view[0] + fraction * (view[1] - view[0]);
}

/**
 * Rounds to a whole unit finer than one pixel's worth of time, so a range reads "09:00Z" rather than
 * "09:07:41.312Z" without moving it visibly. The ends of the view stay exact.
 */
function snapTime(time: number, view: TimeRange, plotWidthPx: number): number {
  if (time <= view[0] || time >= view[1]) return time;
  const msPerPixel = (view[1] - view[0]) / Math.max(plotWidthPx, 1);
  const unit = [3_600_000, 900_000, 300_000, 60_000].find((candidate) => candidate <= msPerPixel) ?? 60_000;
  return Math.round(time / unit) * unit;
}

function ordered(first: number, second: number): TimeRange {
  return first <= second ? [first, second] : [second, first];
}
