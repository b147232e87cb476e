"use client";
// How the map frame moves under the pointer, the wheel and the keys: drag to pan (the drawn figure only
// slid while the drag lasts, moved once on release), wheel to zoom about the pointer, arrows/+/−/0 on the
// frame. The frame's own concerns (cards, markers, points) stay in MapViewport.
import { type RefObject, useEffect, useRef, useState } from "react";
import type { MapModel, MapView } from "@/lib/map/map-model";
import { mapKeyAction, panView, wheelBatch, wheelZoomFactor, zoomView } from "./map-view";
import type { Pressed } from "./use-marker-cards";

/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 4;

type Drag = { x: number; y: number; moved: boolean };

type Options = {
  frameRef: RefObject<HTMLDivElement | null>;
  model: MapModel | null;
  /** Told what the press was, for the click that may follow it. */
  pressed: RefObject<Pressed>;
  /** Moves to `view`, computed from the model `from` (the one drawn when the gesture happened). */
  setView: (from: MapModel, view: MapView) => void;
  resetView: () => void;
  /** A drag began: cards under the pointer go. */
  onDragStart: () => void;
};

export function useMapGestures({ frameRef, model, pressed, setView, resetView, onDragStart }: Options) {
  const [slide, setSlide] = useState<[number, number] | null>(null);
  const drag = useRef<Drag | null>(null);
  useWheelZoom(frameRef, model, setView);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!model || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as Element).closest("[data-map-ui]")) return;
    const action = mapKeyAction(event.key, model);
    if (!action) return;
    event.preventDefault();
    if (action.type === "zoom") setView(model, zoomView(model, action.factor));
    else if (action.type === "pan") setView(model, panView(model, action.dx, action.dy));
    else resetView();
  };
  const onPointerDown = (event: React.PointerEvent) => {
    pressed.current = { dragged: false, modifier: event.altKey || event.shiftKey };
    if (event.button !== 0 || (event.target as Element).closest("[data-map-ui]")) return;
    drag.current = { x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: React.PointerEvent) => {
    const start = drag.current;
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      start.moved = true;
      event.currentTarget.setPointerCapture(event.pointerId);
      onDragStart();
    }
    setSlide([dx, dy]);
  };
  const onPointerUp = (event: React.PointerEvent) => {
    const start = drag.current;
    drag.current = null;
    if (!start?.moved) return;
    pressed.current.dragged = true;
    setSlide(null);
    if (model) setView(model, panView(model, event.clientX - start.x, event.clientY - start.y));
  };
  // Only the click that ends a drag is swallowed (before it reaches a marker or open ground); the flag goes
  // with it, so Enter on a marker after a drag still works.
  const onClickCapture = (event: React.MouseEvent) => {
    if (!pressed.current.dragged) return;
    pressed.current.dragged = false;
    event.stopPropagation();
  };
  const onPointerCancel = () => {
    drag.current = null;
    setSlide(null);
  };
  return {
    slide,
    handlers: { onKeyDown, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onClickCapture },
  };
}

// The wheel zooms about the pointer, once per animation frame whatever the number of wheel events in it.
// React's wheel listener is passive and cannot keep the page from scrolling, so this one is the browser's
// own; it reads the model drawn last.
function useWheelZoom(frameRef: RefObject<HTMLDivElement | null>, model: MapModel | null, setView: Options["setView"]) {
  const drawn = useRef<MapModel | null>(null);
  drawn.current = model;
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const batch = wheelBatch(
      (run) => requestAnimationFrame(run),
      (id) => cancelAnimationFrame(id),
      (factor, anchor) => {
        const current = drawn.current;
        if (current) setView(current, zoomView(current, factor, anchor));
      },
    );
    const onWheel = (event: WheelEvent) => {
      if (!drawn.current || event.deltaY === 0) return;
      event.preventDefault();
      const box = frame.getBoundingClientRect();
      batch.add(wheelZoomFactor(event.deltaY, event.deltaMode), [event.clientX - box.left, event.clientY - box.top]);
    };
    frame.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      frame.removeEventListener("wheel", onWheel);
      batch.cancel();
    };
  }, [frameRef, setView]);
}
