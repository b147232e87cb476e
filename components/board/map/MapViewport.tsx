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
import { ZOOM_STEP, zoomView } from "./map-view";
import type { PlaceNote } from "./place-notes";
import { useMapGestures } from "./use-map-gestures";
import { type MapPoint, markerElement, type Pressed, useMarkerCards } from "./use-marker-cards";

/** The map's height in pixels: with the panel's head it fits beside the timeline on a 900-pixel screen. */
export const MAP_HEIGHT = 330;

// The figure draws ~180 country paths: it renders again only when the model, the selection or the
// watchers change, not when a card opens or a drag slides it.
const Figure = memo(MapFigure);

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
  /** Escape while picking a point: picking ends. */
  onCancelPicking?: () => void;
  onShowEvent: (eventId: string) => void;
  /** Notes written on free points, pinned where they were written; a pin opens its thread. */
  placeNotes: readonly PlaceNote[];
  onOpenThread: (threadId: string) => void;
};

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
  onCancelPicking,
  onShowEvent,
  placeNotes,
  onOpenThread,
}: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const { model, ownView, setView, resetView } = useMapModel(events, notesPerEvent, range, width);
  const pressed = useRef<Pressed>({ dragged: false, modifier: false });
  const cards = useMarkerCards({ model, frameRef, pressed, pickingPoint, onPoint, onShowEvent });
  const { slide, handlers } = useMapGestures({
    frameRef,
    model,
    pressed,
    setView,
    resetView,
    onDragStart: cards.clearHover,
  });
  const zoomBy = (factor: number) => {
    if (model) setView(model, zoomView(model, factor));
  };
  // Picking starts on the map, so the keyboard can move it and press Enter for its centre.
  useEffect(() => {
    if (pickingPoint) frameRef.current?.focus();
  }, [pickingPoint]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      if (pickingPoint) onCancelPicking?.();
      cards.closeCard();
    } else if (model && pickingPoint && onPoint && event.key === "Enter" && event.target === event.currentTarget) {
      event.preventDefault();
      const centre = model.invert(model.width / 2, model.height / 2);
      if (centre) onPoint({ longitude: centre[0], latitude: centre[1] });
    } else if (!(model && moveMarkerFocus(event, model, frameRef.current))) handlers.onKeyDown(event);
  };
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
      {...handlers}
      {...cards.focusHandlers}
      onKeyDown={onKeyDown}
    >
      <ZoomButtons zoomBy={zoomBy} onReset={ownView ? resetView : undefined} />
      {model ? (
        <div
          className={styles.layer}
          style={slide ? { transform: `translate(${slide[0]}px, ${slide[1]}px)` } : undefined}
        >
          <Figure
            model={model}
            selectedEventId={selectedEventId}
            watchers={watchers}
            onMarker={cards.onMarker}
            tabbableMarkerKey={cards.activeKey}
            onBackgroundClick={cards.onBackgroundClick}
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
      {model && !slide && cards.card ? (
        <div data-map-ui="">
          <MarkerCard
            key={cards.card.marker.key}
            marker={cards.card.marker}
            eventsById={eventsById}
            notesPerEvent={notesPerEvent}
            frameWidth={model.width}
            frameHeight={model.height}
            onChoose={cards.card.pinned ? cards.chooseFromCard : undefined}
            onClose={cards.card.pinned ? cards.closeCard : undefined}
          />
        </div>
      ) : null}
      {pickingPoint ? <span className={styles.crosshair} aria-hidden="true" /> : null}
      <p id="map-keys" className="visually-hidden">
        Arrow keys pan the map, plus and minus zoom, 0 resets it; when picking a point, Enter picks the map&apos;s
        centre and Escape stops. Tab reaches the markers, arrow keys move between them, Enter shows an event.
      </p>
    </div>
  );
}

/** Arrow keys on a marker move the focus to the previous or next marker (in time order); true when one did. */
function moveMarkerFocus(event: React.KeyboardEvent, model: MapModel, frame: HTMLElement | null): boolean {
  const step = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }[event.key];
  const key = (event.target as Element).getAttribute("data-map-marker");
  if (!step || !key || event.altKey || event.ctrlKey || event.metaKey) return false;
  event.preventDefault();
  const at = model.markers.findIndex((marker) => marker.key === key);
  const next = model.markers[(at + step + model.markers.length) % model.markers.length];
  if (next) markerElement(frame, next.key)?.focus();
  return true;
}

/** The model drawn at the analyst's own view, if any, and the steps that move or reset that view. */
function useMapModel(
  events: Props["events"],
  notesPerEvent: Props["notesPerEvent"],
  range: Props["range"],
  width: number,
) {
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
  const resetView = useCallback(() => setOwn(null), []);
  return { model, ownView: own !== null, setView, resetView };
}

/** +, − and reset; reset is off (`onReset` absent) at the default view. */
function ZoomButtons({ zoomBy, onReset }: { zoomBy: (factor: number) => void; onReset?: () => void }) {
  return (
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
        disabled={!onReset}
        onClick={onReset}
      >
        <span aria-hidden="true">⟲</span>
      </button>
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
