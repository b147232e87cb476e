"use client";
// Adds an indicator: a named series with a unit, a kind and optional warning thresholds.
import { useState } from "react";
import { INDICATOR_KINDS } from "@/lib/schemas/content";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";

export function IndicatorForm({ boardId, send, onDone }: { boardId: string; send: BoardSend; onDone: () => void }) {
  const [name, setName] = useState("");
  const [unit, setUnit] = useState("");
  const [kind, setKind] = useState<(typeof INDICATOR_KINDS)[number]>("count");
  const [warnAbove, setWarnAbove] = useState("");
  const [warnBelow, setWarnBelow] = useState("");
  const [color, setColor] = useState("#4f8cc9");
  const [problem, setProblem] = useState<string | null>(null);
  const threshold = (text: string) => (text.trim() === "" ? null : Number(text));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await send("indicator:create", {
      id: crypto.randomUUID(),
      boardId,
      name,
      unit,
      kind,
      warnAbove: threshold(warnAbove),
      warnBelow: threshold(warnBelow),
      color,
    });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  return (
    <form className="content-form" onSubmit={submit} aria-label="Add indicator">
      <div className="form-row">
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          Unit <input value={unit} onChange={(e) => setUnit(e.target.value)} required maxLength={60} />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {INDICATOR_KINDS.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-row">
        <label>
          Warn above <input inputMode="decimal" value={warnAbove} onChange={(e) => setWarnAbove(e.target.value)} />
        </label>
        <label>
          Warn below <input inputMode="decimal" value={warnBelow} onChange={(e) => setWarnBelow(e.target.value)} />
        </label>
        <label>
          Colour <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
      </div>
      <div className="form-row">
        <button type="submit">Add indicator</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
