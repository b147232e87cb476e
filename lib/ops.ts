// The op log on the wire. Each op type names the data it carries; clients apply ops in seq order.
import type { WireAnnotation } from "./schemas/annotation";
import type { WireBoard, WireEvent, WireIndicator, WireMember, WireObservation, WireSource } from "./schemas/board";
import type { WireCandidate } from "./schemas/candidate";
import type { SourceRevised } from "./schemas/document";
import type { WireSavedView } from "./schemas/shift";

/**
 * A deleted board fact. `annotationIds` names the live annotations the database deleted with it (those on it
 * and every reply in their threads); ops logged before it was added lack it.
 */
type FactDeleted = { id: string; annotationIds?: string[] };

export type OpDataByType = {
  "annotation.created": WireAnnotation;
  "annotation.updated": WireAnnotation;
  "annotation.deleted": { id: string; deletedBy: { id: string; name: string } };
  "annotation.restored": WireAnnotation;
  "annotation.resolved": WireAnnotation;
  "annotation.reopened": WireAnnotation;
  /** A passage annotation put on a new span of its source's current version by hand. */
  "annotation.attached": WireAnnotation;
  "board.updated": WireBoard;
  "member.added": WireMember;
  "member.updated": WireMember;
  "member.removed": { userId: string };
  "event.created": WireEvent;
  "event.updated": WireEvent;
  "event.deleted": FactDeleted;
  "source.created": WireSource;
  "source.updated": WireSource;
  "source.deleted": FactDeleted;
  /** A new version of the source's document, with where every passage annotation on it now is. */
  "source.revised": SourceRevised;
  /** An indicator's definition (its observations travel in their own ops). */
  "indicator.created": Omit<WireIndicator, "observations">;
  "indicator.updated": Omit<WireIndicator, "observations">;
  "indicator.deleted": FactDeleted;
  "observation.created": WireObservation;
  "observation.updated": WireObservation;
  "observation.deleted": FactDeleted & { indicatorId: string };
  /** Extraction proposed these (new) candidates from one version of a source's document (issue 15). */
  /**
   * `candidates` is absent when there are more than CANDIDATES_IN_OP: a long report gives thousands (megabytes
   * sent to every watcher and kept in the log), so a client showing that document loads them with
   * source:candidates instead.
   */
  "candidate.proposed": { sourceId: string; version: number; count: number; candidates?: WireCandidate[] };
  /** An analyst confirmed it: the event or observation and its evidence annotation travel in their own ops. */
  "candidate.confirmed": WireCandidate;
  "candidate.rejected": WireCandidate;
  /** A bulk import: too many rows for one op, so clients fetch a fresh snapshot. */
  "observations.imported": { indicatorIds: string[]; count: number };
  /** A saved view (issue 19): board settings, not in the snapshot; the views menu applies these. */
  "view.saved": WireSavedView;
  "view.deleted": { id: string };
};

export type OpType = keyof OpDataByType;

export type WireOp<T extends OpType = OpType> = {
  [K in T]: { boardId: string; seq: number; type: K; actorId: string | null; at: string; data: OpDataByType[K] };
}[T];

/** The annotations a deleted fact's op names as gone with it; none for other ops and for older deleted ops. */
export function annotationsRemovedWith(op: WireOp): readonly string[] {
  switch (op.type) {
    case "event.deleted":
    case "source.deleted":
    case "indicator.deleted":
    case "observation.deleted":
      return op.data.annotationIds ?? [];
    default:
      return [];
  }
}
