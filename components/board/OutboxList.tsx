"use client";
// Notes that have not reached the server: pending ones wait for the connection, or for the server to
// be able to save again ("waiting for the server": it answered UNAVAILABLE, e.g. its database is down),
// and are sent by themselves; failed ones say why the server refused them and can be taken back into
// the composer or discarded.
import { describeFailure } from "../ui/api-request";
import type { OutboxEntry } from "./outbox";

export function OutboxList({
  entries,
  onEdit,
  onDiscard,
}: {
  entries: OutboxEntry[];
  onEdit: (entry: OutboxEntry) => void;
  onDiscard: (entry: OutboxEntry) => void;
}) {
  if (!entries.length) return null;
  return (
    <ol className="outbox" aria-label="Not yet saved">
      {entries.map((entry) => (
        <li key={entry.id} className={`outbox-entry outbox-${entry.status}`} data-testid={`outbox-${entry.status}`}>
          <span className="tag">
            {entry.status === "failed" ? "not saved" : entry.waiting ? "waiting for the server" : "pending"}
          </span>
          <p className="annotation-body">{entry.payload.body}</p>
          {entry.status === "pending" && entry.waiting ? (
            <p className="muted hint-text">Kept here and sent by itself ({entry.waiting.message})</p>
          ) : null}
          {entry.status === "failed" ? (
            <>
              <p className="problem">{entry.error ? describeFailure(entry.error) : "The server refused this note"}</p>
              <div className="annotation-actions">
                <button type="button" className="link-button" onClick={() => onEdit(entry)}>
                  Edit
                </button>
                <button type="button" className="link-button" onClick={() => onDiscard(entry)}>
                  Discard
                </button>
              </div>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
