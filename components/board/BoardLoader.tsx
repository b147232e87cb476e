"use client";
// Resolves the board from its slug (and the analyst's role on it) before going live.
import { useEffect, useState } from "react";
import type { WireError } from "@/lib/errors";
import type { BoardSummary } from "@/lib/schemas/board";
import { AppHeader } from "../ui/AppHeader";
import { Problem } from "../ui/Problem";
import { BoardView } from "./BoardView";

export function BoardLoader({ slug }: { slug: string }) {
  const [summary, setSummary] = useState<BoardSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    fetch(`/api/boards/${encodeURIComponent(slug)}`)
      .then(async (response) => {
        const body = (await response.json()) as { board?: BoardSummary; error?: WireError };
        if (response.status === 401) window.location.assign(`/sign-in?next=/boards/${encodeURIComponent(slug)}`);
        else if (body.board) setSummary(body.board);
        else setProblem(body.error?.message ?? "The board could not be loaded");
      })
      .catch(() => setProblem("The server could not be reached"));
  }, [slug]);
  if (summary) return <BoardView summary={summary} />;
  return (
    <div className="board-page">
      <AppHeader />
      {problem ? <Problem message={problem} /> : <p className="muted loading">Loading…</p>}
    </div>
  );
}
