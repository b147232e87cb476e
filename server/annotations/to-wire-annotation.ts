// Maps a stored annotation row to the shape clients see (the target rebuilt from its columns).
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import type { Annotation } from "../db/generated/client";

const PERSON = { select: { id: true, name: true } } as const;

/** What every annotation read includes, so toWireAnnotation has all it needs. */
export const ANNOTATION_INCLUDE = {
  author: PERSON,
  resolvedBy: PERSON,
  mentions: { select: { user: PERSON }, orderBy: { createdAt: "asc" } },
} as const;

type Person = { id: string; name: string };

export type AnnotationRow = Annotation & { author: Person; resolvedBy: Person | null; mentions: { user: Person }[] };

export function toWireAnnotation(row: AnnotationRow): WireAnnotation {
  return {
    id: row.id,
    boardId: row.boardId,
    author: { id: row.author.id, name: row.author.name },
    target: targetOf(row),
    body: row.body,
    kind: row.kind,
    confidence: row.confidence,
    tags: row.tags,
    parentId: row.parentId,
    version: row.version,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy ? { id: row.resolvedBy.id, name: row.resolvedBy.name } : null,
    automatic: row.automatic,
    mentions: row.mentions.map(({ user }) => ({ id: user.id, name: user.name })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function targetOf(row: Annotation): TAnnotationTarget {
  switch (row.targetType) {
    case "board":
      return { type: "board" };
    case "event":
      return { type: "event", eventId: required(row.eventId, row) };
    case "indicator":
      return {
        type: "indicator",
        indicatorId: required(row.indicatorId, row),
        at: required(row.at, row).toISOString(),
      };
    case "indicator_range":
      return {
        type: "indicator-range",
        indicatorId: required(row.indicatorId, row),
        from: required(row.rangeFrom, row).toISOString(),
        to: required(row.rangeTo, row).toISOString(),
      };
    case "observation":
      return { type: "observation", observationId: required(row.observationId, row) };
  }
}

function required<T>(value: T | null, row: Annotation): T {
  if (value === null) throw new Error(`Annotation ${row.id} lacks a column its ${row.targetType} target needs`);
  return value;
}
