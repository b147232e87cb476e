"use client";
// After a delete: a short-lived "Undo" that restores the annotation for everyone.
import { useEffect, useState } from "react";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSend } from "./use-live-board";

const SHOWN_MS = 10_000;

export function UndoDelete({
  deleted,
  send,
  onDone,
}: {
  deleted: WireAnnotation | null;
  send: BoardSend;
  onDone: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!deleted) return;
    setProblem(null);
    const timer = setTimeout(onDone, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [deleted, onDone]);
  if (!deleted) return null;
  const undo = async () => {
    const result = await send("annotation:restore", { id: deleted.id, boardId: deleted.boardId });
    if (result.ok) onDone();
    else setProblem(result.error.message);
  };
  return (
    <div className="undo" role="status">
      Annotation deleted.{" "}
      <button type="button" className="link-button" onClick={() => void undo()}>
        Undo
      </button>
      {problem ? <span className="problem">{problem}</span> : null}
    </div>
  );
}
