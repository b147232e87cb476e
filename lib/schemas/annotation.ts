// Annotations on the wire: the create payload, its target union, and the annotation as clients see it.
import { z } from "zod";
import { LIMITS, ZInstant, ZText, ZUuid } from "./common";

export const ANNOTATION_KINDS = ["note", "assessment", "question", "warning"] as const;
export const CONFIDENCE_LEVELS = ["low", "moderate", "high"] as const;

export const ZAnnotationTarget = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("board") }),
  z.strictObject({ type: z.literal("event"), eventId: ZUuid }),
  z.strictObject({ type: z.literal("indicator"), indicatorId: ZUuid, at: ZInstant }),
  z
    .strictObject({ type: z.literal("indicator-range"), indicatorId: ZUuid, from: ZInstant, to: ZInstant })
    .refine((range) => Date.parse(range.from) <= Date.parse(range.to), {
      message: "the range must not end before it starts",
      path: ["to"],
    }),
  z.strictObject({ type: z.literal("observation"), observationId: ZUuid }),
]);
export type TAnnotationTarget = z.infer<typeof ZAnnotationTarget>;

const ZTag = ZText.trim()
  .min(1, "a tag cannot be empty")
  .max(LIMITS.tagLength, `a tag has at most ${LIMITS.tagLength} characters`);

export const ZAnnotationCreate = z.strictObject({
  /** Client-generated; the idempotency key. A retry with the same id returns the first result. */
  id: ZUuid,
  boardId: ZUuid,
  target: ZAnnotationTarget,
  body: ZText.trim()
    .min(1, "the annotation is empty")
    .max(LIMITS.annotationBody, `an annotation has at most ${LIMITS.annotationBody} characters`),
  kind: z.enum(ANNOTATION_KINDS).default("note"),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  tags: z.array(ZTag).max(LIMITS.tagCount, `at most ${LIMITS.tagCount} tags`).default([]),
  parentId: ZUuid.optional(),
});
export type TAnnotationCreateInput = z.input<typeof ZAnnotationCreate>;
export type TAnnotationCreate = z.output<typeof ZAnnotationCreate>;

export const ZAnnotationUpdate = z
  .strictObject({
    id: ZUuid,
    boardId: ZUuid,
    /** The version the edit was based on; a stale one is answered CONFLICT with the current annotation. */
    expectedVersion: z.number().int().positive(),
    body: ZAnnotationCreate.shape.body.optional(),
    kind: z.enum(ANNOTATION_KINDS).optional(),
    confidence: z.enum(CONFIDENCE_LEVELS).nullable().optional(),
    tags: ZAnnotationCreate.shape.tags.unwrap().optional(),
  })
  .refine((update) => [update.body, update.kind, update.confidence, update.tags].some((value) => value !== undefined), {
    message: "nothing to change",
  });
export type TAnnotationUpdate = z.infer<typeof ZAnnotationUpdate>;

export const ZAnnotationDelete = z.strictObject({ id: ZUuid, boardId: ZUuid });
export type TAnnotationDelete = z.infer<typeof ZAnnotationDelete>;

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
  createdAt: string;
  updatedAt: string;
};
