"use client";
// The annotations side of the board: the composer, what waits in the outbox, the filters (kept in the
// URL), and the threads that match them.
import { useCallback, useState } from "react";
import { groupThreads, threadMatches } from "@/lib/annotation-filter";
import { describeTarget } from "@/lib/describe-target";
import type { PresenceMember } from "@/lib/events";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { AnnotationComposer, type ComposerDraft } from "./AnnotationComposer";
import { AnnotationFilters } from "./AnnotationFilters";
import type { AnnotationAbilities } from "./annotation-abilities";
import { OutboxList } from "./OutboxList";
import type { OutboxEntry } from "./outbox";
import { ThreadView } from "./ThreadView";
import { UndoDelete } from "./UndoDelete";
import type { BoardSend } from "./use-live-board";
import type { useOutbox } from "./use-outbox";
import { useUrlFilter } from "./use-url-filter";

type Props = {
  snapshot: BoardSnapshot;
  abilities: AnnotationAbilities;
  send: BoardSend;
  outbox: ReturnType<typeof useOutbox>;
  presence: PresenceMember[];
  target: TAnnotationTarget;
  onClearTarget: () => void;
  onTyping: (threadId: string | null) => void;
  onFocusThread: (threadId: string) => void;
};

export function AnnotationsPanel({
  snapshot,
  abilities,
  send,
  outbox,
  presence,
  target,
  onClearTarget,
  onTyping,
  onFocusThread,
}: Props) {
  const [filter, setFilter] = useUrlFilter();
  const [draft, setDraft] = useState<ComposerDraft | null>(null);
  const [deleted, setDeleted] = useState<WireAnnotation | null>(null);
  const clearDeleted = useCallback(() => setDeleted(null), []);

  const threads = groupThreads(snapshot.annotations);
  const shown = threads.filter((thread) => threadMatches(thread, filter));
  const typistsIn = (threadId: string) =>
    presence.filter((member) => member.typingIn === threadId && member.userId !== abilities.userId);

  const editFailed = async (entry: OutboxEntry) => {
    setDraft({ body: entry.payload.body, kind: entry.payload.kind ?? "note", tags: entry.payload.tags ?? [] });
    await outbox.discard(entry.id);
  };

  return (
    <section className="panel annotations" aria-labelledby="annotations-title">
      <h2 id="annotations-title">Annotations</h2>
      <AnnotationComposer
        boardId={snapshot.board.id}
        target={target}
        targetLabel={describeTarget(target, snapshot)}
        canWrite={abilities.create}
        draft={draft}
        onClearTarget={onClearTarget}
        submit={outbox.submit}
      />
      <OutboxList
        entries={outbox.entries}
        onEdit={(entry) => void editFailed(entry)}
        onDiscard={(entry) => void outbox.discard(entry.id)}
      />
      <AnnotationFilters filter={filter} onChange={setFilter} snapshot={snapshot} annotations={snapshot.annotations} />
      {shown.length ? (
        <ol className="annotation-list" aria-label="Threads">
          {shown.map((thread) => (
            <ThreadView
              key={thread.top.id}
              thread={thread.top}
              replies={thread.replies}
              snapshot={snapshot}
              abilities={abilities}
              send={send}
              submit={outbox.submit}
              typists={typistsIn(thread.top.id)}
              onDeleted={setDeleted}
              onTyping={onTyping}
              onFocus={onFocusThread}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">{threads.length ? "No thread matches these filters." : "No annotations yet."}</p>
      )}
      <UndoDelete deleted={deleted} send={send} onDone={clearDeleted} />
    </section>
  );
}
