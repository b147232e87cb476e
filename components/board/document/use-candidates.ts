"use client";
import { useCallback, useEffect, useRef, useState } from "react";
// The open source's candidates (issue 15): loaded once with source:candidates, then kept live from the
// board's ops (candidate-book.ts). When an op between was not heard, they are loaded again. Confirm,
// reject and extract answers are applied at once, without waiting for their op.
import type { WireOp } from "@/lib/ops";
import type { WireCandidate } from "@/lib/schemas/candidate";
import { describeFailure } from "../../ui/api-request";
import type { BoardSend } from "../use-live-board";
import { applyCandidateOps, bookOf, type CandidateBook, withCandidates } from "./candidate-book";

export function useCandidates({
  boardId,
  sourceId,
  liveOps,
  send,
}: {
  boardId: string;
  sourceId: string;
  /** The board's recent ops, in seq order (use-live-board.ts). */
  liveOps: readonly WireOp[];
  send: BoardSend;
}) {
  const [book, setBook] = useState<CandidateBook | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `loads` asks for a fresh load
  useEffect(() => {
    let current = true;
    void send("source:candidates", { boardId, id: sourceId }).then((result) => {
      if (!current) return;
      if (!result.ok) return setProblem(describeFailure(result.error));
      setProblem(null);
      setBook(bookOf(result));
    });
    return () => {
      current = false;
    };
  }, [boardId, sourceId, send, loads]);

  // The ops after the load; a gap loads again (once per gap: the book stops before it).
  const lastGap = useRef<number | null>(null);
  useEffect(() => {
    if (!book) return;
    const { book: next, gap } = applyCandidateOps(book, sourceId, liveOps);
    if (next !== book) setBook(next);
    if (gap && lastGap.current !== next.seq) {
      lastGap.current = next.seq;
      reload();
    }
  }, [book, liveOps, sourceId, reload]);

  const take = useCallback(
    (changed: readonly WireCandidate[]) => setBook((shown) => (shown ? withCandidates(shown, changed) : shown)),
    [],
  );

  return { candidates: book?.candidates ?? null, problem, take, reload };
}
