"use client";
// The card beside a marker: shown while the pointer or the focus is on it, pinned by a click on a cluster
// (its rows then show their event). A click on a single event's marker shows that event; a click on open
// ground closes the card and, when picking, picks the point.
import { type RefObject, useCallback, useState } from "react";
import type { MapMarker, MapModel } from "@/lib/map/map-model";

export type MapPoint = { longitude: number; latitude: number };
/** What the press that led to a click was: a drag's end (that click never gets here), or held with Alt or Shift. */
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
  /** The marker that holds the markers' one tab stop: the one focused last. */
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const onMarker = useCallback(
    (marker: MapMarker, action: "enter" | "leave" | "click") => {
      if (action === "enter") setHoveredKey(marker.key);
      else if (action === "leave") setHoveredKey(null);
      else if (marker.eventIds.length === 1 && marker.eventIds[0]) {
        setPinnedKey(null);
        onShowEvent(marker.eventIds[0]);
      } else setPinnedKey(marker.key);
    },
    [onShowEvent],
  );
  const onBackgroundClick = useCallback(
    (longitude: number, latitude: number) => {
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
  // A pinned card had the focus: it goes back to the card's marker, or to the map when that is gone.
  const closeCard = useCallback(() => {
    if (pinnedKey) (markerElement(frameRef.current, pinnedKey) ?? frameRef.current)?.focus();
    setPinnedKey(null);
  }, [frameRef, pinnedKey]);
  const clearHover = useCallback(() => setHoveredKey(null), []);
  // Keyboard focus on a marker shows its card as hovering does (the figure's markers are focusable <g>s).
  const onFocus = (event: React.FocusEvent) => {
    const key = (event.target as Element).getAttribute("data-map-marker");
    if (!key) return;
    setHoveredKey(key);
    setActiveKey(key);
  };
  const onBlur = (event: React.FocusEvent) => {
    if ((event.target as Element).hasAttribute("data-map-marker")) setHoveredKey(null);
  };
  const pinned = pinnedKey ? model?.markers.find((marker) => marker.key === pinnedKey) : undefined;
  const hovered = hoveredKey && !pinned ? model?.markers.find((marker) => marker.key === hoveredKey) : undefined;
  return {
    /** The marker whose card shows, and whether it was pinned by a click. */
    activeKey,
    card: pinned ? { marker: pinned, pinned: true } : hovered ? { marker: hovered, pinned: false } : null,
    onMarker,
    onBackgroundClick,
    chooseFromCard,
    closeCard,
    clearHover,
    focusHandlers: { onFocus, onBlur },
  };
}

/** The figure's element for a marker (a focusable <g>), if it is drawn. */
export function markerElement(frame: HTMLElement | null, key: string): SVGGElement | null {
  return frame?.querySelector<SVGGElement>(`[data-map-marker="${CSS.escape(key)}"]`) ?? null;
}
