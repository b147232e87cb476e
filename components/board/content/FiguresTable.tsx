"use client";
// An indicator's figures as a table behind a disclosure, newest first: time (UTC), value, Admiralty grade,
// source, note. Everyone can open a figure's history; editors correct or delete figures in place.
import { useId, useState } from "react";
import type { ObservationVersion } from "@/lib/events";
import type { WireIndicator, WireObservation, WireSource } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import { UtcTime } from "../../ui/UtcTime";
import { EvidenceLines } from "../document/EvidenceLines";
import type { BoardSend } from "../use-live-board";
import { ObservationForm } from "./ObservationForm";

/** A long series stays usable: the table lists this many, and the CSV export has the rest. */
const LISTED_FIGURES = 200;
const COLUMNS = 6;
const numberFormat = new Intl.NumberFormat("en-GB");

type Props = { boardId: string; indicator: WireIndicator; sources: WireSource[]; canEdit: boolean; send: BoardSend };
type RowProps = Omit<Props, "indicator" | "sources"> & {
  indicator: Pick<WireIndicator, "id" | "name" | "unit">;
  observation: WireObservation;
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
                indicator={indicator}
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

function FigureRow({ boardId, indicator, observation, sources, sourceTitle, canEdit, send }: RowProps) {
  const { unit } = indicator;
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
            <ObservationForm
              boardId={boardId}
              indicator={indicator}
              observation={observation}
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
          <td className="figure-note">
            {observation.note}
            <EvidenceLines of={{ type: "observation", id: observation.id }} />
          </td>
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
