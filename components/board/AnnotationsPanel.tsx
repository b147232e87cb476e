"use client";
// The annotations side of the board: the composer, what waits in the outbox, the filters (kept in the
// URL), and the threads that match them, in a virtualized list (ThreadList.tsx). The threads come
// indexed from the live state (lib/annotation-index.ts); nothing here regroups the board per op.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EMPTY_FILTER } from "@/lib/annotation-filter";
import type { BoardState } from "@/lib/board-state";
import { describeTarget } from "@/lib/describe-target";
import type { PresenceMember } from "@/lib/events";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import { AnnotationComposer, type ComposerDraft } from "./AnnotationComposer";
import { AnnotationFilters } from "./AnnotationFilters";
import type { AnnotationAbilities } from "./annotation-abilities";
import { OutboxList } from "./OutboxList";
import type { OutboxEntry } from "./outbox";
import { ThreadList, type ThreadReveal } from "./ThreadList";
import { UndoDelete } from "./UndoDelete";
import type { BoardSend } from "./use-live-board";
import type { useOutbox } from "./use-outbox";
import { useShownThreads } from "./use-shown-threads";
import { useUrlFilter } from "./use-url-filter";

type Props = {
  board: BoardState;
  abilities: AnnotationAbilities;
  send: BoardSend;
  outbox: ReturnType<typeof useOutbox>;
  presence: PresenceMember[];
  target: TAnnotationTarget;
  onClearTarget: () => void;
  onTyping: (threadId: string | null) => void;
  onFocusThread: (threadId: string) => void;
  /** A thread to bring into view (a search result chose it). */
  reveal?: ThreadReveal | null;
};

export function AnnotationsPanel({
  board,
  abilities,
  send,
  outbox,
  presence,
  target,
  onClearTarget,
  onTyping,
  onFocusThread,
  reveal = null,
}: Props) {
  const [filter, setFilter] = useUrlFilter();
  const [draft, setDraft] = useState<ComposerDraft | null>(null);
  const [deleted, setDeleted] = useState<WireAnnotation | null>(null);
  const clearDeleted = useCallback(() => setDeleted(null), []);
  const index = board.annotations;
  const shown = useShownThreads(index, filter);
  const typists = useMemo(() => typistsByThread(presence, abilities.userId), [presence, abilities.userId]);
  // A thread the filters hide cannot be shown: the filters make way for it, once per request, so the
  // analyst can filter again afterwards.
  const revealed = useRef<ThreadReveal | null>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal) return;
    revealed.current = reveal;
    if (!shown.includes(reveal.threadId)) setFilter(EMPTY_FILTER);
  }, [reveal, shown, setFilter]);

  const { discard } = outbox;
  const editFailed = useCallback(
    async (entry: OutboxEntry) => {
      setDraft({ body: entry.payload.body, kind: entry.payload.kind ?? "note", tags: entry.payload.tags ?? [] });
      await discard(entry.id);
    },
    [discard],
  );

  return (
    <section className="panel annotations" aria-labelledby="annotations-title">
      <h2 id="annotations-title">Annotations</h2>
      <AnnotationComposer
        boardId={board.board.id}
        target={target}
        targetLabel={describeTarget(target, board)}
        canWrite={abilities.create}
        draft={draft}
        onClearTarget={onClearTarget}
        submit={outbox.submit}
      />
      <OutboxList
        entries={outbox.entries}
        onEdit={(entry) => void editFailed(entry)}
        onDiscard={(entry) => void discard(entry.id)}
      />
      <AnnotationFilters
        filter={filter}
        onChange={setFilter}
        index={index}
        members={board.members.byId}
        shownCount={shown.length}
      />
      {shown.length ? (
        <ThreadList
          threadIds={shown}
          threads={index.threads}
          board={board}
          abilities={abilities}
          send={send}
          submit={outbox.submit}
          typists={typists}
          onDeleted={setDeleted}
          onTyping={onTyping}
          onFocus={onFocusThread}
          reveal={reveal}
        />
      ) : (
        <p className="muted">{index.threadOrder.length ? "No thread matches these filters." : "No annotations yet."}</p>
      )}
      <UndoDelete deleted={deleted} send={send} onDone={clearDeleted} />
    </section>
  );
}

/** Colleagues typing a reply, by thread; a thread nobody types in is absent, so its row keeps its props. */
function typistsByThread(presence: PresenceMember[], userId: string | undefined): Map<string, PresenceMember[]> {
  const byThread = new Map<string, PresenceMember[]>();
  for (const member of presence) {
    if (!member.typingIn || member.userId === userId) continue;
    byThread.set(member.typingIn, [...(byThread.get(member.typingIn) ?? []), member]);
  }
  return byThread;
}
