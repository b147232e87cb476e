"use client";
// The map itself, live: lib/map draws it (the same figure the exports draw) and this frame moves it —
// drag to pan, wheel, +/− or keys to zoom, a card for the marker under the pointer or focus, a click to show
// an event, and a click on open ground to pick a point. While a drag lasts the drawn figure is only slid
// (a CSS translate), and redrawn once, where it was let go.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { MapFigure } from "@/lib/map/MapFigure";
import { buildMapModel, type MapMarker, type MapModel, type MapView } from "@/lib/map/map-model";
import type { GeoBox } from "@/lib/map/map-projection";
import type { WireEvent } from "@/lib/schemas/board";
import { useElementWidth } from "../chart/use-element-width";
import { initialsOf } from "../PresenceBar";
import { MarkerCard } from "./MarkerCard";
import styles from "./map.module.css";
import { mapKeyAction, panView, wheelZoomFactor, ZOOM_STEP, zoomView } from "./map-view";
import type { PlaceNote } from "./place-notes";

/** The map's height in pixels: with the panel's head it fits beside the timeline on a 900-pixel screen. */
export const MAP_HEIGHT = 330;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 4;

// The figure draws ~180 country paths: it renders again only when the model, the selection or the
// watchers change, not when a card opens or a drag slides it.
const Figure = memo(MapFigure);

export type MapPoint = { longitude: number; latitude: number };

type Props = {
  events: readonly WireEvent[];
  eventsById: ReadonlyMap<string, WireEvent>;
  notesPerEvent: ReadonlyMap<string, number>;
  range: readonly [number, number] | null;
  watchers: ReadonlyMap<string, string[]>;
  selectedEventId: string | null;
  /** A click on open ground picks a point (also with Alt or Shift held when this is off). */
  pickingPoint: boolean;
  /** The point a place note is being written on, pinned on the map. */
  point: MapPoint | null;
  onPoint?: (point: MapPoint) => void;
  onShowEvent: (eventId: string) => void;
  /** Notes written on free points, pinned where they were written; a pin opens its thread. */
  placeNotes: readonly PlaceNote[];
  onOpenThread: (threadId: string) => void;
};

type Drag = { x: number; y: number; moved: boolean };
/**
 * A view the analyst moved to, with the extent it was made under: kept, so a colleague's far-away event
 * does not refit and rescale it. Null is the default view, which follows every place on the board.
 */
type OwnView = { view: MapView; extent: GeoBox };

export function MapViewport({
  events,
  eventsById,
  notesPerEvent,
  range,
  watchers,
  selectedEventId,
  pickingPoint,
  point,
  onPoint,
  onShowEvent,
  placeNotes,
  onOpenThread,
}: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const [own, setOwn] = useState<OwnView | null>(null);
  const model = useMemo(
    () =>
      width > 0
        ? buildMapModel({
            events,
            notesPerEvent,
            range,
            width,
            height: MAP_HEIGHT,
            view: own?.view,
            extent: own?.extent,
          })
        : null,
    [events, notesPerEvent, range, width, own],
  );
  /** Moves to `view` from the drawn model, keeping the extent that model was fitted to. */
  const setView = useCallback((from: MapModel, view: MapView) => setOwn({ view, extent: from.extent }), []);
  const [hoveredKey, setHoveredKey] = useState<string | null>(null);
  const [pinnedKey, setPinnedKey] = useState<string | null>(null);
  const [slide, setSlide] = useState<[number, number] | null>(null);
  const drag = useRef<Drag | null>(null);
  /** The click that ends a drag, or a press with a modifier: what the background click must know. */
  const pressed = useRef({ dragged: false, modifier: false });

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
    [onShowEvent],
  );
  const onBackgroundClick = useCallback(
    (longitude: number, latitude: number) => {
      if (pressed.current.dragged) return;
      setPinnedKey(null);
      if (onPoint && (pickingPoint || pressed.current.modifier)) onPoint({ longitude, latitude });
    },
    [onPoint, pickingPoint],
  );
  const chooseFromCard = useCallback(
    (eventId: string) => {
      setPinnedKey(null);
      onShowEvent(eventId);
    },
    [onShowEvent],
  );

  // The wheel zooms about the pointer. React's wheel listener is passive and cannot keep the page from
  // scrolling, so this one is the browser's own; it reads the model drawn last.
  const drawn = useRef<MapModel | null>(null);
  drawn.current = model;
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const onWheel = (event: WheelEvent) => {
      const current = drawn.current;
      if (!current || event.deltaY === 0) return;
      event.preventDefault();
      const box = frame.getBoundingClientRect();
      setView(
        current,
        zoomView(current, wheelZoomFactor(event.deltaY, event.deltaMode), [
          event.clientX - box.left,
          event.clientY - box.top,
        ]),
      );
    };
    frame.addEventListener("wheel", onWheel, { passive: false });
    return () => frame.removeEventListener("wheel", onWheel);
  }, [setView]);

  const zoomBy = (factor: number) => model && setView(model, zoomView(model, factor));
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      if (pinnedKey) frameRef.current?.focus();
      setPinnedKey(null);
      return;
    }
    if (!model || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as Element).closest("[data-map-ui]")) return;
    const action = mapKeyAction(event.key, model);
    if (!action) return;
    event.preventDefault();
    if (action.type === "zoom") setView(model, zoomView(model, action.factor));
    else if (action.type === "pan") setView(model, panView(model, action.dx, action.dy));
    else setOwn(null);
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
      setHoveredKey(null);
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
  const onPointerCancel = () => {
    drag.current = null;
    setSlide(null);
  };
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
  const pin = point && model ? model.project(point.longitude, point.latitude) : null;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a map has no element of its own; the group names it and takes its keys
    <div
      ref={frameRef}
      className={`${styles.frame}${pickingPoint ? ` ${styles.picking}` : ""}${slide ? ` ${styles.dragging}` : ""}`}
      style={{ height: MAP_HEIGHT }}
      role="group"
      aria-label="Map of the events in the time range"
      aria-describedby="map-keys"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the frame takes the arrow and +/− keys, as map widgets do
      tabIndex={0}
      data-testid="map"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {model ? (
        <div
          className={styles.layer}
          style={slide ? { transform: `translate(${slide[0]}px, ${slide[1]}px)` } : undefined}
        >
          <Figure
            model={model}
            selectedEventId={selectedEventId}
            watchers={watchers}
            onMarker={onMarker}
            onBackgroundClick={onBackgroundClick}
          />
          <WatcherInitials markers={model.markers} watchers={watchers} />
          <PlacePins model={model} notes={placeNotes} onOpen={onOpenThread} />
          {pin ? (
            <span
              className={styles.pin}
              style={{ left: pin[0], top: pin[1] }}
              data-testid="map-point"
              aria-hidden="true"
            />
          ) : null}
        </div>
      ) : null}
      {model && !slide && (pinned ?? hovered) ? (
        <div data-map-ui="">
          <MarkerCard
            key={(pinned ?? hovered)?.key}
            marker={(pinned ?? hovered) as MapMarker}
            eventsById={eventsById}
            notesPerEvent={notesPerEvent}
            frameWidth={model.width}
            frameHeight={model.height}
            onChoose={pinned ? chooseFromCard : undefined}
            onClose={pinned ? () => setPinnedKey(null) : undefined}
          />
        </div>
      ) : null}
      <div className={styles.zoom} data-map-ui="">
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => zoomBy(ZOOM_STEP)}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => zoomBy(1 / ZOOM_STEP)}>
          <span aria-hidden="true">−</span>
        </button>
        <button
          type="button"
          aria-label="Reset the map view"
          title="Reset view (0)"
          disabled={own === null}
          onClick={() => setOwn(null)}
        >
          <span aria-hidden="true">⟲</span>
        </button>
      </div>
      <p id="map-keys" className="visually-hidden">
        Arrow keys pan the map, plus and minus zoom, 0 resets it. Tab reaches each marker; Enter shows its event.
      </p>
    </div>
  );
}

/** A pin for each note on a free point that falls in the frame (place notes have no time, so no range applies). */
function PlacePins({
  model,
  notes,
  onOpen,
}: {
  model: MapModel;
  notes: readonly PlaceNote[];
  onOpen: (threadId: string) => void;
}) {
  return notes.map((note) => {
    const at = model.project(note.longitude, note.latitude);
    if (!at || at[0] < 0 || at[1] < 0 || at[0] > model.width || at[1] > model.height) return null;
    return (
      <button
        key={note.threadId}
        type="button"
        className={styles.placeNote}
        style={{ left: at[0], top: at[1] }}
        aria-label={`Note on ${note.label}`}
        title={`Note on ${note.label}`}
        data-testid="map-place-note"
        data-map-ui=""
        onClick={() => onOpen(note.threadId)}
      />
    );
  });
}

/** Initials of the colleagues looking at a marker's events, beside it (the figure rings it and names them). */
function WatcherInitials({
  markers,
  watchers,
}: {
  markers: readonly MapMarker[];
  watchers: ReadonlyMap<string, string[]>;
}) {
  if (watchers.size === 0) return null;
  return markers.map((marker) => {
    const names = [...new Set(marker.eventIds.flatMap((id) => watchers.get(id) ?? []))];
    if (!names.length) return null;
    return (
      <span
        key={marker.key}
        className={styles.watchers}
        style={{ left: marker.x + 10, top: marker.y + 8 }}
        title={`Looking at it: ${names.join(", ")}`}
        data-testid="map-watchers"
        aria-hidden="true"
      >
        {names.map((name) => initialsOf(name)).join(" ")}
      </span>
    );
  });
}
