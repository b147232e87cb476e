// What the server knows about each kind of annotation target, one entry per kind: how it is stored in
// the Annotation table's target columns and read back (by Prisma and by the snapshot SQL), how it travels
// in a W3C Web Annotation, its CSV time, and how the briefing PDF says and places it. The browser's half (schema, referenced entity, wording) is
// lib/targets/target-kinds.ts; whether the entity it references is on the board is find-target-problems.ts.
// A kind missing here is a compile error (docs/architecture.md, "Adding a target kind").

import type { BoardSnapshot, WireObservation } from "@/lib/schemas/board";
import { clockFragment, geoUri, MEDIA_FRAGMENTS, type WebAnnotationTarget } from "@/lib/schemas/web-annotation";
import { coordinatesText } from "@/lib/targets/coordinates-text";
import type { TargetOf, TargetType } from "@/lib/targets/target-kinds";
import { formatUtc } from "@/lib/time";
import type { Annotation, AnnotationTargetType } from "../db/generated/client";
import type { ParsedIri, WatchfloorIris } from "../w3c/iris";

/** The Annotation columns that hold a target besides targetType, with their SQL types (for raw inserts). */
export const TARGET_COLUMN_TYPES = {
  eventId: "uuid",
  indicatorId: "uuid",
  observationId: "uuid",
  at: "timestamp(3)",
  rangeFrom: "timestamp(3)",
  rangeTo: "timestamp(3)",
  sourceId: "uuid",
  sourceVersion: "int",
  quoteStart: "int",
  quoteEnd: "int",
  quoteExact: "text",
  // Derived by the server from the stored version, never sent by a client (server/documents/passage-check.ts).
  quotePrefix: "text",
  quoteSuffix: "text",
  anchorVersion: "int",
  anchorStart: "int",
  anchorEnd: "int",
  placeLon: "double precision",
  placeLat: "double precision",
  placeLabel: "text",
} as const;
export type TargetColumnName = keyof typeof TARGET_COLUMN_TYPES;
export type TargetColumns = Pick<Annotation, "targetType" | TargetColumnName>;

/**
 * A Web Annotation target as the importer reads it: a plain IRI, a SpecificResource with a clock time,
 * one with text selectors (a passage), or one whose source is a point on the earth (a geo URI).
 */
export type WebTargetReading =
  | { shape: "iri"; named: ParsedIri | null }
  | { shape: "resource"; named: ParsedIri | null; time: { from: string; to: string | null } | null }
  | {
      shape: "passage";
      named: ParsedIri | null;
      exact: string | null;
      position: { start: number; end: number } | null;
      version: number | null;
    }
  | { shape: "point"; longitude: number; latitude: number; label: string | null };

/** A passage's context as the server stored it (TextQuoteSelector prefix and suffix), when the caller has it. */
export type QuoteContext = { prefix: string; suffix: string };

/** Answers a column the row must have for its kind; throws when the row lacks it. */
type Required = <V>(value: V | null) => V;

export type ServerTargetDescriptor<T extends TargetType> = {
  /** Its value of Annotation.targetType (Prisma enums cannot hold "-"). */
  storedAs: AnnotationTargetType;
  /** The target columns it fills; every other target column is stored as null. */
  columns: (target: TargetOf<T>) => Partial<Pick<Annotation, TargetColumnName>>;
  /** The target rebuilt from its row (the inverse of `columns`). */
  fromRow: (row: Annotation, required: Required) => TargetOf<T>;
  /** The same in SQL, as a JSON object over the row alias `a`, for the snapshot (boards/snapshot-sql.ts). */
  snapshotJson: (iso: (column: string) => string) => string;
  /** As a W3C Web Annotation target (w3c/to-web-annotation.ts); only a passage uses its stored context. */
  toWeb: (target: TargetOf<T>, iris: WatchfloorIris, context?: QuoteContext) => WebAnnotationTarget;
  /** Read back from one; null when the reading is not this kind (w3c/from-web-annotation.ts). */
  fromWeb: (reading: WebTargetReading) => TargetOf<T> | null;
  /** The annotations CSV's target_time: an ISO 8601 instant or interval, or null. */
  csvTime: (target: TargetOf<T>) => string | null;
  /** In the briefing PDF (exports/briefing/briefing-content.ts): its words, and whether the pack covers it. */
  briefing: {
    describe: (target: TargetOf<T>, snapshot: BoardSnapshot) => string;
    covers: (target: TargetOf<T>, scope: BriefingScope) => boolean;
  };
};

/** What a briefing pack shows: its time range (ms) and charts, and its events. */
export type BriefingScope = {
  start: number;
  end: number;
  chartedIndicators: ReadonlySet<string>;
  shownEvents: ReadonlySet<string>;
  observation: (observationId: string) => WireObservation | undefined;
};

const inScope = (scope: BriefingScope, iso: string) => Date.parse(iso) >= scope.start && Date.parse(iso) <= scope.end;
const indicatorNameIn = (snapshot: BoardSnapshot, id: string) =>
  snapshot.indicators.find((indicator) => indicator.id === id)?.name ?? "an indicator";
const numberFormat = new Intl.NumberFormat("en-GB");

export const SERVER_TARGET_KINDS: { [T in TargetType]: ServerTargetDescriptor<T> } = {
  board: {
    storedAs: "board",
    columns: () => ({}),
    fromRow: () => ({ type: "board" }),
    snapshotJson: () => `json_build_object('type', 'board')`,
    toWeb: (_target, iris) => iris.board,
    fromWeb: (reading) => (reading.shape === "iri" && reading.named?.type === "board" ? { type: "board" } : null),
    csvTime: () => null,
    briefing: { describe: () => "the whole board", covers: () => true },
  },
  event: {
    storedAs: "event",
    columns: (target) => ({ eventId: target.eventId }),
    fromRow: (row, required) => ({ type: "event", eventId: required(row.eventId) }),
    snapshotJson: () => `json_build_object('type', 'event', 'eventId', a."eventId")`,
    toWeb: (target, iris) => iris.event(target.eventId),
    fromWeb: (reading) =>
      reading.shape === "iri" && reading.named?.type === "event" ? { type: "event", eventId: reading.named.id } : null,
    csvTime: () => null,
    briefing: {
      describe: (target, snapshot) => {
        const index = snapshot.events.findIndex((event) => event.id === target.eventId);
        const event = snapshot.events[index];
        return event ? `event ${index + 1}, ${event.title}` : "an event";
      },
      covers: (target, scope) => scope.shownEvents.has(target.eventId),
    },
  },
  indicator: {
    storedAs: "indicator",
    columns: (target) => ({ indicatorId: target.indicatorId, at: new Date(target.at) }),
    fromRow: (row, required) => ({
      type: "indicator",
      indicatorId: required(row.indicatorId),
      at: required(row.at).toISOString(),
    }),
    snapshotJson: (iso) =>
      `json_build_object('type', 'indicator', 'indicatorId', a."indicatorId", 'at', ${iso("a.at")})`,
    toWeb: (target, iris) => indicatorTime(iris.indicator(target.indicatorId), clockFragment(target.at)),
    fromWeb: (reading) =>
      reading.shape === "resource" && reading.named?.type === "indicator" && reading.time?.to === null
        ? { type: "indicator", indicatorId: reading.named.id, at: reading.time.from }
        : null,
    csvTime: (target) => target.at,
    briefing: {
      describe: (target, snapshot) => `${indicatorNameIn(snapshot, target.indicatorId)} at ${formatUtc(target.at)}`,
      covers: (target, scope) => scope.chartedIndicators.has(target.indicatorId) && inScope(scope, target.at),
    },
  },
  "indicator-range": {
    storedAs: "indicator_range",
    columns: (target) => ({
      indicatorId: target.indicatorId,
      rangeFrom: new Date(target.from),
      rangeTo: new Date(target.to),
    }),
    fromRow: (row, required) => ({
      type: "indicator-range",
      indicatorId: required(row.indicatorId),
      from: required(row.rangeFrom).toISOString(),
      to: required(row.rangeTo).toISOString(),
    }),
    snapshotJson: (iso) =>
      `json_build_object('type', 'indicator-range', 'indicatorId', a."indicatorId", 'from', ${iso('a."rangeFrom"')}, 'to', ${iso('a."rangeTo"')})`,
    toWeb: (target, iris) => indicatorTime(iris.indicator(target.indicatorId), clockFragment(target.from, target.to)),
    fromWeb: (reading) =>
      reading.shape === "resource" &&
      reading.named?.type === "indicator" &&
      reading.time !== null &&
      reading.time.to !== null
        ? { type: "indicator-range", indicatorId: reading.named.id, from: reading.time.from, to: reading.time.to }
        : null,
    csvTime: (target) => `${target.from}/${target.to}`,
    briefing: {
      describe: (target, snapshot) =>
        `${indicatorNameIn(snapshot, target.indicatorId)}, ${formatUtc(target.from)} – ${formatUtc(target.to)}`,
      covers: (target, scope) =>
        scope.chartedIndicators.has(target.indicatorId) &&
        Date.parse(target.from) <= scope.end &&
        Date.parse(target.to) >= scope.start,
    },
  },
  observation: {
    storedAs: "observation",
    columns: (target) => ({ observationId: target.observationId }),
    fromRow: (row, required) => ({ type: "observation", observationId: required(row.observationId) }),
    snapshotJson: () => `json_build_object('type', 'observation', 'observationId', a."observationId")`,
    toWeb: (target, iris) => iris.observation(target.observationId),
    fromWeb: (reading) =>
      reading.shape === "iri" && reading.named?.type === "observation"
        ? { type: "observation", observationId: reading.named.id }
        : null,
    csvTime: () => null,
    briefing: {
      describe: (target, snapshot) => {
        for (const indicator of snapshot.indicators) {
          const observation = indicator.observations.find((candidate) => candidate.id === target.observationId);
          if (!observation) continue;
          const grade =
            observation.sourceReliability && observation.infoCredibility
              ? `, graded ${observation.sourceReliability}${observation.infoCredibility}`
              : "";
          return `${indicator.name}: ${numberFormat.format(observation.value)} ${indicator.unit} at ${formatUtc(observation.observedAt)}${grade}`;
        }
        return "an observation";
      },
      covers: (target, scope) => {
        const observation = scope.observation(target.observationId);
        return (
          observation !== undefined &&
          scope.chartedIndicators.has(observation.indicatorId) &&
          inScope(scope, observation.observedAt)
        );
      },
    },
  },
  "source-span": {
    storedAs: "source_span",
    columns: (target) => ({
      sourceId: target.sourceId,
      sourceVersion: target.version,
      quoteStart: target.start,
      quoteEnd: target.end,
      quoteExact: target.exact,
    }),
    fromRow: (row, required) => ({
      type: "source-span",
      sourceId: required(row.sourceId),
      version: required(row.sourceVersion),
      start: required(row.quoteStart),
      end: required(row.quoteEnd),
      exact: required(row.quoteExact),
    }),
    snapshotJson: () =>
      `json_build_object('type', 'source-span', 'sourceId', a."sourceId", 'version', a."sourceVersion", 'start', a."quoteStart", 'end', a."quoteEnd", 'exact', a."quoteExact")`,
    // Model §4.2.4 and §4.2.5 on the version the span indexes (iris.ts, sourceVersion).
    toWeb: (target, iris, context) => ({
      type: "SpecificResource",
      source: iris.sourceVersion(target.sourceId, target.version),
      selector: [
        { type: "TextQuoteSelector", exact: target.exact, ...context },
        { type: "TextPositionSelector", start: target.start, end: target.end },
      ],
    }),
    // A claim, not yet a passage: the importer anchors it in the source's current version
    // (w3c/anchor-imported-passages.ts). Version 0 (no document) and a start of 0 stand in for what the
    // annotation does not say.
    fromWeb: (reading) => {
      if (reading.shape !== "passage" || reading.named?.type !== "source" || reading.exact === null) return null;
      const start = reading.position?.start ?? 0;
      const { exact } = reading;
      return {
        type: "source-span",
        sourceId: reading.named.id,
        version: reading.version ?? 0,
        start,
        end: start + exact.length,
        exact,
      };
    },
    csvTime: () => null,
    briefing: {
      // The briefing prints the quote itself on the next line (server/exports/briefing/draw-notes.ts).
      describe: (target, snapshot) =>
        `a passage of ${snapshot.sources.find((source) => source.id === target.sourceId)?.title ?? "a source"}`,
      // A pack has no documents in it yet: a passage note is in it when its source is on the board.
      covers: () => true,
    },
  },
  place: {
    storedAs: "place",
    columns: (target) => ({ placeLon: target.lon, placeLat: target.lat, placeLabel: target.label }),
    fromRow: (row, required) => ({
      type: "place",
      lon: required(row.placeLon),
      lat: required(row.placeLat),
      label: required(row.placeLabel),
    }),
    snapshotJson: () =>
      `json_build_object('type', 'place', 'lon', a."placeLon", 'lat', a."placeLat", 'label', a."placeLabel")`,
    // The point as an RFC 5870 geo URI, the resource the note is about; the model counts a SpecificResource
    // only with a refinement (§4), and `scope` (§4.4) says where the point is meant: on this board's map.
    // `label` is rdfs:label in the anno context: the analyst's name for the point.
    toWeb: (target, iris) => ({
      type: "SpecificResource",
      source: geoUri(target.lon, target.lat),
      scope: iris.board,
      label: target.label,
    }),
    // A point from another tool may come without a name: its coordinates then stand for one.
    fromWeb: (reading) =>
      reading.shape === "point"
        ? {
            type: "place",
            lon: reading.longitude,
            lat: reading.latitude,
            label: reading.label ?? coordinatesText(reading.longitude, reading.latitude),
          }
        : null,
    csvTime: () => null,
    briefing: {
      describe: (target) => `${target.label} (${coordinatesText(target.lon, target.lat)})`,
      // Every pack has the map page (issue 16), and a point has no time: a place note is in the pack
      // whatever its range, as a passage note is.
      covers: () => true,
    },
  },
};

/** A target's own server descriptor (the one cast: TypeScript cannot pair a key with its value). */
export function serverTargetKindOf<T extends TargetType>(target: TargetOf<T>): ServerTargetDescriptor<T> {
  return SERVER_TARGET_KINDS[target.type as T] as ServerTargetDescriptor<T>;
}

/** The descriptor of a stored targetType: every enum value must belong to exactly one kind. */
export const SERVER_TARGET_KIND_BY_STORED = new Map(
  (Object.keys(SERVER_TARGET_KINDS) as TargetType[]).map((type) => [SERVER_TARGET_KINDS[type].storedAs, type]),
) as ReadonlyMap<AnnotationTargetType, TargetType>;

function indicatorTime(source: string, fragment: string): WebAnnotationTarget {
  return {
    type: "SpecificResource",
    source,
    selector: { type: "FragmentSelector", conformsTo: MEDIA_FRAGMENTS, value: fragment },
  };
}
