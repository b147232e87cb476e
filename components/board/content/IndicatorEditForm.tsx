"use client";
// Edits an indicator's definition (name, unit, description, kind, warning thresholds, colour), or deletes
// the indicator with its figures and the annotations on it.
import { useState } from "react";
import type { IndicatorDefinition } from "@/lib/events";
import { INDICATOR_KINDS, type TIndicatorCreateInput } from "@/lib/schemas/content";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";

type Kind = (typeof INDICATOR_KINDS)[number];
type IndicatorChanges = Partial<Omit<TIndicatorCreateInput, "id" | "boardId">>;
type Props = { boardId: string; indicator: IndicatorDefinition; send: BoardSend; onDone: () => void };

const thresholdText = (threshold: number | null) => (threshold === null ? "" : String(threshold));
/** Empty means no threshold; anything else must be a finite number (undefined when it is not). */
const parseThreshold = (text: string): number | null | undefined => {
  if (text.trim() === "") return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
};

export function IndicatorEditForm({ boardId, indicator, send, onDone }: Props) {
  const [name, setName] = useState(indicator.name);
  const [unit, setUnit] = useState(indicator.unit);
  const [description, setDescription] = useState(indicator.description);
  const [kind, setKind] = useState<Kind>(indicator.kind);
  const [warnAbove, setWarnAbove] = useState(thresholdText(indicator.warnAbove));
  const [warnBelow, setWarnBelow] = useState(thresholdText(indicator.warnBelow));
  const [color, setColor] = useState(indicator.color);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const above = parseThreshold(warnAbove);
    const below = parseThreshold(warnBelow);
    if (above === undefined || below === undefined)
      return setProblem("A warning threshold must be a number, or empty.");
    // Only what differs goes on the wire, so saving does not undo a colleague's change to another field.
    const changes: IndicatorChanges = {};
    if (name !== indicator.name) changes.name = name;
    if (unit !== indicator.unit) changes.unit = unit;
    if (description !== indicator.description) changes.description = description;
    if (kind !== indicator.kind) changes.kind = kind;
    if (above !== indicator.warnAbove) changes.warnAbove = above;
    if (below !== indicator.warnBelow) changes.warnBelow = below;
    if (color.toLowerCase() !== indicator.color.toLowerCase()) changes.color = color;
    // The server refuses an update that changes nothing, and there is nothing to save.
    if (!Object.keys(changes).length) return onDone();
    const result = await send("indicator:update", { id: indicator.id, boardId, ...changes });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  const remove = async () => {
    const question = `Delete the indicator “${indicator.name}”? This deletes its figures and the annotations on it.`;
    if (!window.confirm(question)) return;
    const result = await send("indicator:delete", { id: indicator.id, boardId });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  return (
    <form className="content-form" onSubmit={save} aria-label={`Edit indicator ${indicator.name}`}>
      <div className="form-row">
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          Unit <input value={unit} onChange={(e) => setUnit(e.target.value)} required maxLength={60} />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {INDICATOR_KINDS.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Description{" "}
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />
      </label>
      <div className="form-row">
        <label>
          Warn above{" "}
          <input
            inputMode="decimal"
            value={warnAbove}
            onChange={(e) => setWarnAbove(e.target.value)}
            placeholder="none"
          />
        </label>
        <label>
          Warn below{" "}
          <input
            inputMode="decimal"
            value={warnBelow}
            onChange={(e) => setWarnBelow(e.target.value)}
            placeholder="none"
          />
        </label>
        <label>
          Colour <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
      </div>
      <div className="form-row">
        <button type="submit">Save indicator</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="danger-button" onClick={() => void remove()}>
          Delete indicator
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
