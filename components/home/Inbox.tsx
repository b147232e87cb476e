"use client";
// The inbox across boards (issue 19): each board with threads or mentions the analyst has not seen, from
// one request (GET /api/inbox answers for all their boards in one query).
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { InboxBoard } from "@/lib/schemas/shift";
import { retryDelayMs } from "../board/retry-delay";
import { apiRequest, describeFailure } from "../ui/api-request";
import "./inbox.css";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function Inbox() {
  const [boards, setBoards] = useState<InboxBoard[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A failed load says why and is asked again after a wait (or at once with "Try again").
  const [attempt, setAttempt] = useState(0);
  const failedLoads = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt asks again
  useEffect(() => {
    let stale = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void apiRequest<{ boards: InboxBoard[] }>("/api/inbox").then((result) => {
      if (stale) return;
      if (result.ok) {
        failedLoads.current = 0;
        setProblem(null);
        setBoards(result.body.boards);
        return;
      }
      setProblem(describeFailure(result.error));
      const wait = retryDelayMs(result.error.retryAfterMs, failedLoads.current++);
      retry = setTimeout(() => setAttempt((count) => count + 1), wait);
    });
    return () => {
      stale = true;
      clearTimeout(retry);
    };
  }, [attempt]);
  const tryAgain = useCallback(() => setAttempt((count) => count + 1), []);
  const waiting = boards?.filter((board) => board.unreadThreads > 0 || board.unreadMentions > 0) ?? [];
  return (
    <section className="inbox" aria-labelledby="inbox-title" data-testid="inbox">
      <h2 id="inbox-title">Since you last looked</h2>
      {problem ? (
        <p className="muted" role="status" data-testid="inbox-problem">
          Your inbox could not be loaded: {problem}. Trying again shortly.{" "}
          <button type="button" className="link-button" onClick={tryAgain}>
            Try again
          </button>
        </p>
      ) : !boards ? (
        <p className="muted">Loading…</p>
      ) : waiting.length ? (
        <ul className="inbox-list">
          {waiting.map((board) => (
            <li key={board.boardId} data-testid="inbox-board">
              <Link href={`/boards/${board.slug}`}>{board.title}</Link>{" "}
              <span className="inbox-counts">
                {board.unreadThreads ? plural(board.unreadThreads, "unread thread", "unread threads") : null}
                {board.unreadMentions ? (
                  <>
                    {board.unreadThreads ? " · " : null}
                    <strong>{plural(board.unreadMentions, "mention", "mentions")} of you</strong>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing new on your boards.</p>
      )}
    </section>
  );
}
