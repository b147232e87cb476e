// What a marker stands for, shown beside it on hover or focus: each event's title, time (UTC), kind, place
// and notes. A cluster's card lists its events; pinned (a click on a cluster) each row is a button.
import { useEffect, useRef } from "react";
import type { MapMarker } from "@/lib/map/map-model";
import type { WireEvent } from "@/lib/schemas/board";
import { UtcTime } from "../../ui/UtcTime";
import styles from "./map.module.css";

/** Longer clusters list this many and say how many more. */
const LISTED = 8;
/** The card's width in pixels (map.module.css .card): it flips to the marker's left near the right edge. */
const CARD_WIDTH = 260;

type Props = {
  marker: MapMarker;
  eventsById: ReadonlyMap<string, WireEvent>;
  notesPerEvent: ReadonlyMap<string, number>;
  frameWidth: number;
  frameHeight: number;
  /** Set when the card was pinned by a click: its rows focus their event, and it can be closed. */
  onChoose?: (eventId: string) => void;
  onClose?: () => void;
};

export function MarkerCard({ marker, eventsById, notesPerEvent, frameWidth, frameHeight, onChoose, onClose }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const pinned = Boolean(onChoose);
  // A pinned card takes the focus, so Enter on a cluster leads the keyboard on to its events.
  useEffect(() => {
    if (pinned) list.current?.querySelector("button")?.focus();
  }, [pinned]);
  const events = marker.eventIds.flatMap((id) => eventsById.get(id) ?? []);
  const onLeft = marker.x + 16 + CARD_WIDTH > frameWidth;
  // Below a marker in the map's upper half, above one in its lower half, so the card stays inside the frame.
  const below = marker.y < frameHeight / 2;
  const edge = Math.max(4, below ? marker.y - 12 : frameHeight - marker.y - 12);
  const style = {
    ...(below ? { top: edge } : { bottom: edge }),
    left: onLeft ? Math.max(4, marker.x - 16 - CARD_WIDTH) : marker.x + 16,
    maxHeight: frameHeight - edge - 4,
  };
  return (
    <div className={styles.card} style={style} data-testid="map-card">
      {events.length > 1 ? <p className={styles.cardHead}>{marker.label}</p> : null}
      <ul ref={list} className={styles.cardList}>
        {events.slice(0, LISTED).map((event) => (
          <li key={event.id}>
            {onChoose ? (
              <button type="button" className={styles.cardChoice} onClick={() => onChoose(event.id)}>
                <EventLines event={event} notes={notesPerEvent.get(event.id) ?? 0} />
              </button>
            ) : (
              <EventLines event={event} notes={notesPerEvent.get(event.id) ?? 0} />
            )}
          </li>
        ))}
      </ul>
      {events.length > LISTED ? <p className="muted">and {events.length - LISTED} more</p> : null}
      {onClose ? (
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      ) : null}
    </div>
  );
}

function EventLines({ event, notes }: { event: WireEvent; notes: number }) {
  return (
    <span className={styles.cardEvent}>
      <strong className={styles.cardTitle}>{event.title}</strong>
      <span className={styles.cardMeta}>
        <UtcTime iso={event.occurredAt} />
        {event.endsAt ? (
          <>
            {" → "}
            <UtcTime iso={event.endsAt} />
          </>
        ) : null}
      </span>
      <span className={styles.cardMeta}>
        <span className={`tag tag-${event.category}`}>{event.category}</span>
        {event.place ? <span>{event.place.label}</span> : null}
        <span>{notes === 1 ? "1 note" : `${notes} notes`}</span>
      </span>
    </span>
  );
}
