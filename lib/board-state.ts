// Applying the op log to a board snapshot on the client. Ops must arrive in seq order: an op already
// applied is ignored, an op past the next seq reveals a gap the caller must fill from the server.
import type { WireOp } from "./ops";
import type { BoardSnapshot } from "./schemas/board";

export type LiveBoard = { seq: number; snapshot: BoardSnapshot };

export type ApplyOutcome =
  | { status: "applied"; board: LiveBoard }
  | { status: "stale" }
  | { status: "gap"; expected: number };

export function applyOp(board: LiveBoard, op: WireOp): ApplyOutcome {
  if (op.seq <= board.seq) return { status: "stale" };
  if (op.seq !== board.seq + 1) return { status: "gap", expected: board.seq + 1 };
  return { status: "applied", board: { seq: op.seq, snapshot: reduce(board.snapshot, op) } };
}

/** Applies a run of ops; stops at the first gap and reports it. */
export function applyOps(board: LiveBoard, ops: WireOp[]): { board: LiveBoard; gap: boolean } {
  let current = board;
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    const outcome = applyOp(current, op);
    if (outcome.status === "gap") return { board: current, gap: true };
    if (outcome.status === "applied") current = outcome.board;
  }
  return { board: current, gap: false };
}

function reduce(snapshot: BoardSnapshot, op: WireOp): BoardSnapshot {
  switch (op.type) {
    case "annotation.created":
    case "annotation.updated":
    case "annotation.restored":
    case "annotation.resolved":
    case "annotation.reopened": {
      const others = snapshot.annotations.filter((annotation) => annotation.id !== op.data.id);
      return { ...snapshot, annotations: [...others, op.data] };
    }
    case "annotation.deleted":
      return { ...snapshot, annotations: snapshot.annotations.filter((annotation) => annotation.id !== op.data.id) };
    case "board.updated":
      return { ...snapshot, board: op.data };
    case "member.added":
    case "member.updated": {
      const others = snapshot.members.filter((member) => member.userId !== op.data.userId);
      return { ...snapshot, members: [...others, op.data].sort((a, b) => a.name.localeCompare(b.name)) };
    }
    case "member.removed":
      return { ...snapshot, members: snapshot.members.filter((member) => member.userId !== op.data.userId) };
  }
}
