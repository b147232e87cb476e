"use client";
// Lists the analyst's boards with their role on each; archived boards come last, muted.
import Link from "next/link";
import { useEffect, useState } from "react";
import { can } from "@/lib/permissions";
import type { BoardSummary } from "@/lib/schemas/board";
import { Problem } from "../ui/Problem";

export function BoardList() {
  const [boards, setBoards] = useState<BoardSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    fetch("/api/boards")
      .then(async (response) => {
        if (response.status === 401) return window.location.assign("/sign-in");
        if (!response.ok) throw new Error(String(response.status));
        setBoards(((await response.json()) as { boards: BoardSummary[] }).boards);
      })
      .catch(() => setProblem("Your boards could not be loaded"));
  }, []);
  if (problem) return <Problem message={problem} />;
  if (!boards) return <p className="muted">Loading…</p>;
  if (!boards.length)
    return <p className="muted">You are not on any board yet. Open one above, or ask a board owner to add you.</p>;
  const active = boards.filter((board) => !board.archived);
  const archived = boards.filter((board) => board.archived);
  return (
    <>
      {active.length ? (
        <ul className="board-list" data-testid="board-list">
          {active.map((board) => (
            <BoardItem key={board.id} board={board} />
          ))}
        </ul>
      ) : (
        <p className="muted">All your boards are archived.</p>
      )}
      {archived.length ? (
        <section className="archived-boards" aria-labelledby="archived-heading">
          <h2 id="archived-heading">Archived</h2>
          <ul className="board-list" data-testid="archived-board-list">
            {archived.map((board) => (
              <BoardItem key={board.id} board={board} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function BoardItem({ board }: { board: BoardSummary }) {
  return (
    <li className={board.archived ? "board-archived" : undefined}>
      <Link href={`/boards/${board.slug}`} className="board-link">
        <span className="board-link-title">{board.title}</span>
        <span className="role">{board.archived ? `archived · ${board.role}` : board.role}</span>
      </Link>
      {board.handling ? <p className="board-handling">{board.handling}</p> : null}
      {board.description ? <p className="muted">{board.description}</p> : null}
      <Link href={`/boards/${board.slug}/members`} className="board-members-link">
        {can(board.role, "member.manage") ? "Members and settings" : "Members"}
        <span className="visually-hidden"> of {board.title}</span>
      </Link>
    </li>
  );
}
