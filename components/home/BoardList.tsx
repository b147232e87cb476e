"use client";
// Lists the analyst's boards with their role on each.
import Link from "next/link";
import { useEffect, useState } from "react";
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
  if (!boards.length) return <p className="muted">You are not on any board yet. Ask a board owner to add you.</p>;
  return (
    <ul className="board-list">
      {boards.map((board) => (
        <li key={board.id}>
          <Link href={`/boards/${board.slug}`} className="board-link">
            <span className="board-link-title">{board.title}</span>
            <span className="role">{board.role}</span>
          </Link>
          {board.description ? <p className="muted">{board.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
