"use client";
// Saves pasted or edited text as the document's next version (source:revise). The version the draft was
// edited from goes with it; when a colleague saved a version meanwhile the server answers CONFLICT, and
// the form says so and offers the current text to start again from.
import { useState } from "react";
import { describeFailure } from "../../ui/api-request";
import { Problem } from "../../ui/Problem";
import type { BoardSend } from "../use-live-board";
import styles from "./document.module.css";

type Props = {
  boardId: string;
  sourceId: string;
  /** The version the draft starts from and its text (empty for a source without a document). */
  base: { version: number; text: string };
  /** The source's current version, which may have moved on since the draft began. */
  currentVersion: number;
  send: BoardSend;
  onLoadCurrent: () => void;
  onSaved: () => void;
};

export function ReviseForm({ boardId, sourceId, base, currentVersion, send, onLoadCurrent, onSaved }: Props) {
  const [draft, setDraft] = useState(base.text);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await send("source:revise", { boardId, id: sourceId, text: draft, basedOnVersion: base.version });
    setBusy(false);
    if (result.ok) {
      onSaved();
      return;
    }
    setConflict(result.error.code === "CONFLICT");
    setProblem(describeFailure(result.error));
  };

  return (
    <form className={styles.form} onSubmit={save} aria-label="Revise the document">
      <label htmlFor={`revise-${sourceId}`}>
        {base.version ? `New text, edited from version ${base.version}` : "The document's text"}
      </label>
      <textarea id={`revise-${sourceId}`} value={draft} onChange={(event) => setDraft(event.target.value)} />
      <Problem message={problem} />
      {conflict || currentVersion > base.version ? (
        <p className="muted" data-testid="revise-conflict">
          Version {currentVersion} was saved after the one you are editing.{" "}
          <button type="button" className="link-button" onClick={onLoadCurrent}>
            Start again from version {currentVersion}
          </button>{" "}
          (your edits here are dropped)
        </p>
      ) : null}
      <div>
        <button type="submit" disabled={busy || !draft.trim()}>
          {busy ? "Saving…" : "Save as a new version"}
        </button>
      </div>
    </form>
  );
}
