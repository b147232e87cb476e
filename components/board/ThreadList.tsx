"use client";
// The threads the panel shows, virtualized: only those in or near the panel's visible area are in the
// DOM, each measured as it renders, so a board of 20,000 threads costs what a screenful does. The list
// keeps its semantics (an ordered list whose items say their place in the whole), and the thread that
// holds the focus stays rendered when scrolled away, so a reply being typed is not lost.
import { defaultRangeExtractor, type Range, useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { AnnotationThread } from "@/lib/annotation-filter";
import type { BoardState } from "@/lib/board-state";
import { describeTarget } from "@/lib/describe-target";
import type { PresenceMember } from "@/lib/events";
import type { TAnnotationCreateInput, WireAnnotation } from "@/lib/schemas/annotation";
import type { ShardedMap } from "@/lib/sharded-map";
import type { AnnotationAbilities } from "./annotation-abilities";
import { UnreadBadge } from "./shift/UnreadBadge";
import { UnreadContext } from "./shift/unread-context";
import { ThreadView } from "./ThreadView";
import type { BoardSend } from "./use-live-board";
import type { SubmitOutcome } from "./use-outbox";

/** A thread with no replies, as a first guess; each is measured once drawn. */
const ESTIMATED_THREAD_PX = 120;
/** Threads drawn beyond each edge of the visible area, so scrolling shows no blanks. */
const OVERSCAN = 8;
const NO_TYPISTS: PresenceMember[] = [];

type Props = {
  /** Head ids of the threads to show, in order. */
  threadIds: readonly string[];
  threads: ShardedMap<AnnotationThread>;
  board: BoardState;
  abilities: AnnotationAbilities;
  send: BoardSend;
  submit: (input: TAnnotationCreateInput) => Promise<SubmitOutcome>;
  typists: ReadonlyMap<string, PresenceMember[]>;
  onDeleted: (annotation: WireAnnotation) => void;
  onTyping: (threadId: string | null) => void;
  onFocus: (threadId: string) => void;
  /** A thread to bring into view and focus (a search result chose it); a new object asks again. */
  reveal?: ThreadReveal | null;
};

/** `quiet`: brought into view without taking the keyboard focus (a map marker's notes, issue 16). */
export type ThreadReveal = { threadId: string; quiet?: boolean };

export function ThreadList({
  threadIds,
  threads,
  board,
  abilities,
  send,
  submit,
  typists,
  onDeleted,
  onTyping,
  onFocus,
  reveal = null,
}: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const { scroller, offset: scrollMargin } = useScrollPlace(listRef);
  const [focused, setFocused] = useState<string | null>(null);
  const unread = useContext(UnreadContext);
  const focusedIndex = focused === null ? -1 : threadIds.indexOf(focused);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex < 0 || indexes.includes(focusedIndex)) return indexes;
      return [...indexes, focusedIndex].sort((a, b) => a - b);
    },
    [focusedIndex],
  );
  // Stable while the list is: the virtualizer redoes its measurements (a pass over every thread) when
  // the key function changes, which must happen when threads come or go, not on every render.
  const itemKey = useCallback((index: number) => threadIds[index] ?? index, [threadIds]);
  const virtualizer = useVirtualizer({
    count: threadIds.length,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_THREAD_PX,
    getItemKey: itemKey,
    overscan: OVERSCAN,
    scrollMargin,
    rangeExtractor,
  });
  useKeptView(virtualizer, scroller, scrollMargin, threadIds);
  useRevealedThread(virtualizer, listRef, threadIds, reveal, setFocused);

  return (
    <ol
      ref={listRef}
      className="annotation-list"
      aria-label="Threads"
      style={{ position: "relative", height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const id = threadIds[item.index];
        const thread = id === undefined ? undefined : threads.get(id);
        if (!id || !thread) return null;
        const unreadHere = unread.get(id);
        return (
          <li
            key={id}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-thread-id={id}
            tabIndex={reveal?.threadId === id ? -1 : undefined}
            className={`thread${thread.top.resolvedAt !== null ? " thread-resolved" : ""}${unreadHere ? " thread-unread" : ""}`}
            data-testid="thread"
            aria-posinset={item.index + 1}
            aria-setsize={threadIds.length}
            style={{
              position: "absolute",
              top: 0,
              left: 0,
              width: "100%",
              transform: `translateY(${item.start - scrollMargin}px)`,
            }}
            onFocusCapture={() => {
              setFocused(id);
              onFocus(id);
            }}
          >
            <UnreadBadge entry={unreadHere} />
            <ThreadView
              thread={thread}
              targetLabel={describeTarget(thread.top.target, board)}
              abilities={abilities}
              send={send}
              submit={submit}
              typists={typists.get(id) ?? NO_TYPISTS}
              onDeleted={onDeleted}
              onTyping={onTyping}
            />
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Scrolls the virtualized list to a thread asked for and moves the focus into it, once per request: the
 * thread may only be listed after the panel's filter was cleared for it, so this waits for the ids.
 */
function useRevealedThread(
  virtualizer: Virtualizer<HTMLElement, Element>,
  listRef: React.RefObject<HTMLOListElement | null>,
  threadIds: readonly string[],
  reveal: ThreadReveal | null,
  keepRendered: (threadId: string) => void,
) {
  const handled = useRef<ThreadReveal | null>(null);
  useEffect(() => {
    if (!reveal || handled.current === reveal) return;
    const index = threadIds.indexOf(reveal.threadId);
    if (index < 0) return;
    handled.current = reveal;
    keepRendered(reveal.threadId);
    virtualizer.scrollToIndex(index, { align: "start" });
    if (reveal.quiet) return;
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-thread-id="${reveal.threadId}"]`)?.focus(),
    );
  }, [virtualizer, listRef, threadIds, reveal, keepRendered]);
}

/**
 * A thread added above the one at the top of the view (a colleague's new note, while this analyst reads
 * older ones) would push what they read down: the scroll follows the thread they were looking at, as the
 * browser's scroll anchoring does for an unvirtualized list. At the very top, new threads show as they come.
 */
function useKeptView(
  virtualizer: Virtualizer<HTMLElement, Element>,
  scroller: HTMLElement | null,
  scrollMargin: number,
  threadIds: readonly string[],
) {
  const anchor = useRef<{ id: string; start: number } | null>(null);
  useLayoutEffect(() => {
    const seen = anchor.current;
    if (!seen || !scroller || scroller.scrollTop <= scrollMargin) return;
    const index = threadIds.indexOf(seen.id);
    const now = index < 0 ? undefined : virtualizer.measurementsCache[index];
    if (now && now.start !== seen.start) scroller.scrollTop += now.start - seen.start;
  }, [threadIds, virtualizer, scroller, scrollMargin]);
  useLayoutEffect(() => {
    const offset = virtualizer.scrollOffset ?? 0;
    const top = virtualizer.getVirtualItems().find((item) => item.end > offset);
    anchor.current = top ? { id: String(top.key), start: top.start } : null;
  });
}

/**
 * The panel that scrolls the list, and how far below its top the list starts (the composer, outbox and
 * filters stand above it): the virtualizer's scroll margin. Measured again whenever something above the
 * list changes size, appears or goes, not on every render (that would force a layout per op).
 */
function useScrollPlace(listRef: React.RefObject<HTMLOListElement | null>) {
  const [place, setPlace] = useState<{ scroller: HTMLElement | null; offset: number }>({ scroller: null, offset: 0 });
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = list?.closest<HTMLElement>(".panel") ?? null;
    if (!list || !scroller) return;
    const measure = () => {
      const offset = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setPlace((current) =>
        current.scroller === scroller && current.offset === offset ? current : { scroller, offset },
      );
    };
    const resized = new ResizeObserver(measure);
    // What stands above the list comes and goes (the outbox renders nothing while empty): on any change
    // of the panel's children, observe those above the list as they now are, and measure again.
    const observeAbove = () => {
      resized.disconnect();
      for (let node = list.previousElementSibling; node; node = node.previousElementSibling) resized.observe(node);
      measure();
    };
    observeAbove();
    const added = new MutationObserver(observeAbove);
    if (list.parentElement) added.observe(list.parentElement, { childList: true });
    return () => {
      added.disconnect();
      resized.disconnect();
    };
  }, [listRef]);
  return place;
}
