// The board's facts on the wire: events, sources, indicators and observations. Creates carry a
// client-generated id (the idempotency key), as annotations do; updates carry only what changes.
import { z } from "zod";
import { LIMITS, ZDocumentText, ZInstant, ZText, ZUuid } from "./common";
import { ZPlace } from "./place";

const ZTitle = ZText.trim().min(1, "a title is required").max(LIMITS.title);
const ZLongText = ZText.trim().max(LIMITS.description);
const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
export const EVENT_CATEGORIES = ["military", "diplomatic", "economic", "political", "humanitarian"] as const;
export const INDICATOR_KINDS = ["count", "level", "boolean"] as const;

const onlyChanges = { message: "nothing to change" };
const hasChange = (update: Record<string, unknown>) =>
  Object.entries(update).some(([key, value]) => key !== "id" && key !== "boardId" && value !== undefined);

const eventFields = {
  title: ZTitle,
  occurredAt: ZInstant,
  endsAt: ZInstant.nullable(),
  category: z.enum(EVENT_CATEGORIES),
  /** Where it happened, with coordinates (issue 16); null when not known. */
  place: ZPlace.nullable(),
  description: ZLongText,
  sourceIds: z.array(ZUuid).max(50),
  /** NATO Admiralty code, as on observations: the source's reliability (A–F), the information's credibility (1–6). */
  sourceReliability: z.enum(RELIABILITY).nullable(),
  infoCredibility: z.number().int().min(1).max(6).nullable(),
};
export const endsAfterStart = (event: { occurredAt?: string; endsAt?: string | null }) =>
  !event.occurredAt || !event.endsAt || Date.parse(event.endsAt) >= Date.parse(event.occurredAt);

/** An event's create fields before the end-after-start check (zod cannot omit fields from a refined object). */
export const ZEventCreateFields = z.strictObject({
  id: ZUuid,
  boardId: ZUuid,
  ...eventFields,
  endsAt: eventFields.endsAt.default(null),
  place: eventFields.place.default(null),
  description: eventFields.description.default(""),
  sourceIds: eventFields.sourceIds.default([]),
  sourceReliability: eventFields.sourceReliability.default(null),
  infoCredibility: eventFields.infoCredibility.default(null),
});
export const ENDS_BEFORE_START = { message: "an event cannot end before it starts", path: ["endsAt"] };
export const ZEventCreate = ZEventCreateFields.refine(endsAfterStart, ENDS_BEFORE_START);
export type TEventCreateInput = z.input<typeof ZEventCreate>;

export const ZEventUpdate = z
  .strictObject({ id: ZUuid, boardId: ZUuid, ...z.object(eventFields).partial().shape })
  .refine(hasChange, onlyChanges)
  .refine(endsAfterStart, { message: "an event cannot end before it starts", path: ["endsAt"] });
export type TEventUpdate = z.infer<typeof ZEventUpdate>;
export type TEventUpdateInput = z.input<typeof ZEventUpdate>;

const sourceFields = {
  title: ZTitle,
  publisher: ZText.trim().max(LIMITS.title),
  publishedAt: ZInstant.nullable(),
  // ZText first: a URL parser takes NUL and lone surrogates (percent-encoding them), the stored text would not.
  url: ZText.pipe(z.url({ protocol: /^https?$/ }).max(2000)).nullable(),
  reliability: z.enum(RELIABILITY).nullable(),
};

/** A source created with text holds it as version 1 of its document; its text changes by source:revise. */
export const ZSourceCreate = z.strictObject({
  id: ZUuid,
  boardId: ZUuid,
  ...sourceFields,
  publisher: sourceFields.publisher.default(""),
  publishedAt: sourceFields.publishedAt.default(null),
  url: sourceFields.url.default(null),
  text: ZDocumentText.default(""),
  reliability: sourceFields.reliability.default(null),
});
export type TSourceCreateInput = z.input<typeof ZSourceCreate>;

export const ZSourceUpdate = z
  .strictObject({ id: ZUuid, boardId: ZUuid, ...z.object(sourceFields).partial().shape })
  .refine(hasChange, onlyChanges);
export type TSourceUpdateInput = z.input<typeof ZSourceUpdate>;

const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #4f8cc9");
const indicatorFields = {
  name: ZTitle,
  unit: ZText.trim().min(1).max(60),
  description: ZLongText,
  kind: z.enum(INDICATOR_KINDS),
  warnAbove: z.number().finite().nullable(),
  warnBelow: z.number().finite().nullable(),
  color: ZColor,
};

export const ZIndicatorCreate = z.strictObject({
  id: ZUuid,
  boardId: ZUuid,
  ...indicatorFields,
  description: indicatorFields.description.default(""),
  kind: indicatorFields.kind.default("count"),
  warnAbove: indicatorFields.warnAbove.default(null),
  warnBelow: indicatorFields.warnBelow.default(null),
  color: indicatorFields.color.default("#4f8cc9"),
});
export type TIndicatorCreateInput = z.input<typeof ZIndicatorCreate>;

export const ZIndicatorUpdate = z
  .strictObject({ id: ZUuid, boardId: ZUuid, ...z.object(indicatorFields).partial().shape })
  .refine(hasChange, onlyChanges);
export type TIndicatorUpdateInput = z.input<typeof ZIndicatorUpdate>;

const observationFields = {
  observedAt: ZInstant,
  value: z.number().finite(),
  sourceId: ZUuid.nullable(),
  /** NATO Admiralty code: reliability of the source (A–F) and credibility of the information (1–6). */
  sourceReliability: z.enum(RELIABILITY).nullable(),
  infoCredibility: z.number().int().min(1).max(6).nullable(),
  note: ZText.trim().max(LIMITS.description),
};

export const ZObservationCreate = z.strictObject({
  id: ZUuid,
  boardId: ZUuid,
  indicatorId: ZUuid,
  ...observationFields,
  sourceId: observationFields.sourceId.default(null),
  sourceReliability: observationFields.sourceReliability.default(null),
  infoCredibility: observationFields.infoCredibility.default(null),
  note: observationFields.note.default(""),
});
export type TObservationCreateInput = z.input<typeof ZObservationCreate>;

export const ZObservationUpdate = z
  .strictObject({ id: ZUuid, boardId: ZUuid, ...z.object(observationFields).partial().shape })
  .refine(hasChange, onlyChanges);
export type TObservationUpdateInput = z.input<typeof ZObservationUpdate>;

/** Names one thing on a board: deletes and history take this. */
export const ZContentRef = z.strictObject({ id: ZUuid, boardId: ZUuid });
export type TContentRef = z.infer<typeof ZContentRef>;
export type TContentRefInput = z.input<typeof ZContentRef>;
