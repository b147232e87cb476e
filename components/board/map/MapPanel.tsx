"use client";
// The board's map (issue 16): where the events in the board's time range happened, beside the timeline.
// It follows the shared range (and shows its own range control when the charts, which carry it, make way
// for a document), plays the range a day at a time, shows an event on the timeline and its notes on a
// click, shows who looks at which event, and lets an analyst pick a free point to annotate.
import { useMemo, useState } from "react";
import type { TimeRange } from "@/lib/charts/time-range";
import { eventInRange } from "@/lib/map/map-model";
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { WireEvent } from "@/lib/schemas/board";
import { PLACE_LIMITS } from "@/lib/schemas/place";
import { coordinatesText } from "@/lib/targets/coordinates-text";
import { formatUtcDay } from "@/lib/time";
import { TimeRangeControl } from "../chart/TimeRangeControl";
import { MapViewport } from "./MapViewport";
import styles from "./map.module.css";
import type { PlaceNote } from "./place-notes";
import { playStepCount, playStepNumber } from "./play-steps";
import { useMapPlay } from "./use-map-play";
import type { MapPoint } from "./use-marker-cards";

export type PlaceTarget = Extract<TAnnotationTarget, { type: "place" }>;

type Props = {
  events: WireEvent[];
  eventsById: ReadonlyMap<string, WireEvent>;
  notesPerEvent: ReadonlyMap<string, number>;
  /** The board's whole span, and the range the board shows (null: all of it). */
  domain: TimeRange;
  viewRange: TimeRange | null;
  onViewRangeChange: (range: TimeRange | null) => void;
  /** The charts and their range control are off the page (a document is open): the map shows one. */
  ownRangeControl: boolean;
  /** Event id → the colleagues focused on it. */
  watchers: ReadonlyMap<string, string[]>;
  /** The event the composer is on, ringed on the map. */
  selectedEventId: string | null;
  /** Shows the event on the timeline and opens its notes. */
  onShowEvent: (eventId: string) => void;
  /** Set for analysts who may annotate: picking a point targets the composer at it. */
  onAnnotatePoint?: (target: PlaceTarget) => void;
  /** The place the composer is on, if it is one. */
  pointTarget: PlaceTarget | null;
  /** Notes on free points, pinned on the map; a pin opens its thread. */
  placeNotes: readonly PlaceNote[];
  onOpenThread: (threadId: string) => void;
};

export function MapPanel({
  events,
  eventsById,
  notesPerEvent,
  domain,
  viewRange,
  onViewRangeChange,
  ownRangeControl,
  watchers,
  selectedEventId,
  onShowEvent,
  onAnnotatePoint,
  pointTarget,
  placeNotes,
  onOpenThread,
}: Props) {
  const [pickingPoint, setPickingPoint] = useState(false);
  const playing = useMapPlay(domain, viewRange, onViewRangeChange);
  const counts = useMemo(() => countEvents(events, viewRange), [events, viewRange]);
  const point = useMemo(
    () => (pointTarget ? { longitude: pointTarget.lon, latitude: pointTarget.lat } : null),
    [pointTarget],
  );
  const pickPoint = useMemo(
    () =>
      onAnnotatePoint
        ? ({ longitude, latitude }: MapPoint) => {
            const lon = roundDegrees(longitude);
            const lat = roundDegrees(latitude);
            setPickingPoint(false);
            onAnnotatePoint({ type: "place", lon, lat, label: coordinatesText(lon, lat) });
          }
        : undefined,
    [onAnnotatePoint],
  );

  return (
    <section className="panel map-panel" aria-labelledby="map-title" data-testid="map-panel">
      <div className={styles.head}>
        <h2 id="map-title">Map</h2>
        <div className={styles.tools}>
          <PlayControls playing={playing} viewRange={viewRange} />
          {onAnnotatePoint ? (
            <button
              type="button"
              aria-pressed={pickingPoint}
              title="Then click the map where the note belongs (or Alt+click at any time)"
              onClick={() => setPickingPoint((on) => !on)}
            >
              Annotate a point
            </button>
          ) : null}
        </div>
      </div>
      {ownRangeControl ? <TimeRangeControl domain={domain} value={viewRange} onChange={onViewRangeChange} /> : null}
      <MapViewport
        events={events}
        eventsById={eventsById}
        notesPerEvent={notesPerEvent}
        range={viewRange}
        watchers={watchers}
        selectedEventId={selectedEventId}
        pickingPoint={pickingPoint}
        point={point}
        onPoint={pickPoint}
        onCancelPicking={() => setPickingPoint(false)}
        onShowEvent={onShowEvent}
        placeNotes={placeNotes}
        onOpenThread={onOpenThread}
      />
      {pointTarget && onAnnotatePoint ? (
        <PointLabel key={`${pointTarget.lon},${pointTarget.lat}`} target={pointTarget} onChange={onAnnotatePoint} />
      ) : pickingPoint ? (
        <p className={`muted ${styles.status}`}>
          Click the map where the note belongs, or move the map and press Enter for its centre; Escape stops.
        </p>
      ) : null}
      <p className={`muted ${styles.status}`} data-testid="map-status">
        {counts.shown} of {counts.located} located events in the time range
        {counts.unlocated ? ` · ${counts.unlocated} without a place` : ""}
      </p>
    </section>
  );
}

function PlayControls({ playing, viewRange }: { playing: ReturnType<typeof useMapPlay>; viewRange: TimeRange | null }) {
  const { state, period } = playing;
  return (
    <>
      {state === "playing" ? (
        <button type="button" onClick={playing.pause}>
          Pause
        </button>
      ) : (
        <button
          type="button"
          title="Step the time range through the period on show, a day at a time"
          onClick={playing.play}
        >
          {state === "paused" ? "Resume" : "Play"}
        </button>
      )}
      {state !== "stopped" ? (
        <button type="button" title="Back to the period shown before playing" onClick={playing.stop}>
          Stop
        </button>
      ) : null}
      {period && viewRange ? (
        <span className={styles.day} aria-live="polite" data-testid="map-day">
          {formatUtcDay(viewRange[0])} · day {playStepNumber(period, viewRange)} of {playStepCount(period)}
        </span>
      ) : null}
    </>
  );
}

/** The point's label, editable before the note is written: "Kyiv outskirts" says more than degrees. */
function PointLabel({ target, onChange }: { target: PlaceTarget; onChange: (target: PlaceTarget) => void }) {
  const [draft, setDraft] = useState(target.label);
  const commit = () => {
    const label = draft.trim();
    if (label && label !== target.label) onChange({ ...target, label });
    else setDraft(target.label);
  };
  return (
    <label className={styles.point}>
      Note on the point
      <input
        value={draft}
        maxLength={PLACE_LIMITS.label}
        aria-label="Name of the point"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
        }}
      />
    </label>
  );
}

function countEvents(events: readonly WireEvent[], range: TimeRange | null) {
  let located = 0;
  let shown = 0;
  for (const event of events) {
    if (!event.place) continue;
    located++;
    if (eventInRange(event, range)) shown++;
  }
  return { located, shown, unlocated: events.length - located };
}

/** Two decimals (about a kilometre), as the label shows them, so the target's numbers and words agree. */
function roundDegrees(degrees: number): number {
  return Math.round(degrees * 100) / 100;
}
