// Applying the op log to a board on the client. Ops must arrive in seq order: an op already applied is
// ignored, an op past the next seq reveals a gap the caller must fill from the server. An op whose type
// this client was built without is not guessed at: nothing is applied and the caller takes a fresh
// snapshot (issue 13; lib/protocol.ts says why a new op type needs no protocol bump).
//
// The state is normalized (lib/board-content.ts, lib/annotation-index.ts): one op rebuilds only what it
// concerns and every other part keeps its identity, so the page's work per op does not grow with the
// board (issue 11). snapshotOf turns a state back into the wire snapshot, for tests and tools.

import { oldestFirst } from "./annotation-filter";
import {
  type AnnotationIndex,
  allAnnotations,
  indexAnnotations,
  removeAnnotation,
  upsertAnnotation,
} from "./annotation-index";
import {
  byName,
  byOccurredAt,
  type ContentState,
  contentOf,
  idOf,
  removeIndicator,
  removeKeyed,
  removeObservation,
  upsertIndicator,
  upsertKeyed,
  upsertObservation,
  userIdOf,
  withoutCitationsOf,
} from "./board-content";
import type { OpType, WireOp } from "./ops";
import { reanchoredAnnotations } from "./passage-anchors";
import type { WireAnnotation } from "./schemas/annotation";
import type { BoardSnapshot, WireBoard } from "./schemas/board";
import { pointsAt, type ReferencedEntity } from "./targets/target-kinds";

export type BoardState = ContentState & { board: WireBoard; annotations: AnnotationIndex };

export type LiveBoard = { seq: number; state: BoardState };

export type ApplyOutcome =
  | { status: "applied"; board: LiveBoard }
  | { status: "stale" }
  | { status: "gap"; expected: number }
  | { status: "unknown"; type: string };

/**
 * What applying a run of ops came to. `gap`: an op is missing, catch up with sinceSeq. `needsSnapshot`:
 * an op the client cannot apply itself (too big to carry, or of a type it does not know) was met, so
 * only a fresh snapshot is right.
 */
export type AppliedRun = { board: LiveBoard; gap: boolean; needsSnapshot: boolean };

/** The state a snapshot describes: the full build, which applying ops one by one must always equal. */
export function boardStateOf(snapshot: BoardSnapshot): BoardState {
  return { board: snapshot.board, ...contentOf(snapshot), annotations: indexAnnotations(snapshot.annotations) };
}

export function liveBoardOf(seq: number, snapshot: BoardSnapshot): LiveBoard {
  return { seq, state: boardStateOf(snapshot) };
}

/** The wire snapshot of a state; annotations oldest first. A full pass: not for the per-op path. */
export function snapshotOf(state: BoardState): BoardSnapshot {
  return {
    board: state.board,
    events: state.events.list,
    indicators: state.indicators.list,
    sources: state.sources.list,
    annotations: annotationsOf(state),
    members: state.members.list,
  };
}

/** Every annotation, oldest first. A full pass: for tools and tests, not for the per-op path. */
export function annotationsOf(state: BoardState): WireAnnotation[] {
  return allAnnotations(state.annotations).sort(oldestFirst);
}

export function applyOp(board: LiveBoard, op: WireOp): ApplyOutcome {
  if (op.seq <= board.seq) return { status: "stale" };
  if (op.seq !== board.seq + 1) return { status: "gap", expected: board.seq + 1 };
  const state = reduce(board.state, op);
  if (state === UNKNOWN_OP) return { status: "unknown", type: op.type };
  return { status: "applied", board: { seq: op.seq, state } };
}

/**
 * Applies a run of ops in seq order; skips those already applied and stops at the first gap or unknown
 * op, reporting it. Answers the same board object when nothing applied.
 */
export function applyOps(board: LiveBoard, ops: readonly WireOp[]): AppliedRun {
  let current = board;
  let needsSnapshot = false;
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    const outcome = applyOp(current, op);
    if (outcome.status === "gap") return { board: current, gap: true, needsSnapshot };
    if (outcome.status === "unknown") return { board: current, gap: false, needsSnapshot: true };
    if (outcome.status === "applied") {
      current = outcome.board;
      needsSnapshot ||= CARRIES_TOO_LITTLE.has(op.type);
    }
  }
  return { board: current, gap: false, needsSnapshot };
}

/** Known ops whose data the client cannot apply itself: it fetches a fresh snapshot after them. */
const CARRIES_TOO_LITTLE: ReadonlySet<string> = new Set<OpType>(["observations.imported"]);

/** What reduce answers for an op type this client does not know, in place of a state it cannot build. */
const UNKNOWN_OP = Symbol("unknown op");

function reduce(state: BoardState, op: WireOp): BoardState | typeof UNKNOWN_OP {
  switch (op.type) {
    case "annotation.created":
    case "annotation.updated":
    case "annotation.restored":
    case "annotation.resolved":
    case "annotation.reopened":
    case "annotation.attached":
      return withAnnotations(state, upsertAnnotation(state.annotations, op.data));
    case "annotation.deleted":
      return withAnnotations(state, removeAnnotation(state.annotations, op.data.id));
    case "board.updated":
      return { ...state, board: op.data };
    case "member.added":
    case "member.updated":
      return { ...state, members: upsertKeyed(state.members, op.data, userIdOf, byName) };
    case "member.removed":
      return { ...state, members: removeKeyed(state.members, op.data.userId, userIdOf) };
    case "event.created":
    case "event.updated":
      return { ...state, events: upsertKeyed(state.events, op.data, idOf, byOccurredAt) };
    case "event.deleted": {
      const pruned = withoutAnnotations(state, ANNOTATIONS_DELETED_WITH.event(state, op.data.id), op.data);
      const unlinked = withoutEvidenceFor(pruned, "event", new Set([op.data.id]));
      return { ...unlinked, events: removeKeyed(state.events, op.data.id, idOf) };
    }
    case "source.created":
    case "source.updated":
      return { ...state, sources: upsertKeyed(state.sources, op.data, idOf) };
    case "source.deleted": {
      const pruned = withoutAnnotations(state, ANNOTATIONS_DELETED_WITH.source(state, op.data.id), op.data);
      return { ...withoutCitationsOf(pruned, op.data.id), sources: removeKeyed(state.sources, op.data.id, idOf) };
    }
    case "source.revised": {
      const moved = reanchoredAnnotations((id) => state.annotations.byId.get(id), op.data);
      const annotations = moved.reduce(upsertAnnotation, state.annotations);
      return { ...withAnnotations(state, annotations), sources: upsertKeyed(state.sources, op.data.source, idOf) };
    }
    case "indicator.created":
    case "indicator.updated":
      return upsertIndicator(state, op.data);
    case "indicator.deleted": {
      const pruned = withoutAnnotations(state, ANNOTATIONS_DELETED_WITH.indicator(state, op.data.id), op.data);
      const observationIds = new Set(state.indicators.byId.get(op.data.id)?.observations.map(idOf));
      return removeIndicator(withoutEvidenceFor(pruned, "observation", observationIds), op.data.id);
    }
    case "observation.created":
    case "observation.updated":
      return upsertObservation(state, op.data);
    case "observation.deleted": {
      const { id, indicatorId } = op.data;
      const pruned = withoutAnnotations(state, ANNOTATIONS_DELETED_WITH.observation(state, id), op.data);
      return removeObservation(withoutEvidenceFor(pruned, "observation", new Set([id])), indicatorId, id);
    }
    case "observations.imported":
      // Too many rows to carry: the client takes a fresh snapshot after this op (CARRIES_TOO_LITTLE).
      return state;
    case "candidate.proposed":
    case "candidate.confirmed":
    case "candidate.rejected":
      // Candidates are per document, not in the snapshot: the document pane applies these (issue 15).
      return state;
    case "view.saved":
    case "view.deleted":
      // Saved views are not in the snapshot: the views menu applies these (issue 19).
      return state;
    default:
      return unknownOp(op);
  }
}

/**
 * Reached at run time only by an op from a newer server. Its parameter is `never`, so an op type added to
 * lib/ops.ts without a case above is a compile error here.
 */
function unknownOp(_op: never): typeof UNKNOWN_OP {
  return UNKNOWN_OP;
}

type Doomed = (annotation: WireAnnotation) => boolean;

/**
 * The annotations that go when an entity targets can reference is deleted, as the server's database
 * cascade takes them: the client drops them with the same op. Keyed by entity, so a new one a target can
 * point at is a compile error here until its deletion says what goes (and its op calls this).
 */
const ANNOTATIONS_DELETED_WITH: Record<ReferencedEntity, (state: BoardState, id: string) => Doomed> = {
  event: (_state, id) => onAny("event", new Set([id])),
  // An indicator takes its observations, and the annotations on them, with it.
  indicator: (state, id) => {
    const onIndicator = onAny("indicator", new Set([id]));
    const onObservations = onAny("observation", new Set(state.indicators.byId.get(id)?.observations.map(idOf)));
    return (annotation) => onIndicator(annotation) || onObservations(annotation);
  },
  observation: (_state, id) => onAny("observation", new Set([id])),
  source: (_state, id) => onAny("source", new Set([id])),
};

function onAny(entity: ReferencedEntity, ids: ReadonlySet<string>): Doomed {
  return ({ target }) => pointsAt(target, entity, ids);
}

function withAnnotations(state: BoardState, annotations: AnnotationIndex): BoardState {
  return annotations === state.annotations ? state : { ...state, annotations };
}

/**
 * Drops what the database's cascade took with a deleted fact: the annotations `doomed` picks, the replies in
 * their threads (the reply's foreign key to its thread, whatever the reply points at), and those the op names
 * (which covers replies whose thread's first annotation was deleted before, so this client never knew its
 * target; ops logged before the op carried `annotationIds` rely on the first two).
 */
function withoutAnnotations(state: BoardState, doomed: Doomed, deleted: { annotationIds?: string[] }): BoardState {
  const index = state.annotations;
  const ids = new Set(allAnnotations(index).flatMap((annotation) => (doomed(annotation) ? [annotation.id] : [])));
  for (const id of [...ids]) for (const reply of index.repliesOf.get(id) ?? []) ids.add(reply);
  for (const id of deleted.annotationIds ?? []) ids.add(id);
  return withAnnotations(state, [...ids].reduce(removeAnnotation, index));
}

/**
 * An evidence passage outlives the event or observation it was evidence for (the server's foreign key
 * sets its link null, issue 15): it stays, without `evidenceFor`. A full pass, as deletions are.
 */
function withoutEvidenceFor(state: BoardState, type: "event" | "observation", ids: ReadonlySet<string>): BoardState {
  const unlinked = allAnnotations(state.annotations)
    .filter(
      ({ evidenceFor }) => evidenceFor !== undefined && evidenceFor.type === type && ids.has(evidenceIdOf(evidenceFor)),
    )
    .map(({ evidenceFor: _evidenceFor, ...annotation }) => annotation);
  return withAnnotations(state, unlinked.reduce(upsertAnnotation, state.annotations));
}

function evidenceIdOf(evidenceFor: NonNullable<WireAnnotation["evidenceFor"]>): string {
  return evidenceFor.type === "event" ? evidenceFor.eventId : evidenceFor.observationId;
}
