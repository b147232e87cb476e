// Annotations on the wire: the create payload, its target union, and the annotation as clients see it.
import { z } from "zod";
import { LIMITS, ZInstant, ZText, ZUuid } from "./common";
import { ZLatitude, ZLongitude, ZPlaceLabel } from "./place";
import { SPAN_OUT_OF_ORDER, spanInOrder, type WireAnchor, ZQuote, ZSpan } from "./passage";

export const ANNOTATION_KINDS = ["note", "assessment", "question", "warning"] as const;
export const CONFIDENCE_LEVELS = ["low", "moderate", "high"] as const;

// Each kind of target on its own, for lib/targets/target-kinds.ts; a new kind joins the union below and
// then that table (docs/architecture.md, "Adding a target kind").
export const ZBoardTarget = z.strictObject({ type: z.literal("board") });
export const ZEventTarget = z.strictObject({ type: z.literal("event"), eventId: ZUuid });
export const ZIndicatorTarget = z.strictObject({ type: z.literal("indicator"), indicatorId: ZUuid, at: ZInstant });
export const ZIndicatorRangeTarget = z
  .strictObject({ type: z.literal("indicator-range"), indicatorId: ZUuid, from: ZInstant, to: ZInstant })
  .refine((range) => Date.parse(range.from) <= Date.parse(range.to), {
    message: "the range must not end before it starts",
    path: ["to"],
  });
export const ZObservationTarget = z.strictObject({ type: z.literal("observation"), observationId: ZUuid });
/** A passage of a source's document: `exact` is version `version`'s text at start..end (UTF-16 code units). */
export const ZSourceSpanTarget = z
  .strictObject({
    type: z.literal("source-span"),
    sourceId: ZUuid,
    version: z.number().int().min(1),
    ...ZSpan,
    exact: ZQuote,
  })
  .refine(spanInOrder, SPAN_OUT_OF_ORDER)
  .refine((span) => span.exact.length === span.end - span.start, {
    message: "the quote's length is not end − start",
    path: ["exact"],
  });

/** A free point on the map (issue 16), not an event: its coordinates and what the analyst calls it. */
export const ZPlaceTarget = z.strictObject({
  type: z.literal("place"),
  lon: ZLongitude,
  lat: ZLatitude,
  label: ZPlaceLabel,
});

export const ZAnnotationTarget = z.discriminatedUnion("type", [
  ZBoardTarget,
  ZEventTarget,
  ZIndicatorTarget,
  ZIndicatorRangeTarget,
  ZObservationTarget,
  ZSourceSpanTarget,
  ZPlaceTarget,
]);
export type TAnnotationTarget = z.infer<typeof ZAnnotationTarget>;

const ZTag = ZText.trim()
  .min(1, "a tag cannot be empty")
  .max(LIMITS.tagLength, `a tag has at most ${LIMITS.tagLength} characters`);
const ZTags = z.array(ZTag).max(LIMITS.tagCount, `at most ${LIMITS.tagCount} tags`);
const ZBody = ZText.trim()
  .min(1, "the annotation is empty")
  .max(LIMITS.annotationBody, `an annotation has at most ${LIMITS.annotationBody} characters`);

/** Analytic standards: an assessment states how confident it is. */
const CONFIDENCE_REQUIRED = {
  message: "an assessment needs a confidence (low, moderate or high)",
  path: ["confidence"],
};

export const ZAnnotationCreate = z
  .strictObject({
    /** Client-generated; the idempotency key. A retry with the same id returns the first result. */
    id: ZUuid,
    boardId: ZUuid,
    target: ZAnnotationTarget,
    body: ZBody,
    kind: z.enum(ANNOTATION_KINDS).default("note"),
    confidence: z.enum(CONFIDENCE_LEVELS).optional(),
    tags: ZTags.default([]),
    /** Makes this a reply in the thread of that (top-level) annotation. */
    parentId: ZUuid.optional(),
  })
  .refine((create) => create.kind !== "assessment" || create.confidence !== undefined, CONFIDENCE_REQUIRED);
export type TAnnotationCreateInput = z.input<typeof ZAnnotationCreate>;
export type TAnnotationCreate = z.output<typeof ZAnnotationCreate>;

export const ZAnnotationUpdate = z
  .strictObject({
    id: ZUuid,
    boardId: ZUuid,
    /** The version the edit was based on; a stale one is answered CONFLICT with the current annotation. */
    expectedVersion: z.number().int().positive(),
    body: ZBody.optional(),
    kind: z.enum(ANNOTATION_KINDS).optional(),
    confidence: z.enum(CONFIDENCE_LEVELS).nullable().optional(),
    tags: ZTags.optional(),
  })
  .refine((update) => [update.body, update.kind, update.confidence, update.tags].some((value) => value !== undefined), {
    message: "nothing to change",
  });
export type TAnnotationUpdate = z.infer<typeof ZAnnotationUpdate>;
export type TAnnotationUpdateInput = z.input<typeof ZAnnotationUpdate>;

/** Names one annotation: delete, restore, resolve, reopen and history all take this. */
export const ZAnnotationRef = z.strictObject({ id: ZUuid, boardId: ZUuid });
export type TAnnotationRef = z.infer<typeof ZAnnotationRef>;
export type TAnnotationRefInput = z.input<typeof ZAnnotationRef>;
export const ZAnnotationDelete = ZAnnotationRef;
export type TAnnotationDelete = TAnnotationRef;

export type WireRevision = {
  version: number;
  body: string;
  kind: (typeof ANNOTATION_KINDS)[number];
  confidence: (typeof CONFIDENCE_LEVELS)[number] | null;
  tags: string[];
  editedBy: { id: string; name: string } | null;
  editedAt: string;
};

export type WireAnnotation = {
  id: string;
  boardId: string;
  author: { id: string; name: string };
  target: TAnnotationTarget;
  body: string;
  kind: (typeof ANNOTATION_KINDS)[number];
  confidence: (typeof CONFIDENCE_LEVELS)[number] | null;
  tags: string[];
  parentId: string | null;
  version: number;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  /** Written by Watchfloor (a threshold warning) on behalf of the author. */
  automatic: boolean;
  /** Board members named with @ in the body. */
  mentions: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
  /** A passage annotation's place in its source's current version (issue 14); absent on every other kind. */
  anchor?: WireAnchor;
  /**
   * Set on the passage annotation a confirmed candidate left as the evidence of the event or observation
   * it became (issue 15); absent on every other annotation.
   */
  evidenceFor?: { type: "event"; eventId: string } | { type: "observation"; observationId: string };
};
