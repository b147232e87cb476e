"use client";
// The card beside a marker: shown while the pointer or the focus is on it, pinned by a click on a cluster
// (its rows then show their event). A click on a single event's marker shows that event; a click on open
// ground closes the card and, when picking, picks the point.
import { type RefObject, useCallback, useState } from "react";
import type { MapMarker, MapModel } from "@/lib/map/map-model";

export type MapPoint = { longitude: number; latitude: number };
/** What the press that led to a click was: a drag's end, or held with Alt or Shift. */
export type Pressed = { dragged: boolean; modifier: boolean };

type Options = {
  model: MapModel | null;
  frameRef: RefObject<HTMLDivElement | null>;
  pressed: RefObject<Pressed>;
  pickingPoint: boolean;
  onPoint?: (point: MapPoint) => void;
  onShowEvent: (eventId: string) => void;
};

export function useMarkerCards({ model, frameRef, pressed, pickingPoint, onPoint, onShowEvent }: Options) {
  const [hoveredKey, setHoveredKey] = useState<string | null>(null);
  const [pinnedKey, setPinnedKey] = useState<string | null>(null);
  const onMarker = useCallback(
    (marker: MapMarker, action: "enter" | "leave" | "click") => {
      if (action === "enter") setHoveredKey(marker.key);
      else if (action === "leave") setHoveredKey(null);
      else if (pressed.current.dragged) return;
      else if (marker.eventIds.length === 1 && marker.eventIds[0]) {
        setPinnedKey(null);
        onShowEvent(marker.eventIds[0]);
      } else setPinnedKey(marker.key);
    },
    [onShowEvent, pressed],
  );
  const onBackgroundClick = useCallback(
    (longitude: number, latitude: number) => {
      if (pressed.current.dragged) return;
      setPinnedKey(null);
      if (onPoint && (pickingPoint || pressed.current.modifier)) onPoint({ longitude, latitude });
    },
    [onPoint, pickingPoint, pressed],
  );
  const chooseFromCard = useCallback(
    (eventId: string) => {
      setPinnedKey(null);
      onShowEvent(eventId);
    },
    [onShowEvent],
  );
  const closeCard = useCallback(() => {
    if (pinnedKey) frameRef.current?.focus();
    setPinnedKey(null);
  }, [frameRef, pinnedKey]);
  const clearHover = useCallback(() => setHoveredKey(null), []);
  // Keyboard focus on a marker shows its card as hovering does (the figure's markers are focusable <g>s).
  const onFocus = (event: React.FocusEvent) => {
    const key = (event.target as Element).getAttribute("data-map-marker");
    if (key) setHoveredKey(key);
  };
  const onBlur = (event: React.FocusEvent) => {
    if ((event.target as Element).hasAttribute("data-map-marker")) setHoveredKey(null);
  };
  const pinned = pinnedKey ? model?.markers.find((marker) => marker.key === pinnedKey) : undefined;
  const hovered = hoveredKey && !pinned ? model?.markers.find((marker) => marker.key === hoveredKey) : undefined;
  return {
    /** The marker whose card shows, and whether it was pinned by a click. */
    card: pinned ? { marker: pinned, pinned: true } : hovered ? { marker: hovered, pinned: false } : null,
    onMarker,
    onBackgroundClick,
    chooseFromCard,
    closeCard,
    clearHover,
    focusHandlers: { onFocus, onBlur },
  };
}
