"use client";
// The inbox across boards (issue 19): each board with threads or mentions the analyst has not seen, from
// one request (GET /api/inbox answers for all their boards in one query).
import Link from "next/link";
import { useEffect, useState } from "react";
import type { InboxBoard } from "@/lib/schemas/shift";
import { apiRequest } from "../ui/api-request";
import "./inbox.css";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function Inbox() {
  const [boards, setBoards] = useState<InboxBoard[] | null>(null);
  const [problem, setProblem] = useState(false);
  useEffect(() => {
    void apiRequest<{ boards: InboxBoard[] }>("/api/inbox").then((result) => {
      if (result.ok) setBoards(result.body.boards);
      else setProblem(true);
    });
  }, []);
  const waiting = boards?.filter((board) => board.unreadThreads > 0 || board.unreadMentions > 0) ?? [];
  return (
    <section className="inbox" aria-labelledby="inbox-title" data-testid="inbox">
      <h2 id="inbox-title">Since you last looked</h2>
      {problem ? (
        <p className="muted">Your inbox could not be loaded.</p>
      ) : !boards ? (
        <p className="muted">Loading…</p>
      ) : waiting.length ? (
        <ul className="inbox-list">
          {waiting.map((board) => (
            <li key={board.boardId} data-testid="inbox-board">
              <Link href={`/boards/${board.slug}`}>{board.title}</Link>{" "}
              <span className="inbox-counts">
                {plural(board.unreadThreads, "unread thread", "unread threads")}
                {board.unreadMentions ? (
                  <>
                    {" · "}
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
