"use client";
// The annotations side of the board: the composer, what waits in the outbox, the filters (kept in the
// URL), and the threads that match them.
import { useCallback, useMemo, useState } from "react";
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

/** Threads listed at first and per "show more": thousands at once take seconds to render and nobody reads them all. */
const THREADS_PER_PAGE = 200;

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

  const threads = useMemo(() => groupThreads(snapshot.annotations), [snapshot.annotations]);
  const shown = useMemo(() => threads.filter((thread) => threadMatches(thread, filter)), [threads, filter]);
  const [listedCount, setListedCount] = useState(THREADS_PER_PAGE);
  const [listedFor, setListedFor] = useState(filter);
  // A new filter starts again from its first page.
  if (listedFor !== filter) {
    setListedFor(filter);
    setListedCount(THREADS_PER_PAGE);
  }
  const listed = shown.length > listedCount ? shown.slice(0, listedCount) : shown;
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
          {listed.map((thread) => (
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
      {shown.length > listed.length ? (
        <p className="muted thread-list-more">
          Showing the newest {listed.length} of {shown.length} threads.{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => setListedCount((count) => count + THREADS_PER_PAGE)}
          >
            Show {Math.min(THREADS_PER_PAGE, shown.length - listed.length)} more
          </button>
        </p>
      ) : null}
      <UndoDelete deleted={deleted} send={send} onDone={clearDeleted} />
    </section>
  );
}
