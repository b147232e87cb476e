"use client";
// Adds an indicator, or edits one: a named series with a unit, a description, a kind, optional warning
// thresholds and a colour. Editing also offers to delete the indicator with its figures and the
// annotations on it. One form for both, so both refuse a threshold that is not a number.
import { useState } from "react";
import type { IndicatorDefinition } from "@/lib/events";
import { INDICATOR_KINDS } from "@/lib/schemas/content";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";
import {
  type IndicatorFormValues,
  type IndicatorKind,
  indicatorChanges,
  indicatorFormValues,
  readIndicatorForm,
} from "./indicator-form-values";

type Props = {
  boardId: string;
  /** The indicator to edit; without it the form adds a new one. */
  indicator?: IndicatorDefinition;
  send: BoardSend;
  onDone: () => void;
};

export function IndicatorForm({ boardId, indicator, send, onDone }: Props) {
  const [values, setValues] = useState<IndicatorFormValues>(() => indicatorFormValues(indicator));
  const [problem, setProblem] = useState<string | null>(null);
  const field =
    <K extends keyof IndicatorFormValues>(name: K) =>
    (value: IndicatorFormValues[K]) =>
      setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const read = readIndicatorForm(values);
    if (!read.ok) return setProblem(read.problem);
    if (!indicator) {
      const result = await send("indicator:create", { id: crypto.randomUUID(), boardId, ...read.fields });
      return result.ok ? onDone() : setProblem(describeFailure(result.error));
    }
    const changes = indicatorChanges(indicator, read.fields);
    // The server refuses an update that changes nothing, and there is nothing to save.
    if (!Object.keys(changes).length) return onDone();
    const result = await send("indicator:update", { id: indicator.id, boardId, ...changes });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  const remove = async (existing: IndicatorDefinition) => {
    const question = `Delete the indicator “${existing.name}”? This deletes its figures and the annotations on it.`;
    if (!window.confirm(question)) return;
    const result = await send("indicator:delete", { id: existing.id, boardId });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  return (
    <form
      className="content-form"
      onSubmit={submit}
      aria-label={indicator ? `Edit indicator ${indicator.name}` : "Add indicator"}
    >
      <div className="form-row">
        <label>
          Name <input value={values.name} onChange={(e) => field("name")(e.target.value)} required maxLength={200} />
        </label>
        <label>
          Unit <input value={values.unit} onChange={(e) => field("unit")(e.target.value)} required maxLength={60} />
        </label>
        <label>
          Kind
          <select value={values.kind} onChange={(e) => field("kind")(e.target.value as IndicatorKind)}>
            {INDICATOR_KINDS.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Description{" "}
        <textarea
          rows={2}
          value={values.description}
          onChange={(e) => field("description")(e.target.value)}
          maxLength={2000}
        />
      </label>
      <div className="form-row">
        <label>
          Warn above{" "}
          <input
            inputMode="decimal"
            value={values.warnAbove}
            onChange={(e) => field("warnAbove")(e.target.value)}
            placeholder="none"
          />
        </label>
        <label>
          Warn below{" "}
          <input
            inputMode="decimal"
            value={values.warnBelow}
            onChange={(e) => field("warnBelow")(e.target.value)}
            placeholder="none"
          />
        </label>
        <label>
          Colour <input type="color" value={values.color} onChange={(e) => field("color")(e.target.value)} />
        </label>
      </div>
      <div className="form-row">
        <button type="submit">{indicator ? "Save indicator" : "Add indicator"}</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        {indicator ? (
          <button type="button" className="danger-button" onClick={() => void remove(indicator)}>
            Delete indicator
          </button>
        ) : null}
      </div>
      <Problem message={problem} />
    </form>
  );
}
