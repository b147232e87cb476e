"use client";
// Writes one annotation on the chosen target. It is sent at once and kept in the outbox meanwhile
// (use-outbox.ts), so it is kept (and shown as pending) when the server cannot be reached, and sent with
// the same id until acknowledged. The text clears only once the note is kept or saved.
import { useEffect, useState } from "react";
import {
  ANNOTATION_KINDS,
  CONFIDENCE_LEVELS,
  type TAnnotationCreateInput,
  type TAnnotationTarget,
} from "@/lib/schemas/annotation";
import { LIMITS } from "@/lib/schemas/common";
import { describeFailure } from "../ui/api-request";
import { Problem } from "../ui/Problem";
import { MentionTextarea } from "./mention/MentionField";
import type { SubmitOutcome } from "./use-outbox";

/** A note taken back from the outbox to be edited and sent again. */
export type ComposerDraft = { body: string; kind: (typeof ANNOTATION_KINDS)[number]; tags: string[] };

type Props = {
  boardId: string;
  target: TAnnotationTarget;
  targetLabel: string;
  canWrite: boolean;
  draft: ComposerDraft | null;
  onClearTarget: () => void;
  submit: (input: TAnnotationCreateInput) => Promise<SubmitOutcome>;
};

export function AnnotationComposer({ boardId, target, targetLabel, canWrite, draft, onClearTarget, submit }: Props) {
  const [body, setBody] = useState("");
  const [kind, setKind] = useState<(typeof ANNOTATION_KINDS)[number]>("note");
  const [confidence, setConfidence] = useState<(typeof CONFIDENCE_LEVELS)[number] | "">("");
  const [tags, setTags] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!draft) return;
    setBody(draft.body);
    setKind(draft.kind);
    setTags(draft.tags.join(", "));
  }, [draft]);

  if (!canWrite) return <p className="muted composer-readonly">You can read this board but not annotate it.</p>;
  const needsConfidence = kind === "assessment" && !confidence;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const submittedBody = body;
    const submittedTags = tags;
    const result = await submit({
      id: crypto.randomUUID(),
      boardId,
      target,
      body,
      kind,
      confidence: confidence || undefined,
      tags: tags
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    });
    setBusy(false);
    if (result.ok) {
      // Clear only what was sent: the analyst may already be typing the next note.
      setBody((current) => (current === submittedBody ? "" : current));
      setTags((current) => (current === submittedTags ? "" : current));
      return;
    }
    setProblem(describeFailure(result.error));
  };

  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Add an annotation">
      <div className="composer-target">
        On <strong data-testid="composer-target">{targetLabel}</strong>
        {target.type !== "board" ? (
          <button type="button" className="link-button" onClick={onClearTarget}>
            annotate the board instead
          </button>
        ) : null}
      </div>
      <label className="visually-hidden" htmlFor="annotation-body">
        Annotation
      </label>
      <MentionTextarea
        id="annotation-body"
        name="body"
        rows={3}
        maxLength={LIMITS.annotationBody}
        placeholder="What do you make of it? @ names a colleague"
        value={body}
        onValueChange={setBody}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
        }}
        required
      />
      <div className="composer-row">
        <label>
          Kind{" "}
          <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            {ANNOTATION_KINDS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Confidence{" "}
          <select value={confidence} onChange={(event) => setConfidence(event.target.value as typeof confidence)}>
            <option value="">—</option>
            {CONFIDENCE_LEVELS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Tags{" "}
          <input value={tags} onChange={(event) => setTags(event.target.value)} placeholder="geneva, force-posture" />
        </label>
        <button
          type="submit"
          disabled={busy || !body.trim() || needsConfidence}
          title={needsConfidence ? "An assessment needs a confidence" : undefined}
        >
          {busy ? "Saving…" : "Add"}
        </button>
      </div>
      <Problem message={problem} />
    </form>
  );
}
