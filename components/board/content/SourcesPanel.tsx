"use client";
// The board's sources, newest published first: what, by whom, when (UTC), and how reliable (A–F).
// Every member reads them; editors add, edit and delete them here.
import { useState } from "react";
import type { WireSource } from "@/lib/schemas/board";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import { UtcTime } from "../../ui/UtcTime";
import type { BoardSend } from "../use-live-board";
import { SourceForm } from "./SourceForm";

type Props = { boardId: string; sources: WireSource[]; canEdit: boolean; send: BoardSend };

const RELIABILITY_SCALE = "Reliability of the source: A completely reliable … E unreliable, F cannot be judged";

export function SourcesPanel({ boardId, sources, canEdit, send }: Props) {
  const [editing, setEditing] = useState<WireSource | "new" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const listed = [...sources].sort(newestPublishedFirst);

  const remove = async (source: WireSource) => {
    if (!window.confirm(`Delete the source “${source.title}”? Figures citing it keep their grade but lose the link.`))
      return;
    const result = await send("source:delete", { id: source.id, boardId });
    setProblem(result.ok ? null : describeFailure(result.error));
  };

  return (
    <section className="panel sources" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      {canEdit && editing === null ? (
        <button type="button" className="link-button" onClick={() => setEditing("new")}>
          + Add source
        </button>
      ) : null}
      {editing === "new" ? <SourceForm boardId={boardId} send={send} onDone={() => setEditing(null)} /> : null}
      <Problem message={problem} />
      {listed.length ? null : <p className="muted">No sources yet.</p>}
      <ul className="source-list">
        {listed.map((source) =>
          editing !== null && editing !== "new" && editing.id === source.id ? (
            <li key={source.id}>
              <SourceForm boardId={boardId} send={send} source={source} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={source.id} className="source" data-testid="source">
              <div className="source-title">{source.title}</div>
              <div className="source-meta">
                <span className="tag" title={RELIABILITY_SCALE}>
                  <span className="visually-hidden">reliability </span>
                  {source.reliability ?? "?"}
                </span>
                {source.publisher ? <span>{source.publisher}</span> : null}
                {source.publishedAt ? <UtcTime iso={source.publishedAt} /> : null}
                {canEdit ? (
                  <span className="source-actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Edit source ${source.title}`}
                      onClick={() => setEditing(source)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Delete source ${source.title}`}
                      onClick={() => void remove(source)}
                    >
                      Delete
                    </button>
                  </span>
                ) : null}
              </div>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

/** Undated sources go last; ties keep a stable order by title. */
function newestPublishedFirst(a: WireSource, b: WireSource): number {
  const published = (source: WireSource) => (source.publishedAt ? Date.parse(source.publishedAt) : -Infinity);
  return published(b) - published(a) || a.title.localeCompare(b.title);
}
