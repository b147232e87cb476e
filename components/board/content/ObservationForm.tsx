"use client";
// Adds a figure to an indicator: when (UTC), the value, its source, and its Admiralty grade.
import { useState } from "react";
import type { WireIndicator, WireSource } from "@/lib/schemas/board";
import { fromUtcInput } from "@/lib/time";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";
import { type Reliability, SourceAndGrade } from "./SourceAndGrade";

type Props = { boardId: string; indicator: WireIndicator; sources: WireSource[]; send: BoardSend; onDone: () => void };

export function ObservationForm({ boardId, indicator, sources, send, onDone }: Props) {
  const [observedAt, setObservedAt] = useState("");
  const [value, setValue] = useState("");
  const [sourceId, setSourceId] = useState("");
  const [reliability, setReliability] = useState<Reliability | "">("");
  const [credibility, setCredibility] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const at = fromUtcInput(observedAt);
    const number = Number(value);
    if (!at || value.trim() === "" || !Number.isFinite(number)) return setProblem("Give the time (UTC) and a number.");
    const result = await send("observation:create", {
      id: crypto.randomUUID(),
      boardId,
      indicatorId: indicator.id,
      observedAt: at,
      value: number,
      sourceId: sourceId || null,
      sourceReliability: reliability || null,
      infoCredibility: credibility ? Number(credibility) : null,
      note,
    });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  return (
    <form className="content-form" onSubmit={submit} aria-label={`Add a figure to ${indicator.name}`}>
      <div className="form-row">
        <label>
          When (UTC){" "}
          <input type="datetime-local" value={observedAt} onChange={(e) => setObservedAt(e.target.value)} required />
        </label>
        <label>
          Value ({indicator.unit}){" "}
          <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required />
        </label>
      </div>
      <div className="form-row">
        <SourceAndGrade
          sources={sources}
          sourceId={sourceId}
          reliability={reliability}
          credibility={credibility}
          onSourceId={setSourceId}
          onReliability={setReliability}
          onCredibility={setCredibility}
        />
      </div>
      <label>
        Note <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <div className="form-row">
        <button type="submit">Add figure</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
