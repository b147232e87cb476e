"use client";
// A thread: its first annotation, the replies under it, who is typing a reply, resolve/reopen, and a
// reply box. Replies go through the outbox like every new annotation. Memoized: the list item around it
// (ThreadList.tsx) re-renders as threads move, this only when its own thread or what it shows changes.
import { memo, useEffect, useRef, useState } from "react";
import type { AnnotationThread } from "@/lib/annotation-filter";
import type { PresenceMember } from "@/lib/events";
import type { TAnnotationCreateInput, WireAnnotation } from "@/lib/schemas/annotation";
import { LIMITS } from "@/lib/schemas/common";
import { Problem } from "../ui/Problem";
import { UtcTime } from "../ui/UtcTime";
import { AnnotationItem } from "./AnnotationItem";
import { MentionInput } from "./mention/MentionField";
import type { AnnotationAbilities } from "./annotation-abilities";
import type { BoardSend } from "./use-live-board";
import type { SubmitOutcome } from "./use-outbox";

type Props = {
  thread: AnnotationThread;
  /** What the thread is on, in words (lib/describe-target.ts). */
  targetLabel: string;
  abilities: AnnotationAbilities;
  send: BoardSend;
  submit: (input: TAnnotationCreateInput) => Promise<SubmitOutcome>;
  typists: PresenceMember[];
  onDeleted: (annotation: WireAnnotation) => void;
  onTyping: (threadId: string | null) => void;
};

const TYPING_REFRESH_MS = 2_000;

export const ThreadView = memo(function ThreadView({
  thread: { top: thread, replies },
  targetLabel,
  abilities,
  send,
  submit,
  typists,
  onDeleted,
  onTyping,
}: Props) {
  const [reply, setReply] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const lastTypingSent = useRef(0);
  const resolved = thread.resolvedAt !== null;

  useEffect(() => () => onTyping(null), [onTyping]);

  const typed = (text: string) => {
    setReply(text);
    const now = Date.now();
    if (text && now - lastTypingSent.current > TYPING_REFRESH_MS) {
      lastTypingSent.current = now;
      onTyping(thread.id);
    }
  };
  const sendReply = async (event: React.FormEvent) => {
    event.preventDefault();
    const sent = reply;
    const outcome = await submit({
      id: crypto.randomUUID(),
      boardId: thread.boardId,
      target: thread.target,
      body: reply,
      parentId: thread.id,
    });
    if (!outcome.ok) return setProblem(outcome.error.message);
    // Clear only what was sent: a next reply may already be under way.
    setReply((current) => (current === sent ? "" : current));
    setProblem(null);
    lastTypingSent.current = 0;
    onTyping(null);
  };
  const toggleResolved = async () => {
    const result = await send(resolved ? "annotation:reopen" : "annotation:resolve", {
      id: thread.id,
      boardId: thread.boardId,
    });
    setProblem(result.ok ? null : result.error.message);
  };

  return (
    <>
      <AnnotationItem
        annotation={thread}
        targetLabel={targetLabel}
        abilities={abilities}
        send={send}
        onDeleted={onDeleted}
      />
      {replies.length ? (
        <ol className="replies" aria-label="Replies">
          {replies.map((annotation) => (
            <li key={annotation.id}>
              <AnnotationItem annotation={annotation} abilities={abilities} send={send} onDeleted={onDeleted} />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="thread-foot">
        {resolved ? (
          <span className="muted" data-testid="resolved">
            Resolved by {thread.resolvedBy?.name ?? "someone"} <UtcTime iso={thread.resolvedAt ?? thread.updatedAt} />
          </span>
        ) : null}
        {abilities.resolve ? (
          <button type="button" className="link-button" onClick={() => void toggleResolved()}>
            {resolved ? "Reopen" : "Resolve"}
          </button>
        ) : null}
        {typists.length ? (
          <span className="typing" aria-live="polite">
            {typists.map((member) => member.name).join(", ")} {typists.length === 1 ? "is" : "are"} typing…
          </span>
        ) : null}
      </div>
      {abilities.create && !resolved ? (
        <form className="reply-form" onSubmit={sendReply}>
          <label className="visually-hidden" htmlFor={`reply-${thread.id}`}>
            Reply
          </label>
          <MentionInput
            className="reply-input"
            id={`reply-${thread.id}`}
            value={reply}
            onValueChange={typed}
            maxLength={LIMITS.annotationBody}
            placeholder="Reply…"
            onChange={(event) => typed(event.target.value)}
            onBlur={() => onTyping(null)}
          />
          <button type="submit" disabled={!reply.trim()}>
            Reply
          </button>
        </form>
      ) : null}
      <Problem message={problem} />
    </>
  );
});
