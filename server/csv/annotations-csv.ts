// The annotations CSV from a board snapshot: runs in a worker thread (server/workers/). Who wrote what,
// when, about what (in the words the board panel uses, and as ids), and where it stands in its thread.
import { describeTarget } from "@/lib/describe-target";
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { referenceOf } from "@/lib/targets/target-kinds";
import { serverTargetKindOf } from "../annotations/target-kinds";
import { LIST_SEPARATOR } from "./events-csv";
import { csvText } from "./write-csv";

export const ANNOTATIONS_CSV_HEADER = [
  "id",
  "created_at",
  "author",
  "kind",
  "confidence",
  "target",
  "target_type",
  "target_id",
  "target_time",
  "text",
  "tags",
  "parent_id",
  "resolved_at",
  "resolved_by",
  // Passage notes only (issue 14): the quoted text, and whether it is still found in the current version.
  "quote",
  "anchor_status",
] as const;

/** The file from the snapshot's JSON text, which is parsed here, in the worker. */
export function annotationsCsvFromJson(snapshotJson: string): Iterable<string> {
  return annotationsCsvText(JSON.parse(snapshotJson) as BoardSnapshot);
}

export function annotationsCsvText(snapshot: BoardSnapshot): Iterable<string> {
  const described = withTargetedObservationsOnly(snapshot);
  const rows = snapshot.annotations.map((annotation) => [
    annotation.id,
    annotation.createdAt,
    annotation.author.name,
    annotation.kind,
    annotation.confidence,
    describeTarget(annotation.target, described),
    annotation.target.type,
    targetId(annotation.target),
    targetTime(annotation.target),
    annotation.body,
    annotation.tags.join(LIST_SEPARATOR),
    annotation.parentId,
    annotation.resolvedAt,
    annotation.resolvedBy?.name ?? null,
    annotation.target.type === "source-span" ? annotation.target.exact : null,
    annotation.anchor?.status ?? null,
  ]);
  return csvText(ANNOTATIONS_CSV_HEADER, rows);
}

/** describeTarget scans every observation per annotation; after a bulk import that is 10^5 each. */
function withTargetedObservationsOnly(snapshot: BoardSnapshot): BoardSnapshot {
  const targeted = new Set(
    snapshot.annotations.flatMap(({ target }) => {
      const reference = referenceOf(target);
      return reference?.entity === "observation" ? [reference.id] : [];
    }),
  );
  return {
    ...snapshot,
    indicators: snapshot.indicators.map((indicator) => ({
      ...indicator,
      observations: indicator.observations.filter((observation) => targeted.has(observation.id)),
    })),
  };
}

/** The id of what the target points at (lib/targets/target-kinds.ts); empty for the board. */
function targetId(target: TAnnotationTarget): string | null {
  return referenceOf(target)?.id ?? null;
}

/** A point as an ISO 8601 instant, a range as an ISO 8601 interval ("from/to"): each kind's csvTime. */
function targetTime(target: TAnnotationTarget): string | null {
  return serverTargetKindOf(target).csvTime(target);
}
