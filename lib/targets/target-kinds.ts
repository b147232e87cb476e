// What browser and server know about each kind of annotation target, in one table keyed by the target's
// type: a new kind in ZAnnotationTarget is a compile error here until it has its entry (issue 13;
// docs/architecture.md, "Adding a target kind"). The server's half is server/annotations/target-kinds.ts.
import type { z } from "zod";
import type { MarkedIndicator, MarkerPlace } from "@/lib/charts/marker-place-type";
import {
  type TAnnotationTarget,
  ZBoardTarget,
  ZEventTarget,
  ZIndicatorRangeTarget,
  ZIndicatorTarget,
  ZObservationTarget,
  ZPlaceTarget,
  ZSourceSpanTarget,
} from "@/lib/schemas/annotation";
import { coordinatesText } from "@/lib/targets/coordinates-text";
import type { TargetIndex } from "@/lib/targets/target-index-type";
import { formatUtc } from "@/lib/time";

export type TargetType = TAnnotationTarget["type"];
export type TargetOf<T extends TargetType> = Extract<TAnnotationTarget, { type: T }>;

/** The board entities a target can point at; the server checks each one's id is on the board. */
export const REFERENCED_ENTITIES = ["event", "indicator", "observation", "source"] as const;
export type ReferencedEntity = (typeof REFERENCED_ENTITIES)[number];

/** Which entity a target points at, and the field of the target that holds its id. */
export type TargetReference<T extends TargetType> = {
  entity: ReferencedEntity;
  field: { [K in keyof TargetOf<T>]: TargetOf<T>[K] extends string ? K : never }[keyof TargetOf<T>] & string;
};

export type TargetDescriptor<T extends TargetType> = {
  /** The kind's member of ZAnnotationTarget. */
  schema: z.ZodType<TargetOf<T>>;
  /** What the annotation panel's filter calls annotations on this kind. */
  label: string;
  /** One line on what the kind is, for documentation and tooltips. */
  description: string;
  /** The entity it points at; null for a target on the board as a whole. */
  references: TargetReference<T> | null;
  /** The indicator whose chart tallies it (lib/annotation-index.ts `onIndicator`); null when none. */
  indicatorOf: (target: TargetOf<T>) => string | null;
  /** In words, as the panel, the composer, the activity feed and the CSV export say it. */
  describe: (target: TargetOf<T>, index: TargetIndex) => string;
  /** Where it is drawn on one indicator's chart, live and exported (lib/charts/annotation-markers.ts); null when not. */
  chartPlace: (target: TargetOf<T>, indicator: MarkedIndicator) => MarkerPlace | null;
};

/** How much of a quote a one-line description (the activity feed's among them) shows, about. */
const QUOTE_SHOWN = 30;
/** The quote's start, cut after a whole word when one ends in the last third, never inside a surrogate pair. */
const shortQuote = (exact: string) => {
  const flat = exact.replace(/\s+/g, " ").trim();
  if (flat.length <= QUOTE_SHOWN + 1) return flat;
  let cut = flat.slice(0, QUOTE_SHOWN + 1).lastIndexOf(" ");
  if (cut < (QUOTE_SHOWN * 2) / 3)
    cut = /[\uD800-\uDBFF]/.test(flat.charAt(QUOTE_SHOWN - 1)) ? QUOTE_SHOWN - 1 : QUOTE_SHOWN;
  return `${flat.slice(0, cut).trimEnd()}…`;
};

const indicatorName = (indicator: { name: string } | undefined) => indicator?.name ?? "an indicator";

export const TARGET_KINDS: { [T in TargetType]: TargetDescriptor<T> } = {
  board: {
    schema: ZBoardTarget,
    label: "The board",
    description: "the board as a whole",
    references: null,
    indicatorOf: () => null,
    describe: () => "the board",
    chartPlace: () => null,
  },
  event: {
    schema: ZEventTarget,
    label: "Events",
    description: "one event on the timeline",
    references: { entity: "event", field: "eventId" },
    indicatorOf: () => null,
    describe: (target, index) => index.event(target.eventId)?.title ?? "an event",
    chartPlace: () => null,
  },
  indicator: {
    schema: ZIndicatorTarget,
    label: "Indicator points",
    description: "an indicator at one instant",
    references: { entity: "indicator", field: "indicatorId" },
    indicatorOf: (target) => target.indicatorId,
    describe: (target, index) => `${indicatorName(index.indicator(target.indicatorId))} at ${formatUtc(target.at)}`,
    chartPlace: (target, indicator) =>
      target.indicatorId === indicator.id ? { type: "point", t: Date.parse(target.at), observation: null } : null,
  },
  "indicator-range": {
    schema: ZIndicatorRangeTarget,
    label: "Indicator ranges",
    description: "an indicator over a span of time",
    references: { entity: "indicator", field: "indicatorId" },
    indicatorOf: (target) => target.indicatorId,
    describe: (target, index) =>
      `${indicatorName(index.indicator(target.indicatorId))}, ${formatUtc(target.from)} – ${formatUtc(target.to)}`,
    chartPlace: (target, indicator) =>
      target.indicatorId === indicator.id
        ? { type: "range", from: Date.parse(target.from), to: Date.parse(target.to) }
        : null,
  },
  observation: {
    schema: ZObservationTarget,
    label: "Observations",
    description: "one figure of an indicator",
    references: { entity: "observation", field: "observationId" },
    indicatorOf: () => null,
    describe: (target, index) => {
      const found = index.observation(target.observationId);
      if (!found) return "an observation";
      const { indicator, observation } = found;
      return `${indicator.name}: ${observation.value} at ${formatUtc(observation.observedAt)}`;
    },
    chartPlace: (target, indicator) => {
      const observation = indicator.observation(target.observationId);
      return observation ? { type: "point", t: Date.parse(observation.observedAt), observation } : null;
    },
  },
  "source-span": {
    schema: ZSourceSpanTarget,
    label: "Passages",
    description: "a passage of a source's document",
    references: { entity: "source", field: "sourceId" },
    indicatorOf: () => null,
    describe: (target, index) =>
      `“${shortQuote(target.exact)}” in ${index.source(target.sourceId)?.title ?? "a source"}`,
    chartPlace: () => null,
  },
  place: {
    schema: ZPlaceTarget,
    label: "Places on the map",
    description: "a point on the map that is not an event",
    references: null,
    indicatorOf: () => null,
    describe: (target) => `${target.label} (${coordinatesText(target.lon, target.lat)})`,
    chartPlace: () => null,
  },
};

/** The target types in the table's order: the filter's canonical order. */
export const TARGET_TYPES = Object.keys(TARGET_KINDS) as TargetType[];

/** A target's own descriptor (the one cast the table needs: TypeScript cannot pair a key with its value). */
export function targetKindOf<T extends TargetType>(target: TargetOf<T>): TargetDescriptor<T> {
  return TARGET_KINDS[target.type as T] as TargetDescriptor<T>;
}

/** The entity a target points at and its id, or null for a target on the board as a whole. */
export function referenceOf(target: TAnnotationTarget): { entity: ReferencedEntity; id: string } | null {
  const reference = targetKindOf(target).references;
  if (!reference) return null;
  return { entity: reference.entity, id: (target as Record<string, unknown>)[reference.field] as string };
}

/** Whether the target points at this entity (used to drop the annotations on something deleted). */
export function pointsAt(target: TAnnotationTarget, entity: ReferencedEntity, ids: ReadonlySet<string>): boolean {
  const reference = referenceOf(target);
  return reference !== null && reference.entity === entity && ids.has(reference.id);
}
