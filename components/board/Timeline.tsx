"use client";
// The events timeline: what happened, when (UTC), where, and of which kind — filtered by kind and by the
// board's time range, ordered by when each happened or when it was logged (issue 19). Editors add, edit
// and delete events here.
import { useEffect, useState } from "react";
import { eventInRange } from "@/lib/charts/time-range";
import type { WireEvent, WireSource } from "@/lib/schemas/board";
import { EVENT_CATEGORIES } from "@/lib/schemas/content";
import { coordinatesText } from "@/lib/targets/coordinates-text";
import { Problem } from "../ui/Problem";
import { UtcTime } from "../ui/UtcTime";
import { EventForm } from "./content/EventForm";
import historyStyles from "./history/as-of.module.css";
import { type EventOrder, orderEvents } from "./history/event-order";
import { EvidenceLines } from "./document/EvidenceLines";
import type { BoardSend } from "./use-live-board";

type Props = {
  boardId: string;
  events: WireEvent[];
  sources: WireSource[];
  annotationCounts: Map<string, number>;
  /** The board's time range (ms); events outside it are hidden. */
  viewRange: [number, number] | null;
  canEdit: boolean;
  send: BoardSend;
  /** Viewers get a "N notes" link that shows the event's notes, not an "Annotate" one. */
  canAnnotate: boolean;
  /** Targets the event in the composer (when the analyst may annotate) and focuses its notes. */
  onAnnotate: (event: WireEvent) => void;
  /** An event chosen elsewhere (a marker on the map): highlighted and scrolled to, again for each new request. */
  focused?: EventFocus | null;
};

export type EventFocus = { eventId: string };

export function Timeline({
  boardId,
  events,
  sources,
  annotationCounts,
  viewRange,
  canEdit,
  canAnnotate,
  send,
  onAnnotate,
  focused = null,
}: Props) {
  const [hidden, setHidden] = useState<Set<WireEvent["category"]>>(new Set());
  const [editing, setEditing] = useState<WireEvent | "new" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [order, setOrder] = useState<EventOrder>("happened");
  // Numbers match the markers on the charts, so they count every event, shown or not.
  const numbered = events.map((event, index) => ({ event, number: index + 1 }));
  const shown = orderEvents(
    numbered.filter(({ event }) => !hidden.has(event.category) && eventInRange(event, viewRange)),
    order,
  );
  const toggle = (category: WireEvent["category"]) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(category)) next.delete(category);
      else next.add(category);
      return next;
    });
  useEffect(() => {
    if (focused) document.getElementById(`event-${focused.eventId}`)?.scrollIntoView({ block: "nearest" });
  }, [focused]);
  const remove = async (event: WireEvent) => {
    if (!window.confirm(`Delete the event “${event.title}” and the annotations on it?`)) return;
    const result = await send("event:delete", { id: event.id, boardId });
    setProblem(result.ok ? null : result.error.message);
  };

  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <fieldset className="category-filter">
        <legend className="visually-hidden">Show kinds of event</legend>
        {EVENT_CATEGORIES.map((category) => (
          <label key={category} className={`tag tag-${category}`}>
            <input type="checkbox" checked={!hidden.has(category)} onChange={() => toggle(category)} /> {category}
          </label>
        ))}
      </fieldset>
      <fieldset className="category-filter" aria-label="Order by">
        <span className="muted">Order by:</span>
        {(["happened", "logged"] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`timeline-order-${boardId}`}
              value={value}
              checked={order === value}
              onChange={() => setOrder(value)}
            />{" "}
            {value}
          </label>
        ))}
      </fieldset>
      {canEdit && editing === null ? (
        <button type="button" className="link-button" onClick={() => setEditing("new")}>
          + Add event
        </button>
      ) : null}
      {editing === "new" ? (
        <EventForm boardId={boardId} sources={sources} send={send} onDone={() => setEditing(null)} />
      ) : null}
      <Problem message={problem} />
      <ol className="event-list">
        {shown.map(({ event, number }) =>
          editing !== null && editing !== "new" && editing.id === event.id ? (
            <li key={event.id}>
              <EventForm
                boardId={boardId}
                sources={sources}
                send={send}
                event={event}
                onDone={() => setEditing(null)}
              />
            </li>
          ) : (
            <li
              key={event.id}
              id={`event-${event.id}`}
              className={`event event-${event.category}${focused?.eventId === event.id ? " event-focused" : ""}`}
              aria-current={focused?.eventId === event.id ? "true" : undefined}
              data-testid="event"
            >
              <div className="event-when">
                <span className="event-number" title="Marker number on the charts">
                  {number}
                </span>
                <span title="When it happened">
                  <UtcTime iso={event.occurredAt} />
                  {event.endsAt ? (
                    <>
                      {" → "}
                      <UtcTime iso={event.endsAt} />
                    </>
                  ) : null}
                </span>
                <span
                  className={`muted ${historyStyles.logged}`}
                  data-testid="event-logged"
                  title="When it was logged on the board"
                >
                  logged <UtcTime iso={event.loggedAt} />
                </span>
              </div>
              <div className="event-title">{event.title}</div>
              <div className="event-meta">
                <span className={`tag tag-${event.category}`}>{event.category}</span>
                {event.place ? (
                  <span title={coordinatesText(event.place.longitude, event.place.latitude)}>{event.place.label}</span>
                ) : null}
                {event.sourceReliability || event.infoCredibility ? (
                  <span title="Admiralty grade: the source's reliability, the information's credibility">
                    graded {event.sourceReliability ?? ""}
                    {event.infoCredibility ?? ""}
                  </span>
                ) : null}
              </div>
              {event.description ? <p className="event-description">{event.description}</p> : null}
              <EvidenceLines of={{ type: "event", id: event.id }} />
              <div className="annotation-actions">
                {canAnnotate || annotationCounts.get(event.id) ? (
                  <button type="button" className="link-button" onClick={() => onAnnotate(event)}>
                    {notesLink(canAnnotate, annotationCounts.get(event.id) ?? 0)}
                  </button>
                ) : null}
                {canEdit ? (
                  <>
                    <button type="button" className="link-button" onClick={() => setEditing(event)}>
                      Edit
                    </button>
                    <button type="button" className="link-button" onClick={() => void remove(event)}>
                      Delete
                    </button>
                  </>
                ) : null}
              </div>
            </li>
          ),
        )}
      </ol>
      {shown.length < events.length ? (
        <p className="muted">{events.length - shown.length} events hidden by the filters.</p>
      ) : null}
    </section>
  );
}

function notesLink(canAnnotate: boolean, notes: number): string {
  if (!canAnnotate) return `${notes} notes`;
  return notes ? `Annotate · ${notes} notes` : "Annotate";
}
