"use client";
// Adds an event to the timeline, or edits one: what, when (UTC), until when, kind, where, sources and
// its Admiralty grade (issue 15).
import { useState } from "react";
import type { WireEvent, WireSource } from "@/lib/schemas/board";
import { EVENT_CATEGORIES } from "@/lib/schemas/content";
import type { WirePlace } from "@/lib/schemas/place";
import { fromUtcInput, toUtcInput } from "@/lib/time";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";
import { PlaceField } from "./PlaceField";
import { AdmiraltyGrade, type Reliability } from "./SourceAndGrade";

type Props = { boardId: string; sources: WireSource[]; send: BoardSend; event?: WireEvent; onDone: () => void };

export function EventForm({ boardId, sources, send, event, onDone }: Props) {
  const [title, setTitle] = useState(event?.title ?? "");
  const [occurredAt, setOccurredAt] = useState(event ? toUtcInput(event.occurredAt) : "");
  const [endsAt, setEndsAt] = useState(event?.endsAt ? toUtcInput(event.endsAt) : "");
  const [category, setCategory] = useState<WireEvent["category"]>(event?.category ?? "diplomatic");
  const [place, setPlace] = useState<WirePlace | null>(event?.place ?? null);
  const [description, setDescription] = useState(event?.description ?? "");
  const [sourceIds, setSourceIds] = useState<string[]>(event?.sourceIds ?? []);
  const [reliability, setReliability] = useState<Reliability | "">(
    (event?.sourceReliability as Reliability | null) ?? "",
  );
  const [credibility, setCredibility] = useState(event?.infoCredibility?.toString() ?? "");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (formEvent: React.FormEvent) => {
    formEvent.preventDefault();
    const start = fromUtcInput(occurredAt);
    if (!start) return setProblem("When did it happen? Give a date and time (UTC).");
    const fields = {
      title,
      occurredAt: start,
      endsAt: fromUtcInput(endsAt),
      category,
      place,
      description,
      sourceIds,
      sourceReliability: reliability || null,
      infoCredibility: credibility ? Number(credibility) : null,
    };
    const result = event
      ? await send("event:update", { id: event.id, boardId, ...fields })
      : await send("event:create", { id: crypto.randomUUID(), boardId, ...fields });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  return (
    <form className="content-form" onSubmit={submit} aria-label={event ? "Edit event" : "Add event"}>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </label>
      <div className="form-row">
        <label>
          When (UTC){" "}
          <input type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} required />
        </label>
        <label>
          Until (UTC) <input type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
        </label>
      </div>
      <div className="form-row">
        <label>
          Kind
          <select value={category} onChange={(e) => setCategory(e.target.value as WireEvent["category"])}>
            {EVENT_CATEGORIES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <PlaceField value={place} onChange={setPlace} send={send} />
      </div>
      <label>
        Description{" "}
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />
      </label>
      {sources.length ? (
        <label>
          Sources
          <select
            multiple
            value={sourceIds}
            onChange={(e) => setSourceIds([...e.target.selectedOptions].map((option) => option.value))}
          >
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="form-row">
        <AdmiraltyGrade
          reliability={reliability}
          credibility={credibility}
          onReliability={setReliability}
          onCredibility={setCredibility}
        />
      </div>
      <div className="form-row">
        <button type="submit">{event ? "Save event" : "Add event"}</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
