"use client";
// The threads of the highlight the analyst clicked (several where passages overlap), shown beside the text
// with the same thread view the annotation panel uses: reply, resolve, edit from here.
import type { BoardState } from "@/lib/board-state";
import { describeTarget } from "@/lib/describe-target";
import type { PresenceMember } from "@/lib/events";
import type { TAnnotationCreateInput, WireAnnotation } from "@/lib/schemas/annotation";
import type { AnnotationAbilities } from "../annotation-abilities";
import { ThreadView } from "../ThreadView";
import type { BoardSend } from "../use-live-board";
import type { SubmitOutcome } from "../use-outbox";
import styles from "./document.module.css";

type Props = {
  ids: string[];
  board: BoardState;
  abilities: AnnotationAbilities;
  send: BoardSend;
  submit: (input: TAnnotationCreateInput) => Promise<SubmitOutcome>;
  onTyping: (threadId: string | null) => void;
  onClose: () => void;
};

const NO_TYPISTS: PresenceMember[] = [];
const ignoreDeleted = (_: WireAnnotation) => undefined;

export function PassageThreads({ ids, board, abilities, send, submit, onTyping, onClose }: Props) {
  const threads = ids.flatMap((id) => {
    const thread = board.annotations.threads.get(id);
    return thread ? [thread] : [];
  });
  if (!threads.length) return null;
  return (
    <aside className={styles.threads} aria-label="Threads on this passage" data-testid="passage-threads">
      <div className={styles.toolbar}>
        <strong>{threads.length === 1 ? "Thread on this passage" : `${threads.length} threads on this passage`}</strong>
        <button type="button" className="link-button" onClick={onClose}>
          close
        </button>
      </div>
      <ol>
        {threads.map((thread) => (
          <li key={thread.top.id} className="thread">
            <ThreadView
              thread={thread}
              targetLabel={describeTarget(thread.top.target, board)}
              abilities={abilities}
              send={send}
              submit={submit}
              typists={NO_TYPISTS}
              onDeleted={ignoreDeleted}
              onTyping={onTyping}
            />
          </li>
        ))}
      </ol>
    </aside>
  );
}
