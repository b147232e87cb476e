// The first client reducer, over plain arrays, kept as the definition of what each op does to a
// snapshot: the normalized state (lib/board-state.ts) must always equal a full build from the snapshot
// this gives (tests/unit/board-state-properties.test.ts).
import type { WireOp } from "@/lib/ops";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";

export function referenceReduce(snapshot: BoardSnapshot, op: WireOp): BoardSnapshot {
  switch (op.type) {
    case "annotation.created":
    case "annotation.updated":
    case "annotation.restored":
    case "annotation.resolved":
    case "annotation.reopened":
    case "annotation.attached": {
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
        annotations: cascade(
          snapshot.annotations,
          (a) => a.target.type === "event" && a.target.eventId === op.data.id,
          op.data,
        ).map((a) => (a.evidenceFor?.type === "event" && a.evidenceFor.eventId === op.data.id ? unlinked(a) : a)),
      };
    case "source.created":
    case "source.updated":
      return { ...snapshot, sources: upsert(snapshot.sources, op.data) };
    case "source.deleted":
      return {
        ...snapshot,
        sources: snapshot.sources.filter((source) => source.id !== op.data.id),
        // The database drops the events' links to it and sets their figures' source null.
        events: snapshot.events.map((event) => ({
          ...event,
          sourceIds: event.sourceIds.filter((id) => id !== op.data.id),
        })),
        indicators: snapshot.indicators.map((indicator) => ({
          ...indicator,
          observations: indicator.observations.map((figure) =>
            figure.sourceId === op.data.id ? { ...figure, sourceId: null } : figure,
          ),
        })),
        annotations: cascade(
          snapshot.annotations,
          (a) => "sourceId" in a.target && a.target.sourceId === op.data.id,
          op.data,
        ),
      };
    case "source.revised": {
      const anchors = new Map(op.data.anchors.map((anchor) => [anchor.annotationId, anchor]));
      return {
        ...snapshot,
        sources: upsert(snapshot.sources, op.data.source),
        annotations: snapshot.annotations.map((annotation) => {
          const moved = anchors.get(annotation.id);
          if (!moved) return annotation;
          const anchor =
            moved.status === "anchored"
              ? { status: "anchored" as const, version: op.data.version, start: moved.start, end: moved.end }
              : { status: "orphaned" as const, version: op.data.version };
          return { ...annotation, anchor };
        }),
      };
    }
    case "indicator.created":
    case "indicator.updated": {
      const existing = snapshot.indicators.find((indicator) => indicator.id === op.data.id);
      return {
        ...snapshot,
        indicators: upsert(snapshot.indicators, { ...op.data, observations: existing?.observations ?? [] }),
      };
    }
    case "indicator.deleted": {
      // The database cascades to the indicator's observations and to the annotations on any of them.
      const observationIds = new Set(
        snapshot.indicators
          .find((indicator) => indicator.id === op.data.id)
          ?.observations.map((observation) => observation.id) ?? [],
      );
      return {
        ...snapshot,
        indicators: snapshot.indicators.filter((indicator) => indicator.id !== op.data.id),
        annotations: cascade(
          snapshot.annotations,
          (a) =>
            ((a.target.type === "indicator" || a.target.type === "indicator-range") &&
              a.target.indicatorId === op.data.id) ||
            (a.target.type === "observation" && observationIds.has(a.target.observationId)),
          op.data,
        ).map((a) =>
          a.evidenceFor?.type === "observation" && observationIds.has(a.evidenceFor.observationId) ? unlinked(a) : a,
        ),
      };
    }
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
        annotations: cascade(
          snapshot.annotations,
          (a) => a.target.type === "observation" && a.target.observationId === op.data.id,
          op.data,
        ).map((a) =>
          a.evidenceFor?.type === "observation" && a.evidenceFor.observationId === op.data.id ? unlinked(a) : a,
        ),
      };
    case "observations.imported":
      // Too many rows to carry: the client takes a fresh snapshot when it sees this op (needsSnapshot).
      return snapshot;
    case "candidate.proposed":
    case "candidate.confirmed":
    case "candidate.rejected":
      // Candidates are per document, not part of the snapshot.
      return snapshot;
    case "view.saved":
    case "view.deleted":
      // Saved views are board settings, not part of the snapshot.
      return snapshot;
  }
}

/**
 * What the database deletes with a fact: the annotations on it, every reply in their threads (whatever the
 * reply points at), and whatever else the op names.
 */
function cascade(
  annotations: WireAnnotation[],
  on: (annotation: WireAnnotation) => boolean,
  deleted: { annotationIds?: string[] },
): WireAnnotation[] {
  const gone = new Set([...annotations.filter(on).map(({ id }) => id), ...(deleted.annotationIds ?? [])]);
  return annotations.filter(({ id, parentId }) => !gone.has(id) && !(parentId !== null && gone.has(parentId)));
}

/** An evidence passage whose event or observation was deleted stays, without its link (a null foreign key). */
function unlinked({ evidenceFor: _evidenceFor, ...annotation }: WireAnnotation): WireAnnotation {
  return annotation;
}

function upsert<T extends { id: string }>(items: T[], item: T): T[] {
  return [...items.filter((existing) => existing.id !== item.id), item];
}
