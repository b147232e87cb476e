"use client";
// Adds a figure to an indicator, or corrects one in place: when (UTC), the value, its source, its
// Admiralty grade and a note. A correction shows in the table when the server broadcasts it.
import { useState } from "react";
import type { WireIndicator, WireObservation, WireSource } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";
import {
  type ObservationFormValues,
  observationChanges,
  observationFormValues,
  readObservationForm,
} from "./observation-form-values";
import { SourceAndGrade } from "./SourceAndGrade";

type Props = {
  boardId: string;
  indicator: Pick<WireIndicator, "id" | "name" | "unit">;
  /** The figure to correct; without it the form adds a new one to the indicator. */
  observation?: WireObservation;
  sources: WireSource[];
  send: BoardSend;
  onDone: () => void;
};

export function ObservationForm({ boardId, indicator, observation, sources, send, onDone }: Props) {
  const [values, setValues] = useState<ObservationFormValues>(() => observationFormValues(observation));
  const [problem, setProblem] = useState<string | null>(null);
  const field =
    <K extends keyof ObservationFormValues>(name: K) =>
    (value: ObservationFormValues[K]) =>
      setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const read = readObservationForm(values);
    if (!read.ok) return setProblem(read.problem);
    if (!observation) {
      const result = await send("observation:create", {
        id: crypto.randomUUID(),
        boardId,
        indicatorId: indicator.id,
        ...read.fields,
      });
      return result.ok ? onDone() : setProblem(describeFailure(result.error));
    }
    const changes = observationChanges(observation, values, read.fields);
    // The server refuses an update that changes nothing, and there is nothing to save.
    if (!Object.keys(changes).length) return onDone();
    const result = await send("observation:update", { id: observation.id, boardId, ...changes });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  return (
    <form
      className="content-form"
      onSubmit={submit}
      aria-label={
        observation ? `Edit the figure at ${formatUtc(observation.observedAt)}` : `Add a figure to ${indicator.name}`
      }
    >
      <div className="form-row">
        <label>
          When (UTC){" "}
          <input
            type="datetime-local"
            value={values.observedAt}
            onChange={(e) => field("observedAt")(e.target.value)}
            required
          />
        </label>
        <label>
          Value ({indicator.unit}){" "}
          <input inputMode="decimal" value={values.value} onChange={(e) => field("value")(e.target.value)} required />
        </label>
      </div>
      <div className="form-row">
        <SourceAndGrade
          sources={sources}
          sourceId={values.sourceId}
          reliability={values.reliability}
          credibility={values.credibility}
          onSourceId={field("sourceId")}
          onReliability={field("reliability")}
          onCredibility={field("credibility")}
        />
      </div>
      <label>
        Note <input value={values.note} onChange={(e) => field("note")(e.target.value)} maxLength={2000} />
      </label>
      <div className="form-row">
        <button type="submit">{observation ? "Save figure" : "Add figure"}</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
