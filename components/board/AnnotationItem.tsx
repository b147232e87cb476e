"use client";
// One annotation: who, when (UTC), on what, what they said — always as text, never as HTML. Its author
// can edit it (against the version they saw) and delete it; editors and owners can delete anyone's.
import { useState } from "react";
import type { AnnotationDeleteResult, AnnotationUpdateResult } from "@/lib/events";
import type { TAnnotationDelete, TAnnotationUpdate, WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { LIMITS } from "@/lib/schemas/common";
import { Problem } from "../ui/Problem";
import { UtcTime } from "../ui/UtcTime";
import { describeTarget } from "./targets";

export type AnnotationActions = {
  canEdit: (annotation: WireAnnotation) => boolean;
  canDelete: (annotation: WireAnnotation) => boolean;
  update: (input: TAnnotationUpdate) => Promise<AnnotationUpdateResult>;
  remove: (input: TAnnotationDelete) => Promise<AnnotationDeleteResult>;
};

export function AnnotationItem({
  annotation,
  snapshot,
  actions,
}: {
  annotation: WireAnnotation;
  snapshot: BoardSnapshot;
  actions: AnnotationActions;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  /** The version the draft started from; a save names it so a colleague's edit is not overwritten. */
  const [baseVersion, setBaseVersion] = useState(annotation.version);
  const [conflict, setConflict] = useState<WireAnnotation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const startEditing = () => {
    setDraft(annotation.body);
    setBaseVersion(annotation.version);
    setConflict(null);
    setProblem(null);
  };
  const save = async (version: number) => {
    if (draft === null) return;
    const result = await actions.update({
      id: annotation.id,
      boardId: annotation.boardId,
      expectedVersion: version,
      body: draft,
    });
    if (result.ok) {
      setDraft(null);
      setConflict(null);
      return;
    }
    if (result.error.code === "CONFLICT" && result.error.current) {
      setConflict(result.error.current as WireAnnotation);
      return;
    }
    setProblem(result.error.message);
  };
  const remove = async () => {
    if (!window.confirm("Delete this annotation?")) return;
    const result = await actions.remove({ id: annotation.id, boardId: annotation.boardId });
    if (!result.ok) setProblem(result.error.message);
  };

  return (
    <li className={`annotation annotation-${annotation.kind}`} data-testid="annotation">
      <div className="annotation-head">
        <span className={`kind kind-${annotation.kind}`}>{annotation.kind}</span>
        {annotation.confidence ? <span className="confidence">{annotation.confidence} confidence</span> : null}
        <span className="author">{annotation.author.name}</span>
        <UtcTime iso={annotation.createdAt} />
        {annotation.version > 1 ? <span className="muted">edited</span> : null}
      </div>
      <div className="annotation-target">on {describeTarget(annotation.target, snapshot)}</div>
      {draft === null ? (
        <p className="annotation-body">{annotation.body}</p>
      ) : (
        <div className="annotation-edit">
          <label className="visually-hidden" htmlFor={`edit-${annotation.id}`}>
            Edit annotation
          </label>
          <textarea
            id={`edit-${annotation.id}`}
            rows={3}
            maxLength={LIMITS.annotationBody}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          {conflict ? (
            <div className="conflict" role="alert">
              <p>
                {conflict.author.id === annotation.author.id ? "This annotation" : "It"} changed since you started
                editing. Now it reads:
              </p>
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
      {draft === null && (actions.canEdit(annotation) || actions.canDelete(annotation)) ? (
        <div className="annotation-actions">
          {actions.canEdit(annotation) ? (
            <button type="button" className="link-button" onClick={startEditing}>
              Edit
            </button>
          ) : null}
          {actions.canDelete(annotation) ? (
            <button type="button" className="link-button" onClick={() => void remove()}>
              Delete
            </button>
          ) : null}
        </div>
      ) : null}
      <Problem message={problem} />
    </li>
  );
}
