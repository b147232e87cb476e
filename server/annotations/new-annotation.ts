// An annotation about to be written, as clients will see it once stored: built by the same mapping a read
// of the row goes through (toWireAnnotation), so the op a writer logs equals what a later read answers.
// Every writer (socket create, W3C import, threshold warning, seed) builds its annotations here and hands
// them to insert-annotation-batch.ts.
import type { TAnnotationCreate, WireAnnotation } from "@/lib/schemas/annotation";
import type { PassageFacts } from "../documents/passage-check";
import type { MemberName } from "./find-mentions";
import { targetColumns } from "./target-columns";
import { toWireAnnotation } from "./to-wire-annotation";

export type NewAnnotation = {
  annotation: WireAnnotation;
  mentionedUserIds: string[];
  /** Who the annotation.created op is by: the author, unless named (an import logs the importing analyst). */
  opActorId: string;
  /** A passage's context and anchor, which the server derives from the stored document (passage-check.ts). */
  passage: PassageFacts | null;
};

export function newAnnotation(draft: {
  create: Pick<TAnnotationCreate, "id" | "boardId" | "target" | "body" | "kind" | "tags"> &
    Partial<Pick<TAnnotationCreate, "confidence" | "parentId">>;
  author: MemberName;
  mentioned: MemberName[];
  createdAt: Date;
  /** Defaults to createdAt: a new annotation was last changed when it was written. */
  updatedAt?: Date;
  resolved?: { at: Date; by: MemberName | null };
  /** Written by Watchfloor itself (a threshold warning). */
  automatic?: boolean;
  opActorId?: string;
  passage?: PassageFacts;
  /** A confirmed candidate's evidence passage: the event or observation it is evidence for (issue 15). */
  evidenceFor?: WireAnnotation["evidenceFor"];
}): NewAnnotation {
  const { create, author, mentioned, createdAt, resolved } = draft;
  const annotation = toWireAnnotation({
    id: create.id,
    boardId: create.boardId,
    authorId: author.id,
    ...targetColumns(create.target),
    ...draft.passage,
    body: create.body,
    kind: create.kind,
    confidence: create.confidence ?? null,
    tags: create.tags,
    parentId: create.parentId ?? null,
    version: 1,
    resolvedAt: resolved?.at ?? null,
    resolvedById: resolved?.by?.id ?? null,
    createdAt,
    updatedAt: draft.updatedAt ?? createdAt,
    deletedAt: null,
    deletedById: null,
    automatic: draft.automatic ?? false,
    ...evidenceColumns(draft.evidenceFor),
    author,
    resolvedBy: resolved?.by ?? null,
    mentions: mentioned.map((user) => ({ user })),
  });
  return {
    annotation,
    mentionedUserIds: mentioned.map((member) => member.id),
    opActorId: draft.opActorId ?? author.id,
    passage: draft.passage ?? null,
  };
}

/** The evidence columns (issue 15), the inverse of to-wire-annotation.ts' evidenceOf. */
export function evidenceColumns(evidenceFor: WireAnnotation["evidenceFor"]): {
  evidenceEventId: string | null;
  evidenceObservationId: string | null;
} {
  return {
    evidenceEventId: evidenceFor?.type === "event" ? evidenceFor.eventId : null,
    evidenceObservationId: evidenceFor?.type === "observation" ? evidenceFor.observationId : null,
  };
}
