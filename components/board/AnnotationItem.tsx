"use client";
// One annotation: who, when (UTC), on what, what they said — always as text, never as HTML. Its author
// can edit it (against the version they saw; a colleague's newer edit is shown, to redo or discard
// theirs) and delete it; editors and owners can delete anyone's. Its history can be opened. Memoized
// on its annotation: a change elsewhere in the thread does not redraw it.
import { memo, useState } from "react";
import type { WireAnnotation, WireRevision } from "@/lib/schemas/annotation";
import { LIMITS } from "@/lib/schemas/common";
import { Problem } from "../ui/Problem";
import { UtcTime } from "../ui/UtcTime";
import type { AnnotationAbilities } from "./annotation-abilities";
import { MentionTextarea } from "./mention/MentionField";
import type { BoardSend } from "./use-live-board";

type Props = {
  annotation: WireAnnotation;
  /** What it is on, in words; shown for a thread's first annotation, not for replies. */
  targetLabel?: string;
  abilities: AnnotationAbilities;
  send: BoardSend;
  onDeleted: (annotation: WireAnnotation) => void;
};

export const AnnotationItem = memo(function AnnotationItem({
  annotation,
  targetLabel,
  abilities,
  send,
  onDeleted,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  /** The version the draft started from; a save names it so a colleague's edit is not overwritten. */
  const [baseVersion, setBaseVersion] = useState(annotation.version);
  const [conflict, setConflict] = useState<WireAnnotation | null>(null);
  const [history, setHistory] = useState<WireRevision[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const startEditing = () => {
    setDraft(annotation.body);
    setBaseVersion(annotation.version);
    setConflict(null);
    setProblem(null);
  };
  const save = async (version: number) => {
    if (draft === null) return;
    const result = await send("annotation:update", {
      id: annotation.id,
      boardId: annotation.boardId,
      expectedVersion: version,
      body: draft,
    });
    if (result.ok) {
      setDraft(null);
      setConflict(null);
    } else if (result.error.code === "CONFLICT" && result.error.current)
      setConflict(result.error.current as WireAnnotation);
    else setProblem(result.error.message);
  };
  const remove = async () => {
    const result = await send("annotation:delete", { id: annotation.id, boardId: annotation.boardId });
    if (result.ok) onDeleted(annotation);
    else setProblem(result.error.message);
  };
  const toggleHistory = async () => {
    if (history) return setHistory(null);
    const result = await send("annotation:history", { id: annotation.id, boardId: annotation.boardId });
    if (result.ok) setHistory(result.revisions);
    else setProblem(result.error.message);
  };

  return (
    <article
      className={`annotation annotation-${annotation.kind}`}
      data-testid="annotation"
      aria-label={`${annotation.kind} by ${annotation.author.name}`}
    >
      <div className="annotation-head">
        <span className={`kind kind-${annotation.kind}`}>{annotation.kind}</span>
        {annotation.confidence ? <span className="confidence">{annotation.confidence} confidence</span> : null}
        <span className="author">{annotation.author.name}</span>
        <UtcTime iso={annotation.createdAt} />
        {annotation.version > 1 ? <span className="muted">edited</span> : null}
      </div>
      {targetLabel !== undefined ? <div className="annotation-target">on {targetLabel}</div> : null}
      {draft === null ? (
        <p className="annotation-body">{annotation.body}</p>
      ) : (
        <div className="annotation-edit">
          <label className="visually-hidden" htmlFor={`edit-${annotation.id}`}>
            Edit annotation
          </label>
          <MentionTextarea
            id={`edit-${annotation.id}`}
            rows={3}
            maxLength={LIMITS.annotationBody}
            value={draft}
            onValueChange={setDraft}
            onChange={(event) => setDraft(event.target.value)}
          />
          {conflict ? (
            <div className="conflict" role="alert">
              <p>This annotation changed while you were editing it. It now reads:</p>
              <blockquote className="annotation-body">{conflict.body}</blockquote>
              <button type="button" onClick={() => void save(conflict.version)}>
                Save mine over it
              </button>{" "}
              <button type="button" onClick={() => setDraft(null)}>
                Discard mine
              </button>
            </div>
          ) : (
            <div className="annotation-actions">
              <button type="button" onClick={() => void save(baseVersion)} disabled={!draft.trim()}>
                Save
              </button>
              <button type="button" onClick={() => setDraft(null)}>
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
      {annotation.tags.length ? (
        <ul className="tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      {draft === null ? (
        <div className="annotation-actions">
          {abilities.edit(annotation) ? (
            <button type="button" className="link-button" onClick={startEditing}>
              Edit
            </button>
          ) : null}
          {abilities.remove(annotation) ? (
            <button type="button" className="link-button" onClick={() => void remove()}>
              Delete
            </button>
          ) : null}
          {annotation.version > 1 ? (
            <button
              type="button"
              className="link-button"
              onClick={() => void toggleHistory()}
              aria-expanded={history !== null}
            >
              {history ? "Hide history" : "History"}
            </button>
          ) : null}
        </div>
      ) : null}
      {history ? (
        <ol className="history" aria-label="Edit history">
          {history.map((revision) => (
            <li key={revision.version}>
              <span className="muted">
                v{revision.version} · {revision.editedBy?.name ?? "someone"} · <UtcTime iso={revision.editedAt} />
              </span>
              <p className="annotation-body">{revision.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <Problem message={problem} />
    </article>
  );
});
