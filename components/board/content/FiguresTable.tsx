"use client";
// An indicator's figures as a table behind a disclosure, newest first: time (UTC), value, Admiralty grade,
// source, note. Everyone can open a figure's history; editors correct or delete figures in place.
import { useId, useState } from "react";
import type { ObservationVersion } from "@/lib/events";
import type { WireIndicator, WireObservation, WireSource } from "@/lib/schemas/board";
import type { TObservationCreateInput } from "@/lib/schemas/content";
import { formatUtc, fromUtcInput, toUtcInput } from "@/lib/time";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import { UtcTime } from "../../ui/UtcTime";
import type { BoardSend } from "../use-live-board";
import { type Reliability, SourceAndGrade } from "./SourceAndGrade";

/** A long series stays usable: the table lists this many, and the CSV export has the rest. */
const LISTED_FIGURES = 200;
const COLUMNS = 6;
const numberFormat = new Intl.NumberFormat("en-GB");

type Props = { boardId: string; indicator: WireIndicator; sources: WireSource[]; canEdit: boolean; send: BoardSend };
type RowProps = Omit<Props, "indicator" | "sources"> & {
  observation: WireObservation;
  unit: string;
  sources: WireSource[];
  sourceTitle: string | null;
};

const gradeOf = (observation: WireObservation) =>
  `${observation.sourceReliability ?? "?"}${observation.infoCredibility ?? "?"}`;

export function FiguresTable({ boardId, indicator, sources, canEdit, send }: Props) {
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const total = indicator.observations.length;
  // The live board keeps observations in time order (lib/board-state.ts): the newest are the last.
  const listed = open ? indicator.observations.slice(-LISTED_FIGURES).reverse() : [];
  const sourceTitles = new Map(sources.map((source) => [source.id, source.title]));

  return (
    <section className="figures" aria-label={`Figures of ${indicator.name}`}>
      <button
        type="button"
        className="link-button figures-toggle"
        aria-expanded={open}
        aria-controls={open ? tableId : undefined}
        onClick={() => setOpen((shown) => !shown)}
      >
        Figures ({numberFormat.format(total)})
      </button>
      {open && total > LISTED_FIGURES ? (
        <p className="muted figures-note">
          Showing the {LISTED_FIGURES} newest of {numberFormat.format(total)} figures; the Observations (CSV) export has
          them all.
        </p>
      ) : null}
      {open && total === 0 ? <p className="muted figures-note">No figures yet.</p> : null}
      {open && total > 0 ? (
        <table className="figures-table" id={tableId}>
          <caption className="visually-hidden">Figures of {indicator.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Value</th>
              <th scope="col">Grade</th>
              <th scope="col">Source</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((observation) => (
              <FigureRow
                key={observation.id}
                boardId={boardId}
                observation={observation}
                unit={indicator.unit}
                sources={sources}
                sourceTitle={observation.sourceId ? (sourceTitles.get(observation.sourceId) ?? null) : null}
                canEdit={canEdit}
                send={send}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function FigureRow({ boardId, observation, unit, sources, sourceTitle, canEdit, send }: RowProps) {
  const [editing, setEditing] = useState(false);
  const [versions, setVersions] = useState<ObservationVersion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const at = formatUtc(observation.observedAt);
  const which = <span className="visually-hidden"> the figure at {at}</span>;

  const toggleHistory = async () => {
    if (versions) return setVersions(null);
    const result = await send("observation:history", { id: observation.id, boardId });
    if (result.ok) setVersions(result.versions);
    // Seeded and CSV-imported figures have no op of their own, so a figure still listed has no versions yet.
    else if (result.error.code === "NOT_FOUND") setVersions([]);
    else setProblem(describeFailure(result.error));
  };
  const remove = async () => {
    const value = `${numberFormat.format(observation.value)} ${unit}`;
    if (!window.confirm(`Delete the figure of ${value} at ${at}? The annotations on it are deleted with it.`)) return;
    const result = await send("observation:delete", { id: observation.id, boardId });
    setProblem(result.ok ? null : describeFailure(result.error));
  };

  return (
    <>
      {editing ? (
        <tr>
          <td colSpan={COLUMNS}>
            <FigureEditor
              boardId={boardId}
              observation={observation}
              unit={unit}
              sources={sources}
              send={send}
              onDone={() => setEditing(false)}
            />
          </td>
        </tr>
      ) : (
        <tr data-testid="figure">
          <td>
            <UtcTime iso={observation.observedAt} />
          </td>
          <td className="figure-value">
            {numberFormat.format(observation.value)} <span className="muted">{unit}</span>
          </td>
          <td>{gradeOf(observation)}</td>
          <td>{sourceTitle ?? "—"}</td>
          <td className="figure-note">{observation.note}</td>
          <td className="figure-actions">
            {canEdit ? (
              <>
                <button type="button" className="link-button" onClick={() => setEditing(true)}>
                  Edit{which}
                </button>
                <button type="button" className="link-button" onClick={() => void remove()}>
                  Delete{which}
                </button>
              </>
            ) : null}
            <button
              type="button"
              className="link-button"
              aria-expanded={versions !== null}
              onClick={() => void toggleHistory()}
            >
              {versions ? "Hide history" : "History"}
              <span className="visually-hidden"> of the figure at {at}</span>
            </button>
          </td>
        </tr>
      )}
      {versions ? (
        <tr>
          <td colSpan={COLUMNS}>
            <FigureHistory versions={versions} unit={unit} label={`History of the figure at ${at}`} />
          </td>
        </tr>
      ) : null}
      {problem ? (
        <tr>
          <td colSpan={COLUMNS}>
            <Problem message={problem} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

const VERSION_VERBS: Record<string, string> = {
  "observation.created": "Entered",
  "observation.updated": "Corrected",
  "observation.deleted": "Deleted",
};

function FigureHistory({ versions, unit, label }: { versions: ObservationVersion[]; unit: string; label: string }) {
  if (!versions.length) {
    return <p className="muted history">No versions on record: this figure came in with an import and is unchanged.</p>;
  }
  return (
    <ol className="history" aria-label={label}>
      {versions.map((version) => (
        <li key={version.seq}>
          <span className="muted">
            {VERSION_VERBS[version.type] ?? version.type} by {version.by?.name ?? "someone"} ·{" "}
            <UtcTime iso={version.at} />
          </span>
          {version.observation ? (
            <>
              {" "}
              · {numberFormat.format(version.observation.value)} {unit} at {formatUtc(version.observation.observedAt)},
              grade {gradeOf(version.observation)}
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

type EditorProps = Pick<RowProps, "boardId" | "observation" | "unit" | "sources" | "send"> & { onDone: () => void };
type ObservationChanges = Partial<Omit<TObservationCreateInput, "id" | "boardId" | "indicatorId">>;

/** Corrects one figure in place; the row shows the correction when the server broadcasts it. */
function FigureEditor({ boardId, observation, unit, sources, send, onDone }: EditorProps) {
  const initialObservedAt = toUtcInput(observation.observedAt);
  const [observedAt, setObservedAt] = useState(initialObservedAt);
  const [value, setValue] = useState(String(observation.value));
  const [sourceId, setSourceId] = useState(observation.sourceId ?? "");
  const [reliability, setReliability] = useState<Reliability | "">(
    (observation.sourceReliability as Reliability | null) ?? "",
  );
  const [credibility, setCredibility] = useState(observation.infoCredibility?.toString() ?? "");
  const [note, setNote] = useState(observation.note);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const at = fromUtcInput(observedAt);
    const number = Number(value);
    if (!at || value.trim() === "" || !Number.isFinite(number)) return setProblem("Give the time (UTC) and a number.");
    // Only what differs goes on the wire, so saving does not undo a colleague's change to another field.
    const changes: ObservationChanges = {};
    if (observedAt !== initialObservedAt) changes.observedAt = at;
    if (number !== observation.value) changes.value = number;
    if ((sourceId || null) !== observation.sourceId) changes.sourceId = sourceId || null;
    if ((reliability || null) !== observation.sourceReliability) changes.sourceReliability = reliability || null;
    const infoCredibility = credibility ? Number(credibility) : null;
    if (infoCredibility !== observation.infoCredibility) changes.infoCredibility = infoCredibility;
    if (note !== observation.note) changes.note = note;
    // The server refuses an update that changes nothing, and there is nothing to save.
    if (!Object.keys(changes).length) return onDone();
    const result = await send("observation:update", { id: observation.id, boardId, ...changes });
    if (result.ok) onDone();
    else setProblem(describeFailure(result.error));
  };

  return (
    <form
      className="content-form"
      onSubmit={save}
      aria-label={`Edit the figure at ${formatUtc(observation.observedAt)}`}
    >
      <div className="form-row">
        <label>
          When (UTC){" "}
          <input type="datetime-local" value={observedAt} onChange={(e) => setObservedAt(e.target.value)} required />
        </label>
        <label>
          Value ({unit}) <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required />
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
        <button type="submit">Save figure</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
