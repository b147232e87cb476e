// Maps a stored annotation row to the shape clients see (the target rebuilt from its columns).
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";
import type { WireAnchor } from "@/lib/schemas/document";
import type { Annotation } from "../db/generated/client";
import { SERVER_TARGET_KIND_BY_STORED, SERVER_TARGET_KINDS } from "./target-kinds";

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
    ...anchorOf(row),
    ...evidenceOf(row),
  };
}

/** What a confirmed candidate's evidence passage is evidence for (issue 15); nothing on every other annotation. */
function evidenceOf(row: Annotation): Pick<WireAnnotation, "evidenceFor"> {
  if (row.evidenceEventId !== null) return { evidenceFor: { type: "event", eventId: row.evidenceEventId } };
  if (row.evidenceObservationId !== null)
    return { evidenceFor: { type: "observation", observationId: row.evidenceObservationId } };
  return {};
}

/** A passage's place in its source's current version; nothing for other kinds (docs/realtime.md). */
function anchorOf(row: Annotation): { anchor?: WireAnchor } {
  if (row.anchorVersion === null) return {};
  if (row.anchorStart === null || row.anchorEnd === null)
    return { anchor: { status: "orphaned", version: row.anchorVersion } };
  return { anchor: { status: "anchored", version: row.anchorVersion, start: row.anchorStart, end: row.anchorEnd } };
}

function targetOf(row: Annotation): TAnnotationTarget {
  const type = SERVER_TARGET_KIND_BY_STORED.get(row.targetType);
  if (!type) throw new Error(`Annotation ${row.id} has a target type no kind stores: ${row.targetType}`);
  return SERVER_TARGET_KINDS[type].fromRow(row, (value) => {
    if (value === null) throw new Error(`Annotation ${row.id} lacks a column its ${row.targetType} target needs`);
    return value;
  });
}
