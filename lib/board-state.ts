// Applying the op log to a board snapshot on the client. Ops must arrive in seq order: an op already
// applied is ignored, an op past the next seq reveals a gap the caller must fill from the server.
import type { WireOp } from "./ops";
import type { WireAnnotation } from "./schemas/annotation";
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

/**
 * Applies a run of ops; stops at the first gap and reports it. A catch-up can bring thousands of
 * annotation ops: those are applied to one working map rather than rebuilding the list per op (which
 * would be quadratic); the result is the same list, in the same order, as applying them one by one.
 * Answers the same board object when nothing applied.
 */
export function applyOps(board: LiveBoard, ops: WireOp[]): { board: LiveBoard; gap: boolean } {
  let seq = board.seq;
  let snapshot = board.snapshot;
  let working: Map<string, WireAnnotation> | null = null;
  const flush = () => {
    if (working) snapshot = { ...snapshot, annotations: [...working.values()] };
    working = null;
  };
  const result = (gap: boolean) => {
    flush();
    return { board: seq === board.seq ? board : { seq, snapshot }, gap };
  };
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    if (op.seq <= seq) continue;
    if (op.seq !== seq + 1) return result(true);
    if (ANNOTATION_UPSERTS.has(op.type) || op.type === "annotation.deleted") {
      working ??= new Map(snapshot.annotations.map((annotation) => [annotation.id, annotation]));
      const data = op.data as WireAnnotation | { id: string };
      // Delete first, so an upserted annotation moves to the end, as the one-by-one reducer does.
      working.delete(data.id);
      if (op.type !== "annotation.deleted") working.set(data.id, data as WireAnnotation);
    } else {
      flush();
      snapshot = reduce(snapshot, op);
    }
    seq = op.seq;
  }
  return result(false);
}

const ANNOTATION_UPSERTS: ReadonlySet<string> = new Set([
  "annotation.created",
  "annotation.updated",
  "annotation.restored",
  "annotation.resolved",
  "annotation.reopened",
]);

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
    case "event.created":
    case "event.updated":
      return {
        ...snapshot,
        events: upsert(snapshot.events, op.data).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
      };
    case "event.deleted":
      // The server deletes the annotations on it with it.
      return {
        ...snapshot,
        events: snapshot.events.filter((event) => event.id !== op.data.id),
        annotations: snapshot.annotations.filter(
          (a) => !(a.target.type === "event" && a.target.eventId === op.data.id),
        ),
      };
    case "source.created":
    case "source.updated":
      return { ...snapshot, sources: upsert(snapshot.sources, op.data) };
    case "source.deleted":
      return { ...snapshot, sources: snapshot.sources.filter((source) => source.id !== op.data.id) };
    case "indicator.created":
    case "indicator.updated": {
      const existing = snapshot.indicators.find((indicator) => indicator.id === op.data.id);
      return {
        ...snapshot,
        indicators: upsert(snapshot.indicators, { ...op.data, observations: existing?.observations ?? [] }),
      };
    }
    case "indicator.deleted":
      return {
        ...snapshot,
        indicators: snapshot.indicators.filter((indicator) => indicator.id !== op.data.id),
        annotations: snapshot.annotations.filter(
          (a) =>
            !(
              (a.target.type === "indicator" || a.target.type === "indicator-range") &&
              a.target.indicatorId === op.data.id
            ),
        ),
      };
    case "observation.created":
    case "observation.updated":
      return {
        ...snapshot,
        indicators: snapshot.indicators.map((indicator) =>
          indicator.id === op.data.indicatorId
            ? {
                ...indicator,
                observations: upsert(indicator.observations, op.data).sort((a, b) =>
                  a.observedAt.localeCompare(b.observedAt),
                ),
              }
            : indicator,
        ),
      };
    case "observation.deleted":
      return {
        ...snapshot,
        indicators: snapshot.indicators.map((indicator) =>
          indicator.id === op.data.indicatorId
            ? {
                ...indicator,
                observations: indicator.observations.filter((observation) => observation.id !== op.data.id),
              }
            : indicator,
        ),
        annotations: snapshot.annotations.filter(
          (a) => !(a.target.type === "observation" && a.target.observationId === op.data.id),
        ),
      };
    case "observations.imported":
      // Too many rows to carry: the client takes a fresh snapshot when it sees this op (needsSnapshot).
      return snapshot;
  }
}

/** Ops whose data the client cannot apply itself: it fetches a fresh snapshot instead. */
export function needsSnapshot(op: WireOp): boolean {
  return op.type === "observations.imported";
}

function upsert<T extends { id: string }>(items: T[], item: T): T[] {
  return [...items.filter((existing) => existing.id !== item.id), item];
}
