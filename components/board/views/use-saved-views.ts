"use client";
// The board's saved views, kept live: listed with view:list each time the board becomes live (a rejoin
// may have skipped ops), then kept up by the view ops among the board's live ops. Saves and deletes are
// applied from their ack at once, without waiting for their op.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Failure } from "@/lib/errors";
import type { WireOp } from "@/lib/ops";
import type { TSavedViewState, WireSavedView } from "@/lib/schemas/shift";
import { describeFailure } from "../../ui/api-request";
import { retryDelayMs } from "../retry-delay";
import type { BoardSend } from "../use-live-board";
import { applyViewOps, bookOf, type ViewBook, withoutView, withView } from "./saved-views";

export type SavedViews = {
  views: readonly WireSavedView[] | null;
  /** Why the list could not be read (it is asked again after a wait), or null. */
  problem: string | null;
  save: (view: { id: string; name: string; state: TSavedViewState }) => Promise<WireSavedView | Failure>;
  remove: (id: string) => Promise<true | Failure>;
};

export function useSavedViews({
  boardId,
  send,
  liveOps,
  liveEpoch,
}: {
  boardId: string;
  send: BoardSend;
  /** The board's recent ops, in seq order (use-live-board.ts). */
  liveOps: readonly WireOp[];
  /** Counts the times the board became live: each lists the views again. */
  liveEpoch: number;
}): SavedViews {
  const [book, setBook] = useState<ViewBook | null>(null);
  const [loads, setLoads] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const failedLists = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `loads` and `liveEpoch` ask for a fresh list
  useEffect(() => {
    if (liveEpoch === 0) return;
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void send("view:list", { boardId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        failedLists.current = 0;
        setProblem(null);
        setBook(bookOf(result));
        return;
      }
      // A refused or unanswered list is named in the menu and asked again after a wait.
      setProblem(describeFailure(result.error));
      const wait = retryDelayMs(result.error.retryAfterMs, failedLists.current++);
      retry = setTimeout(() => setLoads((count) => count + 1), wait);
    });
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [boardId, send, liveEpoch, loads]);

  // The ops after the list; a gap lists again (once per gap: the book stops before it).
  const lastGap = useRef<number | null>(null);
  useEffect(() => {
    if (!book) return;
    const { book: next, gap } = applyViewOps(book, liveOps);
    if (next !== book) setBook(next);
    if (gap && lastGap.current !== next.seq) {
      lastGap.current = next.seq;
      setLoads((count) => count + 1);
    }
  }, [book, liveOps]);

  const save = useCallback<SavedViews["save"]>(
    async (view) => {
      const result = await send("view:save", { ...view, boardId });
      if (!result.ok) return result;
      setBook((shown) => (shown ? withView(shown, result.view) : shown));
      return result.view;
    },
    [boardId, send],
  );
  const remove = useCallback<SavedViews["remove"]>(
    async (id) => {
      const result = await send("view:delete", { id, boardId });
      if (!result.ok) return result;
      setBook((shown) => (shown ? withoutView(shown, id) : shown));
      return true;
    },
    [boardId, send],
  );

  return { views: book?.views ?? null, problem, save, remove };
}
