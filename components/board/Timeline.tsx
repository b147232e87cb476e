// The events timeline: what happened, when (UTC), where, and of which kind.
import type { WireEvent } from "@/lib/schemas/board";
import { UtcTime } from "../ui/UtcTime";

export function Timeline({
  events,
  annotationCounts,
  onAnnotate,
}: {
  events: WireEvent[];
  annotationCounts: Map<string, number>;
  onAnnotate: (event: WireEvent) => void;
}) {
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="event-list">
        {events.map((event, index) => (
          <li key={event.id} className={`event event-${event.category}`} data-testid="event">
            <div className="event-when">
              <span className="event-number" title="Marker number on the charts">
                {index + 1}
              </span>
              <UtcTime iso={event.occurredAt} />
              {event.endsAt ? (
                <>
                  {" → "}
                  <UtcTime iso={event.endsAt} />
                </>
              ) : null}
            </div>
            <div className="event-title">{event.title}</div>
            <div className="event-meta">
              <span className={`tag tag-${event.category}`}>{event.category}</span>
              {event.place ? <span>{event.place}</span> : null}
            </div>
            {event.description ? <p className="event-description">{event.description}</p> : null}
            <button type="button" className="link-button" onClick={() => onAnnotate(event)}>
              Annotate{annotationCounts.get(event.id) ? ` · ${annotationCounts.get(event.id)} notes` : ""}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
