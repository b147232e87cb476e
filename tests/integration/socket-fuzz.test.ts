// Fuzzes the live socket API: thousands of seeded malformed payloads for every client event, from several
// clients at once, must each be refused with an error ack (or ignored), write nothing, broadcast nothing, and
// leave the server delivering well-formed work.
// Every run prints its seed; replay one with FUZZ_SEED=<seed> npx vitest run tests/integration/socket-fuzz.test.ts
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import type { ClientToServerEvents } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import {
  ANNOTATION_KINDS,
  CONFIDENCE_LEVELS,
  type TAnnotationTarget,
  ZAnnotationCreate,
  ZAnnotationDelete,
  ZAnnotationRef,
  ZAnnotationUpdate,
} from "@/lib/schemas/annotation";
import { ZBoardJoin, ZBoardLeave } from "@/lib/schemas/board";
import {
  type TCandidateConfirmInput,
  ZCandidateConfirm,
  ZCandidateReject,
  ZSourceCandidates,
  ZSourceExtract,
} from "@/lib/schemas/candidate";
import { LIMITS } from "@/lib/schemas/common";
import {
  EVENT_CATEGORIES,
  INDICATOR_KINDS,
  type TEventCreateInput,
  type TIndicatorCreateInput,
  type TObservationCreateInput,
  type TSourceCreateInput,
  ZContentRef,
  ZEventCreate,
  ZEventUpdate,
  ZIndicatorCreate,
  ZIndicatorUpdate,
  ZObservationCreate,
  ZObservationUpdate,
  ZSourceCreate,
  ZSourceUpdate,
} from "@/lib/schemas/content";
import { ZAnnotationAttach, ZSourceDiff, ZSourceRead, ZSourceRevise } from "@/lib/schemas/document";
import { PLACE_LIMITS, ZPlaceSearch } from "@/lib/schemas/place";
import { ZPresenceUpdate } from "@/lib/schemas/presence";
import { SEARCH_LIMITS, ZBoardSearch } from "@/lib/schemas/search";
import {
  SAVED_VIEW_NAME_MAX,
  type TSavedViewState,
  ZBoardSeen,
  ZViewDelete,
  ZViewList,
  ZViewSave,
} from "@/lib/schemas/shift";
import { barrierOp } from "../support/barrier";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

const SEED = process.env.FUZZ_SEED === undefined ? randomInt(2 ** 31) : Number(process.env.FUZZ_SEED);
if (!Number.isSafeInteger(SEED)) throw new Error(`FUZZ_SEED must be an integer, got ${process.env.FUZZ_SEED}`);
console.log(`socket fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})`);

const FUZZ_CLIENTS = 4;
const CALLS_PER_CLIENT = 800;
/** Calls each fuzzing socket keeps in flight at once: enough to interleave handlers, few enough for 2 cores. */
const CALLS_IN_FLIGHT = 25;
const ACK_TIMEOUT_MS = 5_000;
/** What a refusal may carry. INTERNAL would mean a payload got past validation into code that did not expect it. */
const REFUSALS: readonly ErrorCode[] = ["VALIDATION", "NOT_FOUND", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "CONFLICT"];
/** The transport closes the connection beyond LIMITS.socketTransportBytes, so oversized payloads stay below. */
const OVERSIZED_BYTES = { min: 300_000, max: 900_000 };

// A seeded PRNG so that one number replays the whole storm.

type Rng = {
  next: () => number;
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
};

/** mulberry32: tiny, fast and good enough to spread payloads; not for anything secret. */
function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number],
    chance: (probability) => next() < probability,
  };
}

/** A v4-shaped UUID from the seeded stream (randomUUID would make a replay differ). */
function fuzzUuid(rng: Rng): string {
  const hex = (count: number) => Array.from({ length: count }, () => rng.int(0, 15).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(["8", "9", "a", "b"])}${hex(3)}-${hex(12)}`;
}

// What the payloads aim at, and what each event's payload holds.

type FuzzTargets = {
  /** The fuzzers own and edit this board: payloads here get past authorization and must fail validation. */
  board: TestBoard;
  /** No fuzzer is a member: NOT_FOUND. */
  strangerBoard: TestBoard;
  /** The fuzzers only view it: FORBIDDEN to write. */
  viewedBoard: TestBoard;
  /** The fuzzers edit it, but it is archived: CONFLICT to write. */
  archivedBoard: TestBoard;
  /** The watcher's annotation: a fuzzer may not edit it, and no fuzz payload deletes it well-formed. */
  watcherAnnotationId: string;
};

type ClientEvent = keyof ClientToServerEvents;
type PayloadOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
type Payload = Record<string, unknown>;

/** What makes a value wrong for a field: each kind has its own list of values its schema must refuse. */
type FieldKind =
  | { type: "uuid"; nullable?: true }
  | { type: "text"; max: number; nonEmpty?: true; nullable?: true }
  | { type: "enum"; values: readonly string[]; nullable?: true }
  | { type: "instant"; nullable?: true }
  | { type: "number"; nullable?: true }
  | { type: "credibility" }
  | { type: "version" }
  | { type: "seq" }
  | { type: "tags" }
  | { type: "uuids"; max: number }
  | { type: "target" }
  | { type: "confirmation" }
  | { type: "focus" }
  | { type: "url" }
  | { type: "color" }
  | { type: "place" }
  | { type: "view-state" };
type FieldSpec = { kind: FieldKind; required: boolean };

const required = (kind: FieldKind): FieldSpec => ({ kind, required: true });
const optional = (kind: FieldKind): FieldSpec => ({ kind, required: false });
const UUID: FieldKind = { type: "uuid" };
const REF = { id: required(UUID), boardId: required(UUID) };
const TITLE: FieldKind = { type: "text", max: LIMITS.title, nonEmpty: true };
const LONG_TEXT: FieldKind = { type: "text", max: LIMITS.description };
const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;

/** The wire schemas' fields (lib/schemas/), by what makes a value wrong; checked against the schemas below. */
const ANNOTATION_CREATE_FIELDS = {
  ...REF,
  target: required({ type: "target" }),
  body: required({ type: "text", max: LIMITS.annotationBody, nonEmpty: true }),
  kind: optional({ type: "enum", values: ANNOTATION_KINDS }),
  confidence: optional({ type: "enum", values: CONFIDENCE_LEVELS }),
  tags: optional({ type: "tags" }),
  parentId: optional(UUID),
};
const EVENT_FIELDS = {
  title: TITLE,
  occurredAt: { type: "instant" },
  endsAt: { type: "instant", nullable: true },
  category: { type: "enum", values: EVENT_CATEGORIES },
  place: { type: "place" },
  description: LONG_TEXT,
  sourceIds: { type: "uuids", max: 50 },
  sourceReliability: { type: "enum", values: RELIABILITY, nullable: true },
  infoCredibility: { type: "credibility" },
} satisfies Record<string, FieldKind>;
const SOURCE_FIELDS = {
  title: TITLE,
  publisher: { type: "text", max: LIMITS.title },
  publishedAt: { type: "instant", nullable: true },
  url: { type: "url" },
  reliability: { type: "enum", values: RELIABILITY, nullable: true },
} satisfies Record<string, FieldKind>;
/** A source's document text is given at creation only; later versions come by source:revise. */
const SOURCE_CREATE_FIELDS = { ...SOURCE_FIELDS, text: { type: "text", max: LIMITS.documentText } } satisfies Record<
  string,
  FieldKind
>;
const INDICATOR_FIELDS = {
  name: TITLE,
  unit: { type: "text", max: 60, nonEmpty: true },
  description: LONG_TEXT,
  kind: { type: "enum", values: INDICATOR_KINDS },
  warnAbove: { type: "number", nullable: true },
  warnBelow: { type: "number", nullable: true },
  color: { type: "color" },
} satisfies Record<string, FieldKind>;
const OBSERVATION_FIELDS = {
  observedAt: { type: "instant" },
  value: { type: "number" },
  sourceId: { type: "uuid", nullable: true },
  sourceReliability: { type: "enum", values: RELIABILITY, nullable: true },
  infoCredibility: { type: "credibility" },
  note: LONG_TEXT,
} satisfies Record<string, FieldKind>;

/** Each field of `kinds` as optional, except those named in `requiredNames`. */
function fieldsOf(kinds: Record<string, FieldKind>, requiredNames: readonly string[] = []): Record<string, FieldSpec> {
  return Object.fromEntries(
    Object.entries(kinds).map(([name, kind]) => [name, requiredNames.includes(name) ? required(kind) : optional(kind)]),
  );
}

/** Some (at least one) of the given valid fields: what a well-shaped update changes, or a create adds. */
function someOf<T extends object>(rng: Rng, changes: T): Partial<T> {
  const names = Object.keys(changes).filter(() => rng.chance(0.4));
  const chosen = names.length > 0 ? names : [rng.pick(Object.keys(changes))];
  return Object.fromEntries(chosen.map((name) => [name, changes[name as keyof T]])) as Partial<T>;
}

function validTarget(rng: Rng, board: TestBoard): Payload {
  return rng.pick([
    { type: "board" },
    { type: "event", eventId: board.eventId },
    { type: "indicator", indicatorId: board.indicatorId, at: "2022-01-08T00:00:00Z" },
    {
      type: "indicator-range",
      indicatorId: board.indicatorId,
      from: "2022-01-01T00:00:00Z",
      to: "2022-01-09T12:00:00+02:00",
    },
    { type: "observation", observationId: board.observationId },
    { type: "place", lon: rng.pick([-180, 0, 33.18, 180]), lat: rng.pick([-90, 54.57, 90]), label: "Yelnya" },
  ]);
}

type EventFields = Required<Omit<TEventCreateInput, "id" | "boardId">>;
type SourceFields = Required<Omit<TSourceCreateInput, "id" | "boardId" | "text">>;
type IndicatorFields = Required<Omit<TIndicatorCreateInput, "id" | "boardId">>;
type ObservationFields = Required<Omit<TObservationCreateInput, "id" | "boardId" | "indicatorId">>;

const eventChanges = (rng: Rng): EventFields => ({
  title: "Convoy sighted near the crossing",
  occurredAt: "2022-01-09T06:00:00Z",
  endsAt: rng.pick([null, "2022-01-09T18:00:00+01:00"]),
  category: rng.pick(EVENT_CATEGORIES),
  place: rng.pick([
    null,
    { label: "Kharkiv oblast", longitude: 36.25, latitude: 49.99 },
    { label: "Kyiv", longitude: 30.5238, latitude: 50.45466, gazetteerId: "geonames:703448" },
    { label: "Antimeridian", longitude: -180, latitude: -90, gazetteerId: "country:FJ" },
  ]),
  description: rng.pick(["", "Two columns, about forty vehicles."]),
  sourceIds: [],
  sourceReliability: rng.pick([null, ...RELIABILITY]),
  infoCredibility: rng.pick([null, 1, 6]),
});
const sourceChanges = (rng: Rng): SourceFields => ({
  title: "Satellite pass, 9 January",
  publisher: "Maxar",
  publishedAt: rng.pick([null, "2022-01-09T12:00:00Z"]),
  url: rng.pick([null, "https://example.com/pass/9-january"]),
  reliability: rng.pick([null, ...RELIABILITY]),
});
const indicatorChanges = (rng: Rng): IndicatorFields => ({
  name: "Field hospitals",
  unit: "sites",
  description: "Deployed near the border.",
  kind: rng.pick(INDICATOR_KINDS),
  warnAbove: rng.pick([null, 12, 1e308]),
  warnBelow: rng.pick([null, -3.5]),
  color: rng.pick(["#4f8cc9", "#AA00ff"]),
});
const observationChanges = (rng: Rng): ObservationFields => ({
  observedAt: "2022-01-09T00:00:00Z",
  value: rng.pick([0, 7, -2.5, 120_000]),
  sourceId: null,
  sourceReliability: rng.pick([null, ...RELIABILITY]),
  infoCredibility: rng.pick([null, 1, 6]),
  note: rng.pick(["", "Counted from imagery."]),
});

/** What a confirmed candidate becomes (candidate:confirm's `as`): an event, or a figure on the board's indicator. */
function validConfirmation(rng: Rng, board: TestBoard): TCandidateConfirmInput["as"] {
  if (rng.chance(0.5)) {
    const { title, occurredAt, category, endsAt, place, description } = eventChanges(rng);
    return {
      type: "event",
      event: { id: fuzzUuid(rng), title, occurredAt, category, ...someOf(rng, { endsAt, place, description }) },
    };
  }
  const { observedAt, value, note } = observationChanges(rng);
  const observation = { id: fuzzUuid(rng), indicatorId: board.indicatorId, observedAt, value, note };
  if (rng.chance(0.7)) return { type: "observation", observation };
  const { name, unit } = indicatorChanges(rng);
  const newIndicator = { id: fuzzUuid(rng), name, unit };
  return { type: "observation", observation: { ...observation, indicatorId: newIndicator.id }, newIndicator };
}

/** What a saved view restores (view:save's state): filters, indicators and a range, each optional. */
function validViewState(rng: Rng, board: TestBoard): TSavedViewState {
  return rng.pick<TSavedViewState>([
    { filters: {} },
    { filters: { kind: ["assessment", "warning"], status: ["open"] } },
    {
      filters: { q: ["войска"], tag: ["border", "armour"] },
      indicatorIds: [board.indicatorId],
      range: { from: "2022-01-01T00:00:00Z", to: "2022-01-09T12:00:00+02:00" },
    },
    { filters: {}, indicatorIds: [] },
  ]);
}

/**
 * How the fuzz knows each client event: its schema, its fields, and a payload that passes that schema. A
 * well-shaped create, join or leave would succeed, so the storm only ever sends them broken; every other
 * well-shaped payload names a thing that does not exist (or is someone else's), so it is refused even
 * whole. A client event missing here, or one that is not a client event, is a compile error.
 */
type EventSpec<E extends ClientEvent> = {
  schema: z.ZodType;
  fields: Record<string, FieldSpec>;
  wellShaped: (rng: Rng, targets: FuzzTargets) => PayloadOf<E>;
};

const EVENTS = {
  "board:join": {
    schema: ZBoardJoin,
    fields: { boardId: required(UUID), sinceSeq: optional({ type: "seq" }) },
    wellShaped: (rng, { board }) => (rng.chance(0.5) ? { boardId: board.id, sinceSeq: 0 } : { boardId: board.id }),
  },
  "board:leave": {
    schema: ZBoardLeave,
    fields: { boardId: required(UUID) },
    wellShaped: (_rng, { board }) => ({ boardId: board.id }),
  },
  // Searching the fuzzers' own board would succeed, so like a join it is only ever sent broken.
  "board:search": {
    schema: ZBoardSearch,
    fields: {
      boardId: required(UUID),
      query: required({ type: "text", max: SEARCH_LIMITS.query, nonEmpty: true }),
      limit: optional({ type: "version" }),
    },
    wellShaped: (rng, { board }) => ({
      boardId: board.id,
      query: rng.pick(["troops", '"field camp" -tents', "войска"]),
      ...(rng.chance(0.3) ? { limit: rng.int(1, SEARCH_LIMITS.results) } : {}),
    }),
  },
  "annotation:create": {
    schema: ZAnnotationCreate,
    fields: ANNOTATION_CREATE_FIELDS,
    wellShaped: (rng, { board }) => ({
      id: fuzzUuid(rng),
      boardId: board.id,
      target: validTarget(rng, board) as TAnnotationTarget,
      body: "Armour seen moving toward the crossing at dawn.",
      ...(rng.chance(0.5) ? { kind: rng.pick(["note", "question", "warning"] as const) } : {}),
      ...(rng.chance(0.3) ? { confidence: rng.pick(CONFIDENCE_LEVELS) } : {}),
      ...(rng.chance(0.3) ? { tags: ["border", "armour"] } : {}),
    }),
  },
  "annotation:update": {
    schema: ZAnnotationUpdate,
    fields: {
      ...REF,
      expectedVersion: required({ type: "version" }),
      body: optional({ type: "text", max: LIMITS.annotationBody, nonEmpty: true }),
      kind: optional({ type: "enum", values: ANNOTATION_KINDS }),
      confidence: optional({ type: "enum", values: CONFIDENCE_LEVELS, nullable: true }),
      tags: optional({ type: "tags" }),
    },
    wellShaped: (rng, { board, watcherAnnotationId }) => ({
      id: rng.chance(0.3) ? watcherAnnotationId : fuzzUuid(rng),
      boardId: board.id,
      expectedVersion: 1,
      ...someOf(rng, {
        body: "Revised after the second satellite pass.",
        kind: "question" as const,
        confidence: rng.pick([null, "moderate"] as const),
        tags: ["revised"],
      }),
    }),
  },
  "annotation:delete": { schema: ZAnnotationDelete, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "annotation:restore": { schema: ZAnnotationRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "annotation:resolve": { schema: ZAnnotationRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "annotation:reopen": { schema: ZAnnotationRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "annotation:history": { schema: ZAnnotationRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  // The fuzzers never join a board, so a well-shaped presence update is answered NOT_FOUND.
  "presence:update": {
    schema: ZPresenceUpdate,
    fields: {
      boardId: required(UUID),
      focus: required({ type: "focus" }),
      typingIn: required({ type: "uuid", nullable: true }),
    },
    wellShaped: (rng, { board }) => ({
      boardId: board.id,
      focus: rng.pick([null, { type: rng.pick(["event", "indicator", "thread"] as const), id: fuzzUuid(rng) }]),
      typingIn: rng.pick([null, fuzzUuid(rng)]),
    }),
  },
  "event:create": {
    schema: ZEventCreate,
    fields: { ...REF, ...fieldsOf(EVENT_FIELDS, ["title", "occurredAt", "category"]) },
    wellShaped: (rng, { board }) => {
      const { title, occurredAt, category, ...rest } = eventChanges(rng);
      return { id: fuzzUuid(rng), boardId: board.id, title, occurredAt, category, ...someOf(rng, rest) };
    },
  },
  "event:update": {
    schema: ZEventUpdate,
    fields: { ...REF, ...fieldsOf(EVENT_FIELDS) },
    wellShaped: (rng, targets) => ({ ...missing(rng, targets), ...someOf(rng, eventChanges(rng)) }),
  },
  "event:delete": { schema: ZContentRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "source:create": {
    schema: ZSourceCreate,
    fields: { ...REF, ...fieldsOf(SOURCE_CREATE_FIELDS, ["title"]) },
    wellShaped: (rng, { board }) => {
      const { title, ...rest } = sourceChanges(rng);
      const text = "Imagery shows new tents at the field camp.";
      return { id: fuzzUuid(rng), boardId: board.id, title, ...someOf(rng, { ...rest, text }) };
    },
  },
  "source:update": {
    schema: ZSourceUpdate,
    fields: { ...REF, ...fieldsOf(SOURCE_FIELDS) },
    wellShaped: (rng, targets) => ({ ...missing(rng, targets), ...someOf(rng, sourceChanges(rng)) }),
  },
  "source:delete": { schema: ZContentRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "indicator:create": {
    schema: ZIndicatorCreate,
    fields: { ...REF, ...fieldsOf(INDICATOR_FIELDS, ["name", "unit"]) },
    wellShaped: (rng, { board }) => {
      const { name, unit, ...rest } = indicatorChanges(rng);
      return { id: fuzzUuid(rng), boardId: board.id, name, unit, ...someOf(rng, rest) };
    },
  },
  "indicator:update": {
    schema: ZIndicatorUpdate,
    fields: { ...REF, ...fieldsOf(INDICATOR_FIELDS) },
    wellShaped: (rng, targets) => ({ ...missing(rng, targets), ...someOf(rng, indicatorChanges(rng)) }),
  },
  "indicator:delete": { schema: ZContentRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "observation:create": {
    schema: ZObservationCreate,
    fields: {
      ...REF,
      indicatorId: required(UUID),
      ...fieldsOf(OBSERVATION_FIELDS, ["observedAt", "value"]),
    },
    wellShaped: (rng, { board }) => {
      const { observedAt, value, ...rest } = observationChanges(rng);
      return {
        id: fuzzUuid(rng),
        boardId: board.id,
        indicatorId: board.indicatorId,
        observedAt,
        value,
        ...someOf(rng, rest),
      };
    },
  },
  "observation:update": {
    schema: ZObservationUpdate,
    fields: { ...REF, ...fieldsOf(OBSERVATION_FIELDS) },
    wellShaped: (rng, targets) => ({ ...missing(rng, targets), ...someOf(rng, observationChanges(rng)) }),
  },
  "observation:delete": { schema: ZContentRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "observation:history": { schema: ZContentRef, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  // The fuzzers' board has no source: well-shaped document calls name one that is not there (NOT_FOUND).
  "source:read": {
    schema: ZSourceRead,
    fields: { ...REF, version: optional({ type: "version" }) },
    wellShaped: (rng, targets) => ({
      ...missing(rng, targets),
      ...(rng.chance(0.5) ? { version: rng.int(1, 3) } : {}),
    }),
  },
  "source:revise": {
    schema: ZSourceRevise,
    fields: {
      ...REF,
      text: required({ type: "text", max: LIMITS.documentText, nonEmpty: true }),
      basedOnVersion: required({ type: "seq" }),
    },
    wellShaped: (rng, targets) => ({
      ...missing(rng, targets),
      text: "Imagery shows new tents at the field camp.",
      basedOnVersion: rng.int(0, 3),
    }),
  },
  "source:diff": {
    schema: ZSourceDiff,
    fields: { ...REF, from: required({ type: "version" }), to: required({ type: "version" }) },
    wellShaped: (rng, targets) => ({ ...missing(rng, targets), from: 1, to: rng.int(1, 3) }),
  },
  "annotation:attach": {
    schema: ZAnnotationAttach,
    fields: {
      ...REF,
      start: required({ type: "seq" }),
      end: required({ type: "version" }),
      exact: required({ type: "text", max: LIMITS.passageQuote, nonEmpty: true }),
    },
    wellShaped: (rng, targets) => ({ ...missing(rng, targets), start: 0, end: 7, exact: "Imagery" }),
  },
  "source:extract": {
    schema: ZSourceExtract,
    fields: { ...REF, version: optional({ type: "version" }) },
    wellShaped: (rng, targets) => ({
      ...missing(rng, targets),
      ...(rng.chance(0.5) ? { version: rng.int(1, 3) } : {}),
    }),
  },
  "source:candidates": { schema: ZSourceCandidates, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  // No candidate is on any board the fuzzers reach: a well-shaped decision names one that is not there.
  "candidate:confirm": {
    schema: ZCandidateConfirm,
    fields: {
      boardId: required(UUID),
      candidateId: required(UUID),
      evidenceId: required(UUID),
      infoCredibility: required({ type: "credibility" }),
      as: required({ type: "confirmation" }),
    },
    wellShaped: (rng, { board }) => ({
      boardId: board.id,
      candidateId: fuzzUuid(rng),
      evidenceId: fuzzUuid(rng),
      infoCredibility: rng.pick([null, 1, 3, 6]),
      as: validConfirmation(rng, board),
    }),
  },
  "candidate:reject": {
    schema: ZCandidateReject,
    fields: { boardId: required(UUID), candidateId: required(UUID) },
    wellShaped: (rng, { board }) => ({ boardId: board.id, candidateId: fuzzUuid(rng) }),
  },
  // Saving a view or listing them on the fuzzers' own board would succeed, so like a create they are only
  // ever sent broken; a well-shaped delete names a view that is not there (NOT_FOUND).
  "view:save": {
    schema: ZViewSave,
    fields: {
      ...REF,
      name: required({ type: "text", max: SAVED_VIEW_NAME_MAX, nonEmpty: true }),
      state: required({ type: "view-state" }),
    },
    wellShaped: (rng, { board }) => ({
      id: fuzzUuid(rng),
      boardId: board.id,
      name: rng.pick(["Morning brief", "Border, last 7 days", "Оценки"]),
      state: validViewState(rng, board),
    }),
  },
  "view:delete": { schema: ZViewDelete, fields: REF, wellShaped: (rng, targets) => missing(rng, targets) },
  "view:list": {
    schema: ZViewList,
    fields: { boardId: required(UUID) },
    wellShaped: (_rng, { board }) => ({ boardId: board.id }),
  },
  // Any signed-in analyst may search the gazetteer, so a well-shaped search succeeds: it is only ever sent
  // broken, and nothing refuses it past its schema.
  "place:search": {
    schema: ZPlaceSearch,
    fields: {
      query: required({ type: "text", max: PLACE_LIMITS.query, nonEmpty: true }),
      limit: optional({ type: "version" }),
    },
    wellShaped: (rng) => ({
      query: rng.pick(["Kyiv", "Київ", "Алматы", "Gen"]),
      ...(rng.chance(0.3) ? { limit: rng.int(1, PLACE_LIMITS.suggestions) } : {}),
    }),
  },
  // Any member may mark the board seen (a viewer too, on an archived board too), so a well-shaped call on the
  // fuzzers' board would move their last seen: it is only ever sent broken, and past its schema it names a
  // board they are not on.
  "board:seen": {
    schema: ZBoardSeen,
    fields: { boardId: required(UUID), seq: required({ type: "seq" }) },
    wellShaped: (rng, { board }) => ({ boardId: board.id, seq: rng.pick([0, 1, 2_147_483_647]) }),
  },
} satisfies { [E in ClientEvent]: EventSpec<E> };

const CLIENT_EVENTS = Object.keys(EVENTS) as ClientEvent[];
/** Own keys only: `"toString" in EVENTS` is true. */
const isClientEvent = (name: string): name is ClientEvent => Object.hasOwn(EVENTS, name);

/** A thing on the fuzzers' board that does not exist: deletes, restores and reads of it are NOT_FOUND. */
function missing(rng: Rng, { board }: FuzzTargets): { id: string; boardId: string } {
  return { id: fuzzUuid(rng), boardId: board.id };
}

function wellShapedPayload(rng: Rng, targets: FuzzTargets, event: ClientEvent): Payload {
  return (EVENTS[event].wellShaped as (rng: Rng, targets: FuzzTargets) => Payload)(rng, targets);
}

// Values that are wrong for a kind of field, whatever else the payload holds.

const WRONG_FOR_EVERY_FIELD: readonly unknown[] = [
  true,
  false,
  {},
  { nested: { deeper: [null, {}] } },
  [1, "two", null],
];
const NUMBERS: readonly unknown[] = [0, -1, 0.5, 1e308, -1e308, 2 ** 53];
const NUMBERS_AS_STRINGS: readonly string[] = ["1", "0", "-1", "NaN", "Infinity", "1e3", "0x10", " 7 ", ""];
const INVALID_INSTANTS: readonly unknown[] = [
  "2022-02-30T00:00:00Z",
  "2022-13-01T00:00:00Z",
  "2022-01-08T25:00:00Z",
  "2022-01-08",
  "2022-01-08T00:00:00",
  "2022-01-08 00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "2022-01-08T00:00:00\uD800Z",
  "yesterday",
  "",
  "1641600000000",
  1_641_600_000_000,
  null,
  // Well-formed ISO 8601, but outside what PostgreSQL and Date.toISOString store (years 1–9999 in UTC).
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00+01:00",
  "9999-12-31T23:59:59-01:00",
];
/** Text no database column should take: lone UTF-16 surrogates and NUL (PostgreSQL refuses 0x00 in text). */
const UNSTORABLE_TEXT: readonly string[] = ["\uD800", "\uDFFF", "Troops \uDC00\uD800 reported", "a\u0000b"];
const INVALID_URLS: readonly string[] = [
  "",
  "example.com",
  "ftp://example.com/file",
  "javascript:alert(1)",
  "file:///etc/passwd",
  "http://",
  `https://example.com/${"x".repeat(2_000)}`,
  // A URL parser takes these, percent-encoding what it must; the stored text would still hold the character.
  "https://example.com/\uD800",
  "https://example.com/a\u0000b",
];
const INVALID_COLORS: readonly string[] = [
  "",
  "red",
  "#fff",
  "#12345g",
  "4f8cc9",
  "#4f8cc9 ",
  "#4f8cc9\n",
  "#4f8cc9ff",
];

function malformedUuid(rng: Rng): string {
  const uuid = fuzzUuid(rng);
  return rng.pick([
    "not-a-uuid",
    uuid.slice(1),
    `${uuid}0`,
    ` ${uuid}`,
    `${uuid}\n`,
    `{${uuid}}`,
    uuid.replaceAll("-", ""),
    uuid.replace("-", "_"),
    `g${uuid.slice(1)}`,
    uuid.replace("-", "\uD800"),
    "\uDFFF".repeat(36),
  ]);
}

/** A string in the wrong letter case, or with a space: close to an enum's value but not one. */
function nearMiss(rng: Rng, values: readonly string[]): string {
  const value = rng.pick(values);
  const flipped = value === value.toUpperCase() ? value.toLowerCase() : value.toUpperCase();
  return rng.pick([flipped, `${value} `, ` ${value}`, `${value}\u0000`, `${value}s`]);
}

/** Every value this file knows to be wrong for a kind of field (a few drawn from the seeded stream). */
function wrongValues(rng: Rng, kind: FieldKind, targets: FuzzTargets): unknown[] {
  const nullable = "nullable" in kind && kind.nullable === true;
  const common = [...WRONG_FOR_EVERY_FIELD, ...(nullable || kind.type === "focus" ? [] : [null])];
  switch (kind.type) {
    case "uuid":
      return [...common, [], ...NUMBERS, ...NUMBERS_AS_STRINGS, malformedUuid(rng)];
    case "text":
      return [
        ...common,
        [],
        ...NUMBERS,
        ...(kind.nonEmpty ? ["", "   ", "\n\t "] : []),
        "x".repeat(kind.max + 1),
        ...UNSTORABLE_TEXT,
      ];
    case "enum":
      return [...common, [], ...NUMBERS, "", "rumour", "\uD800", nearMiss(rng, kind.values)];
    case "instant":
      return [...common, [], ...INVALID_INSTANTS.filter((instant) => !(nullable && instant === null))];
    case "number":
      // No NaN or Infinity: JSON would carry them as null, which a nullable number takes.
      return [...common, [], ...NUMBERS_AS_STRINGS, [1], { value: 1 }];
    case "credibility":
      return [...WRONG_FOR_EVERY_FIELD, [], 0, 7, -1, 1.5, 2 ** 53, 1e308, ...NUMBERS_AS_STRINGS];
    case "version":
      return [...common, [], ...NUMBERS_AS_STRINGS, 0, -1, 0.5, 2 ** 53, 1e308, -1e308];
    case "seq":
      return [...common, [], ...NUMBERS_AS_STRINGS, -1, 0.5, 2 ** 53, 1e308, -1e308];
    case "tags":
      return [
        ...common,
        ...NUMBERS,
        "border",
        [1],
        [null],
        [""],
        ["   "],
        ["x".repeat(LIMITS.tagLength + 1)],
        Array.from({ length: LIMITS.tagCount + 1 }, (_, index) => `tag${index}`),
        [["nested"]],
        [{}],
      ];
    case "uuids":
      return [
        ...common,
        ...NUMBERS,
        fuzzUuid(rng),
        [1],
        [null],
        [malformedUuid(rng)],
        [[fuzzUuid(rng)]],
        Array.from({ length: kind.max + 1 }, () => fuzzUuid(rng)),
      ];
    case "target":
      return [...common, [], ...NUMBERS, "board", "event", invalidTarget(rng, targets)];
    case "confirmation":
      return [...common, [], ...NUMBERS, "event", "observation", invalidConfirmation(rng, targets)];
    case "focus":
      return [
        ...WRONG_FOR_EVERY_FIELD,
        [],
        ...NUMBERS,
        "event",
        { type: "annotation", id: fuzzUuid(rng) },
        { type: "event" },
        { id: fuzzUuid(rng) },
        { type: "event", id: malformedUuid(rng) },
        { type: nearMiss(rng, ["event", "indicator", "thread"]), id: fuzzUuid(rng) },
        { type: "thread", id: fuzzUuid(rng), since: 1 },
      ];
    case "url":
      return [...WRONG_FOR_EVERY_FIELD, [], ...NUMBERS, ...INVALID_URLS];
    case "color":
      return [...common, [], ...NUMBERS, ...INVALID_COLORS];
    case "place":
      return [...WRONG_FOR_EVERY_FIELD, [], ...NUMBERS, "Geneva", ...INVALID_PLACES];
    case "view-state":
      // Not WRONG_FOR_EVERY_FIELD: its {} is a whole view (every part of a state is optional).
      return [true, false, null, [], [1, "two", null], ...NUMBERS, "all", ...invalidViewStates(rng)];
  }
}

function wrongValue(rng: Rng, kind: FieldKind, targets: FuzzTargets): unknown {
  return rng.pick(wrongValues(rng, kind, targets));
}

const GENEVA = { label: "Geneva", longitude: 6.14569, latitude: 46.20222 };
/** Event places their schema refuses (lib/schemas/place.ts). */
const INVALID_PLACES = [
  { ...GENEVA, longitude: 181 },
  { ...GENEVA, latitude: -91 },
  { ...GENEVA, longitude: "6.14" },
  { ...GENEVA, latitude: null },
  { ...GENEVA, label: "" },
  { ...GENEVA, label: "  " },
  { ...GENEVA, label: "x".repeat(LIMITS.title + 1) },
  { ...GENEVA, label: "\uD800" },
  { ...GENEVA, gazetteerId: "geonames:" },
  { ...GENEVA, gazetteerId: "osm:123" },
  { ...GENEVA, gazetteerId: "country:ch" },
  { ...GENEVA, gazetteerId: null },
  { ...GENEVA, place: "Geneva" },
  { label: "Geneva", longitude: 6.14569 },
  { lon: 6.14569, lat: 46.20222, label: "Geneva" },
];
/** Place targets their schema refuses: the event place's shape, off the globe, or badly named. */
const INVALID_PLACE_TARGETS = [
  { type: "place", lon: 181, lat: 0, label: "Off the map" },
  { type: "place", lon: 0, lat: -91, label: "Off the map" },
  { type: "place", lon: 0, lat: 0, label: "" },
  { type: "place", lon: 0, lat: 0, label: "x".repeat(LIMITS.title + 1) },
  { type: "place", lon: 0, lat: 0 },
  { type: "place", lon: "0", lat: 0, label: "Null Island" },
  { type: "place", ...GENEVA },
  { type: "place", lon: 0, lat: 0, label: "Null Island", gazetteerId: "country:GH" },
];

/** Saved view states their schema refuses (lib/schemas/shift.ts). */
function invalidViewStates(rng: Rng): unknown[] {
  const range = { from: "2022-01-01T00:00:00Z", to: "2022-01-09T00:00:00Z" };
  return [
    { filters: { q: "convoy" } },
    { filters: { Tag: ["border"] } },
    { filters: { "tag list": ["border"] } },
    { filters: { "a\u0000b": ["border"] } },
    { filters: { "": ["border"] } },
    { filters: { ["x".repeat(41)]: ["border"] } },
    { filters: { q: [rng.pick(UNSTORABLE_TEXT)] } },
    { filters: { q: ["x".repeat(401)] } },
    { filters: { tag: Array.from({ length: 51 }, (_, index) => `tag${index}`) } },
    { filters: { q: [1] } },
    { filters: null },
    { filters: ["q", "convoy"] },
    { indicatorIds: [malformedUuid(rng)] },
    { indicatorIds: Array.from({ length: 101 }, () => fuzzUuid(rng)) },
    { indicatorIds: fuzzUuid(rng) },
    { range: { from: range.to, to: range.from } },
    { range: { from: range.from, to: range.from } },
    { range: { from: range.from } },
    { range: { from: rng.pick(INVALID_INSTANTS), to: range.to } },
    { range: { ...range, extra: 1 } },
    { range: [range.from, range.to] },
    { filters: {}, shared: true },
  ];
}

/** A target its schema refuses, whatever board it is on. */
function invalidTarget(rng: Rng, targets: FuzzTargets): unknown {
  const { board } = targets;
  return rng.pick([
    { type: "board", eventId: board.eventId },
    { type: "event" },
    { type: "event", eventId: malformedUuid(rng) },
    { type: "indicator", indicatorId: board.indicatorId },
    { type: "indicator", indicatorId: board.indicatorId, at: rng.pick(INVALID_INSTANTS) },
    {
      type: "indicator-range",
      indicatorId: board.indicatorId,
      from: "2022-01-10T00:00:00Z",
      to: "2022-01-01T00:00:00Z",
    },
    {
      type: "indicator-range",
      indicatorId: board.indicatorId,
      from: rng.pick(INVALID_INSTANTS),
      to: "2022-01-09T00:00:00Z",
    },
    { type: "indicator-range", indicatorId: board.indicatorId, at: "2022-01-08T00:00:00Z" },
    { type: "observation", observationId: 42 },
    { type: "observation", eventId: board.eventId },
    rng.pick(INVALID_PLACE_TARGETS),
    { type: "Event", eventId: board.eventId },
    { type: "comment" },
    { type: "", eventId: board.eventId },
    { type: null },
    { type: ["event"], eventId: board.eventId },
    { eventId: board.eventId },
    JSON.parse(`{"type": "board", "__proto__": {"type": "event", "eventId": "${board.eventId}"}}`),
  ]);
}

/** A confirmation (candidate:confirm's `as`) its schema refuses. */
function invalidConfirmation(rng: Rng, { board }: FuzzTargets): unknown {
  const event = {
    id: fuzzUuid(rng),
    title: "Talks open in Geneva",
    occurredAt: "2022-01-10T09:00:00Z",
    category: "diplomatic",
  };
  const observation = {
    id: fuzzUuid(rng),
    indicatorId: board.indicatorId,
    observedAt: "2022-01-09T00:00:00Z",
    value: 7,
  };
  const { value: _value, ...withoutValue } = observation;
  return rng.pick([
    { type: "event" },
    { type: "event", event: { ...event, occurredAt: rng.pick(INVALID_INSTANTS) } },
    { type: "event", event: { ...event, endsAt: "2022-01-09T00:00:00Z" } },
    // The server fills in the sources and the grade's reliability; the client may not.
    { type: "event", event: { ...event, sourceIds: [] } },
    { type: "event", event: { ...event, boardId: board.id } },
    { type: "event", event: { ...event, sourceReliability: "A" } },
    { type: "event", event, observation },
    { type: "event", observation },
    { type: "observation", observation: { ...observation, sourceId: null } },
    { type: "observation", observation: { ...observation, infoCredibility: 2 } },
    { type: "observation", observation: withoutValue },
    { type: "observation", observation, newIndicator: { id: fuzzUuid(rng), name: "", unit: "troops" } },
    {
      type: "observation",
      observation,
      newIndicator: { id: fuzzUuid(rng), name: "Troops", unit: "troops", boardId: board.id },
    },
    { type: "figure", observation },
    { type: "Event", event },
    { type: null, event },
    { event },
  ]);
}

/** A well-formed target that points at something missing, or on another board: the server must refuse it. */
function foreignTarget(rng: Rng, targets: FuzzTargets): unknown {
  const { board, strangerBoard } = targets;
  return rng.pick([
    { type: "event", eventId: fuzzUuid(rng) },
    { type: "event", eventId: strangerBoard.eventId },
    { type: "event", eventId: board.indicatorId },
    { type: "indicator", indicatorId: strangerBoard.indicatorId, at: "2022-01-08T00:00:00Z" },
    { type: "indicator-range", indicatorId: fuzzUuid(rng), from: "2022-01-01T00:00:00Z", to: "2022-01-02T00:00:00Z" },
    { type: "observation", observationId: board.eventId },
    { type: "observation", observationId: strangerBoard.observationId },
  ]);
}

/** Nested arrays and objects, built iteratively (the client's encoder recurses, so keep depth ≤ 1000 here). */
function nested(rng: Rng, depth: number, core: unknown = 1): unknown {
  let value = core;
  for (let level = 0; level < depth; level++) {
    value = rng.chance(0.5) ? [value] : { [rng.pick(["a", "__proto__", "constructor", "body", ""])]: value };
  }
  return value;
}

// Breakers: each one alone makes the payload invalid (its schema refuses it) or refused (well-formed, but aimed
// where this fuzzer may not act, or at something missing). Combined, the refused ones go first: a later one
// could overwrite the very field an invalid one broke (a wrong boardId replaced by the stranger's board),
// while an invalid one leaves the payload invalid whatever came before it. An invalid payload must be answered VALIDATION (or PAYLOAD_TOO_LARGE), so a
// schema that stops refusing one shows even on an event whose well-shaped payload is refused anyway.

type BreakContext = { rng: Rng; targets: FuzzTargets; event: ClientEvent };
type Breaker = {
  name: string;
  /** "invalid": the schema refuses it. "refused": it passes the schema, and the service refuses it. */
  effect: "invalid" | "refused";
  appliesTo: (event: ClientEvent) => boolean;
  apply: (payload: Payload, context: BreakContext) => Payload;
};

const PROTOTYPE_KEYS: readonly string[] = [
  '{"__proto__": {"isAdmin": true, "role": "owner"}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  '{"prototype": {"isAdmin": true}}',
  '{"__proto__": null}',
  '{"__proto__": [], "constructor": "Object"}',
];
const EXTRA_KEYS: readonly string[] = [
  "extra",
  "isAdmin",
  "role",
  "authorId",
  "version",
  "seq",
  "deletedAt",
  "",
  "\uD800",
];

type Field = { name: string; spec: FieldSpec };

function fieldsWhere(event: ClientEvent, wanted: (spec: FieldSpec, name: string) => boolean = () => true): Field[] {
  return Object.entries(EVENTS[event].fields as Record<string, FieldSpec>)
    .filter(([name, spec]) => wanted(spec, name))
    .map(([name, spec]) => ({ name, spec }));
}

const hasField = (wanted: (spec: FieldSpec, name: string) => boolean) => (event: ClientEvent) =>
  fieldsWhere(event, wanted).length > 0;
const anyEvent = () => true;
/** Updates that change some of a thing's fields (a presence update restates all of them). */
const isUpdate = (event: ClientEvent) =>
  event.endsWith(":update") && fieldsWhere(event, (spec) => !spec.required).length > 0;
/** Fields whose schema takes no string like "1", "NaN" or "" (free text and URLs are left out). */
const STRINGLESS = new Set<FieldKind["type"]>([
  "uuid",
  "enum",
  "instant",
  "number",
  "credibility",
  "version",
  "seq",
  "tags",
  "uuids",
  "target",
  "confirmation",
  "focus",
  "color",
  "view-state",
]);
const isInstant = (spec: FieldSpec) => spec.kind.type === "instant";
/** Fields stored as text: free text, tags and URLs. */
const holdsText = (spec: FieldSpec) => ["text", "tags", "url"].includes(spec.kind.type);
/** Longer than this, a string is wrong for the field (for fields that take no free text, any long string is). */
const maxLength = (spec: FieldSpec) =>
  spec.kind.type === "text" ? spec.kind.max : spec.kind.type === "url" ? 2_000 : LIMITS.annotationBody;

const BREAKERS: readonly Breaker[] = [
  {
    name: "wrong type",
    effect: "invalid",
    appliesTo: anyEvent,
    apply: (payload, { rng, targets, event }) => {
      const field = rng.pick(fieldsWhere(event));
      return { ...payload, [field.name]: wrongValue(rng, field.spec.kind, targets) };
    },
  },
  {
    name: "missing required field",
    effect: "invalid",
    appliesTo: anyEvent,
    apply: (payload, { rng, event }) => {
      const { [rng.pick(fieldsWhere(event, (spec) => spec.required)).name]: _dropped, ...rest } = payload;
      return rest;
    },
  },
  {
    name: "nothing to change",
    effect: "invalid",
    appliesTo: isUpdate,
    apply: (payload, { event }) => {
      const kept = new Set(fieldsWhere(event, (spec) => spec.required).map((field) => field.name));
      return Object.fromEntries(Object.entries(payload).filter(([name]) => kept.has(name)));
    },
  },
  {
    name: "extra field",
    effect: "invalid",
    appliesTo: anyEvent,
    apply: (payload, { rng, targets, event }) => {
      const key = rng.pick(EXTRA_KEYS.filter((name) => !Object.hasOwn(EVENTS[event].fields, name)));
      return { ...payload, [key]: rng.pick([...WRONG_FOR_EVERY_FIELD, null, targets.board.id, "x"]) };
    },
  },
  {
    name: "prototype keys",
    effect: "invalid",
    appliesTo: anyEvent,
    // JSON.parse makes __proto__ an own key, as the server's parser does; a literal would set the prototype.
    apply: (payload, { rng }) => {
      const keys: Payload = JSON.parse(rng.pick(PROTOTYPE_KEYS));
      const objects = Object.entries(payload).filter(
        ([, value]) => typeof value === "object" && value !== null && !Array.isArray(value),
      );
      if (objects.length > 0 && rng.chance(0.3)) {
        const [name, value] = rng.pick(objects);
        return { ...payload, [name]: { ...(value as Payload), ...keys } };
      }
      return { ...payload, ...keys };
    },
  },
  {
    name: "numbers as strings",
    effect: "invalid",
    appliesTo: hasField((spec) => STRINGLESS.has(spec.kind.type)),
    apply: (payload, { rng, event }) => ({
      ...payload,
      [rng.pick(fieldsWhere(event, (spec) => STRINGLESS.has(spec.kind.type))).name]: rng.pick(NUMBERS_AS_STRINGS),
    }),
  },
  {
    name: "huge string",
    effect: "invalid",
    appliesTo: anyEvent,
    apply: (payload, { rng, event }) => {
      const field = rng.pick(fieldsWhere(event));
      const length = rng.int(maxLength(field.spec) + 1, maxLength(field.spec) + 50_000);
      const text = rng.pick(["x", "é", "y "]).repeat(Math.ceil(length / 2));
      return rng.chance(0.2)
        ? { ...payload, [text.slice(0, 60_000)]: 1 }
        : { ...payload, [field.name]: `${text.padEnd(length, "z")}z` };
    },
  },
  {
    name: "long array",
    effect: "invalid",
    appliesTo: anyEvent,
    apply: (payload, { rng, event }) => ({
      ...payload,
      [rng.pick(fieldsWhere(event)).name]: Array.from({ length: rng.int(1_000, 20_000) }, (_, index) => index % 10),
    }),
  },
  {
    name: "deep nesting",
    effect: "invalid",
    appliesTo: anyEvent,
    apply: (payload, { rng, event }) => ({
      ...payload,
      [rng.pick(fieldsWhere(event)).name]: nested(rng, rng.int(5, 1_000)),
    }),
  },
  {
    name: "invalid instant",
    effect: "invalid",
    appliesTo: (event) => event === "annotation:create" || hasField(isInstant)(event),
    apply: (payload, { rng, targets, event }) => {
      if (event === "annotation:create") {
        const { indicatorId } = targets.board;
        const instant = rng.pick(INVALID_INSTANTS);
        return {
          ...payload,
          target: rng.chance(0.5)
            ? { type: "indicator", indicatorId, at: instant }
            : { type: "indicator-range", indicatorId, from: "2022-01-01T00:00:00Z", to: instant },
        };
      }
      const field = rng.pick(fieldsWhere(event, isInstant));
      const nullable = field.spec.kind.type === "instant" && field.spec.kind.nullable === true;
      return { ...payload, [field.name]: rng.pick(INVALID_INSTANTS.filter((value) => !(nullable && value === null))) };
    },
  },
  {
    name: "ends before it starts",
    effect: "invalid",
    appliesTo: (event) => event === "event:create" || event === "event:update",
    apply: (payload) => ({ ...payload, occurredAt: "2022-01-10T00:00:00Z", endsAt: "2022-01-09T23:59:59Z" }),
  },
  {
    name: "text the database cannot store",
    effect: "invalid",
    appliesTo: hasField(holdsText),
    apply: (payload, { rng, event }) => {
      const field = rng.pick(fieldsWhere(event, holdsText));
      const text = rng.pick(UNSTORABLE_TEXT);
      const { type } = field.spec.kind;
      const value = type === "tags" ? ["border", text] : type === "url" ? `https://example.com/${text}` : text;
      return { ...payload, [field.name]: value };
    },
  },
  {
    name: "board the fuzzer may not write",
    effect: "refused",
    // Leaving any room is allowed, and joining, searching or listing the views of the viewed or archived
    // board is too (below).
    appliesTo: (event) =>
      !["board:join", "board:leave", "board:search", "place:search", "view:list", "board:seen"].includes(event),
    apply: (payload, { rng, targets }) => ({
      ...payload,
      boardId: rng.pick([fuzzUuid(rng), targets.strangerBoard.id, targets.viewedBoard.id, targets.archivedBoard.id]),
    }),
  },
  {
    name: "board the fuzzer is not on",
    effect: "refused",
    appliesTo: (event) =>
      event === "board:join" || event === "board:search" || event === "view:list" || event === "board:seen",
    apply: (payload, { rng, targets }) => ({
      ...payload,
      boardId: rng.pick([fuzzUuid(rng), targets.strangerBoard.id]),
    }),
  },
  {
    name: "target or parent not on this board",
    effect: "refused",
    appliesTo: (event) => event === "annotation:create",
    apply: (payload, { rng, targets }) =>
      rng.chance(0.3)
        ? { ...payload, parentId: rng.pick([fuzzUuid(rng), targets.board.eventId]) }
        : { ...payload, target: foreignTarget(rng, targets) },
  },
  {
    name: "reference not on this board",
    effect: "refused",
    appliesTo: (event) => ["event:create", "event:update", "observation:create", "observation:update"].includes(event),
    apply: (payload, { rng, targets, event }) => {
      const elsewhere = rng.pick([fuzzUuid(rng), targets.strangerBoard.indicatorId, targets.board.eventId]);
      if (event.startsWith("event:")) return { ...payload, sourceIds: [elsewhere] };
      return event === "observation:create" && rng.chance(0.5)
        ? { ...payload, indicatorId: elsewhere }
        : { ...payload, sourceId: elsewhere };
    },
  },
];

/** Breakers that replace the whole payload, so they are applied alone; all of them make it invalid. */
const SHAPE_BREAKERS: readonly { name: string; apply: (payload: Payload, rng: Rng) => unknown }[] = [
  { name: "not an object", apply: (_payload, rng) => rng.pick([null, 0, 42, -1, true, "annotation", "", [], [[]]]) },
  { name: "wrapped in an array", apply: (payload) => [payload] },
  { name: "sent as a JSON string", apply: (payload) => JSON.stringify(payload) },
  { name: "buried in nesting", apply: (payload, rng) => nested(rng, rng.int(1, 200), payload) },
  {
    name: "oversized",
    apply: (payload, rng) => {
      const bytes = rng.int(OVERSIZED_BYTES.min, OVERSIZED_BYTES.max);
      return rng.chance(0.5)
        ? { ...payload, body: rng.pick(["x", "é"]).repeat(Math.floor(bytes / 2)) }
        : { ...payload, tags: Array.from({ length: Math.floor(bytes / 3) }, (_, index) => index % 10) };
    },
  },
];

type Malformed = { payload: unknown; label: string; invalid: boolean };

function malformedPayload(rng: Rng, targets: FuzzTargets, event: ClientEvent): Malformed {
  const payload = wellShapedPayload(rng, targets, event);
  if (rng.chance(0.1)) {
    const breaker = rng.pick(SHAPE_BREAKERS);
    return { payload: breaker.apply(payload, rng), label: `${event}: ${breaker.name}`, invalid: true };
  }
  const applicable = BREAKERS.filter((breaker) => breaker.appliesTo(event));
  const refusing = applicable.filter((breaker) => breaker.effect === "refused");
  // Mostly one breaker, and a fair share of those past the schema, so every event also reaches the
  // NOT_FOUND, FORBIDDEN and CONFLICT checks behind it.
  const breakers = (
    rng.chance(0.6)
      ? [rng.pick(rng.chance(0.3) && refusing.length > 0 ? refusing : applicable)]
      : Array.from({ length: rng.int(2, 3) }, () => rng.pick(applicable))
  ).sort((first, second) => Number(first.effect === "invalid") - Number(second.effect === "invalid"));
  return {
    payload: breakers.reduce((broken, breaker) => breaker.apply(broken, { rng, targets, event }), payload),
    label: `${event}: ${breakers.map((breaker) => breaker.name).join(" + ")}`,
    invalid: breakers.some((breaker) => breaker.effect === "invalid"),
  };
}

// Calls: how a payload travels.

type FuzzCall =
  /** Sent with an ack callback after `args`; the ack must be a refusal (VALIDATION or PAYLOAD_TOO_LARGE if invalid). */
  | { send: "request"; event: ClientEvent; args: unknown[]; label: string; invalid: boolean }
  /** Written to the transport pre-encoded, for nesting deeper than socket.io-client's recursive encoder takes. */
  | { send: "packet"; event: ClientEvent; json: string; label: string; invalid: true }
  /**
   * Sent without an ack callback: the server must not answer, write or fall over. Only ever an invalid payload
   * or an unknown event, which the server refuses before it reads the socket's next packet (every handler
   * validates before its first await): the barrier after the storm relies on that.
   */
  | { send: "fire"; event: string; args: unknown[]; label: string; invalid: true };

/**
 * Names the server has no handler for, including ones an EventEmitter or a prototype might react to, and
 * near misses of real ones. The first test checks that none is a client event and none has a listener.
 */
const UNKNOWN_EVENTS: readonly string[] = [
  "annotation:creat",
  "Annotation:Create",
  "annotation:create ",
  "annotation:resolved",
  "annotation:list",
  "board:delete",
  "member:invite",
  "observation:import",
  "board:op",
  "warning:raised",
  "presence:state",
  "session:ended",
  "board:",
  ":",
  "",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "error",
  "connection",
  "\uD800",
  "annotation:create\u0000",
  "x".repeat(10_000),
];

function deepJson(rng: Rng, depth: number): string {
  const [open, close] = rng.pick([
    ["[", "]"],
    ['{"a":', "}"],
    ['{"__proto__":', "}"],
  ] as const);
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

function generateCall(rng: Rng, targets: FuzzTargets): FuzzCall {
  const roll = rng.next();
  if (roll < 0.05) {
    const event = rng.pick(UNKNOWN_EVENTS);
    const args = rng.pick([[], [wellShapedPayload(rng, targets, rng.pick(CLIENT_EVENTS))], [null, 1, "two"]]);
    return { send: "fire", event, args, label: `unknown event ${JSON.stringify(event.slice(0, 40))}`, invalid: true };
  }
  const event = rng.pick(CLIENT_EVENTS);
  if (roll < 0.08) {
    const deep = deepJson(rng, rng.int(1_000, 5_000));
    // Either the whole payload, or one field of a well-shaped one overridden by a duplicate key.
    const fieldJson = `${JSON.stringify(rng.pick(fieldsWhere(event)).name)}:${deep}`;
    const json = rng.chance(0.5)
      ? deep
      : `${JSON.stringify(wellShapedPayload(rng, targets, event)).slice(0, -1)},${fieldJson}}`;
    return { send: "packet", event, json, label: `${event}: nested thousands deep`, invalid: true };
  }
  const { payload, label, invalid } = malformedPayload(rng, targets, event);
  const how = rng.next();
  if (how < 0.06 && invalid) {
    const args = rng.pick([[payload], [payload, 1, 2, 3]]);
    return { send: "fire", event, args, label: `${label}, no ack`, invalid };
  }
  if (how < 0.14) {
    // A handler that read the wrong argument would find a well-formed payload here and write it.
    const extra = rng.pick([["extra"], [42, true], [null, {}], [wellShapedPayload(rng, targets, event)]]);
    return { send: "request", event, args: [payload, ...extra], label: `${label}, extra arguments`, invalid };
  }
  if (how < 0.15) return { send: "request", event, args: [], label: `${event}: no payload at all`, invalid: true };
  return { send: "request", event, args: [payload], label, invalid };
}

// Sending, and judging the answers.

type FuzzClient = { name: string; socket: TestSocket };
type FuzzReport = {
  requests: number;
  fired: number;
  codes: Map<ErrorCode, number>;
  /** The refusals each client event answered, to show every one was reached past its schema too. */
  byEvent: Map<ClientEvent, Map<ErrorCode, number>>;
  violations: string[];
};

/** What an invalid payload may be answered: its schema, or the size check before it, refuses it. */
const INVALID_REFUSALS: readonly ErrorCode[] = ["VALIDATION", "PAYLOAD_TOO_LARGE"];

function count<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function request(socket: TestSocket, event: ClientEvent, args: unknown[]): Promise<unknown> {
  const flagged = socket.timeout(ACK_TIMEOUT_MS);
  return (flagged.emitWithAck.bind(flagged) as (...args: unknown[]) => Promise<unknown>)(event, ...args);
}

/** Ack ids well clear of the client's own, so the client ignores these acks and we read them off the transport. */
let nextPacketId = 1_000_000;

/** Writes a Socket.IO EVENT packet with an ack id straight to the engine and waits for the matching ACK packet. */
function sendPacket(socket: TestSocket, event: ClientEvent, json: string): Promise<unknown> {
  const id = nextPacketId++;
  const engine = socket.io.engine;
  const ackPrefix = `3${id}[`;
  return new Promise((resolve, reject) => {
    const onPacket = (packet: { type: string; data?: unknown }) => {
      if (packet.type !== "message" || typeof packet.data !== "string" || !packet.data.startsWith(ackPrefix)) return;
      clearTimeout(timer);
      engine.off("packet", onPacket);
      resolve((JSON.parse(packet.data.slice(ackPrefix.length - 1)) as unknown[])[0]);
    };
    const timer = setTimeout(() => {
      engine.off("packet", onPacket);
      reject(new Error(`no ack within ${ACK_TIMEOUT_MS} ms`));
    }, ACK_TIMEOUT_MS);
    engine.on("packet", onPacket);
    engine.write(`2${id}[${JSON.stringify(event)},${json}]`);
  });
}

function refusalCode(ack: unknown): ErrorCode | null {
  if (typeof ack !== "object" || ack === null) return null;
  const { ok, error } = ack as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (ok !== false || typeof error?.message !== "string") return null;
  return REFUSALS.find((code) => code === error.code) ?? null;
}

/** A short JSON view of what was sent or answered, with long strings cut down so the interesting part shows. */
function preview(value: unknown): string {
  const shorten = (_key: string, item: unknown) =>
    typeof item === "string" && item.length > 80 ? `${item.slice(0, 40)}…(${item.length} chars)` : item;
  try {
    return (JSON.stringify(value, shorten) ?? "undefined").slice(0, 400);
  } catch {
    return "(unprintable)";
  }
}

async function sendCall(client: FuzzClient, call: FuzzCall, index: number, report: FuzzReport): Promise<void> {
  if (call.send === "fire") {
    (client.socket.emit.bind(client.socket) as (...args: unknown[]) => void)(call.event, ...call.args);
    report.fired++;
    return;
  }
  report.requests++;
  const where = `${client.name} call #${index} (${call.label})`;
  let ack: unknown;
  try {
    ack =
      call.send === "packet"
        ? await sendPacket(client.socket, call.event, call.json)
        : await request(client.socket, call.event, call.args);
  } catch (error) {
    report.violations.push(`${where}: ${String(error)}`);
    return;
  }
  const code = refusalCode(ack);
  if (code && (!call.invalid || INVALID_REFUSALS.includes(code))) {
    count(report.codes, code);
    const byEvent = report.byEvent.get(call.event) ?? new Map<ErrorCode, number>();
    report.byEvent.set(call.event, byEvent);
    count(byEvent, code);
  } else {
    const sent = call.send === "packet" ? call.json : call.args[0];
    const expected = call.invalid ? "an invalid payload" : "a refused payload";
    report.violations.push(`${where} answered ${preview(ack)} to ${expected} ${preview(sent)}`);
  }
}

/** One client's share of the storm, generated in order from its own stream so a seed replays it exactly. */
async function storm(client: FuzzClient, rng: Rng, targets: FuzzTargets, report: FuzzReport, onBatch: () => void) {
  for (let sent = 0; sent < CALLS_PER_CLIENT; sent += CALLS_IN_FLIGHT) {
    const calls = Array.from({ length: Math.min(CALLS_IN_FLIGHT, CALLS_PER_CLIENT - sent) }, () =>
      generateCall(rng, targets),
    );
    await Promise.all(calls.map((call, offset) => sendCall(client, call, sent + offset, report)));
    onBatch();
  }
}

// The live server and its analysts.

let app: TestApp;
let targets: FuzzTargets;
let editor: TestAnalyst;
let watcherOps: WireOp[];
const fuzzers: FuzzClient[] = [];

/**
 * Every row a socket call could write or change, in a stable order. Ops and revisions are only counted: every
 * write appends one, and the storm must add none but the well-formed annotations.
 */
const databaseState = async () => {
  const byId = { orderBy: { id: "asc" } } as const;
  return {
    boards: await app.db.board.findMany(byId),
    memberships: await app.db.membership.findMany({ orderBy: [{ boardId: "asc" }, { userId: "asc" }] }),
    invitations: await app.db.invitation.count(),
    events: await app.db.event.findMany(byId),
    eventSources: await app.db.eventSource.count(),
    sources: await app.db.source.findMany(byId),
    indicators: await app.db.indicator.findMany(byId),
    observations: await app.db.observation.findMany(byId),
    annotations: await app.db.annotation.findMany(byId),
    candidates: await app.db.candidate.findMany(byId),
    savedViews: await app.db.savedView.findMany(byId),
    revisions: await app.db.annotationRevision.count(),
    ops: await app.db.op.count(),
  };
};

/** The server still answers HTTP, keeps every fuzzing socket, and takes and delivers a well-formed annotation. */
async function expectStillServing(author: FuzzClient): Promise<void> {
  expect((await fetch(`${app.url}/api/health`)).status, `seed ${SEED}`).toBe(200);
  expect(
    fuzzers.filter((fuzzer) => !fuzzer.socket.connected).map((fuzzer) => fuzzer.name),
    `seed ${SEED}: fuzzing sockets the server dropped`,
  ).toEqual([]);
  const input = annotationInput(targets.board, { body: "Still standing after the storm." });
  const ack = await author.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("annotation:create", input);
  expect(ack.ok, `seed ${SEED}: ${preview(ack)}`).toBe(true);
  await expect
    .poll(() => watcherOps.some((op) => op.type === "annotation.created" && op.data.id === input.id))
    .toBe(true);
}

beforeAll(async () => {
  app = await openTestApp();
  let owner: TestAnalyst;
  let watcher: TestAnalyst;
  let stranger: TestAnalyst;
  [owner, editor, watcher, stranger] = await Promise.all([
    makeAnalyst(app),
    makeAnalyst(app),
    makeAnalyst(app),
    makeAnalyst(app),
  ]);
  const board = await makeBoard(app, [
    [owner, "owner"],
    [editor, "editor"],
    [watcher, "commenter"],
  ]);
  const [strangerBoard, viewedBoard, archivedBoard] = await Promise.all([
    makeBoard(app, [[stranger, "owner"]]),
    makeBoard(app, [
      [stranger, "owner"],
      [owner, "viewer"],
      [editor, "viewer"],
    ]),
    makeBoard(app, [
      [owner, "owner"],
      [editor, "editor"],
    ]),
  ]);
  await app.db.board.update({ where: { id: archivedBoard.id }, data: { archivedAt: new Date() } });

  watcherOps = [];
  const watcherSocket = await joinedSocket(app, watcher, board, (socket) =>
    socket.on("board:op", (op) => watcherOps.push(op)),
  );
  const watcherAnnotation = annotationInput(board, { body: "Someone else's note the fuzzers must not change." });
  expect((await watcherSocket.emitWithAck("annotation:create", watcherAnnotation)).ok).toBe(true);
  targets = { board, strangerBoard, viewedBoard, archivedBoard, watcherAnnotationId: watcherAnnotation.id };

  const analysts = [owner, editor];
  for (let index = 0; index < FUZZ_CLIENTS; index++) {
    const analyst = analysts[index % analysts.length] as TestAnalyst;
    fuzzers.push({
      name: `${analyst === owner ? "owner" : "editor"}-${index}`,
      socket: await connectedSocket(app, analyst),
    });
  }
});

afterAll(() => app?.stop());

describe("the socket API under a storm of malformed payloads", () => {
  it("fuzzes every client event, and its unknown events have no handler on the server", () => {
    expect(UNKNOWN_EVENTS.filter(isClientEvent)).toEqual([]);
    const serverSocket = app.io.of("/").sockets.get((fuzzers[0] as FuzzClient).socket.id ?? "");
    if (!serverSocket) throw new Error("the fuzzing socket is not on the server");
    // Socket.IO gives every socket a no-op "error" listener, so a client's "error" event cannot crash it;
    // "disconnecting" is the server's own bookkeeping. Any other listener is a handler the server added.
    const builtIn = (event: string) => (event === "error" ? 1 : 0);
    const listened = (event: string) =>
      serverSocket.listeners(event as "disconnecting").length > builtIn(event) && event !== "disconnecting";
    expect(
      CLIENT_EVENTS.filter((event) => !listened(event)),
      "client events without a handler",
    ).toEqual([]);
    expect(UNKNOWN_EVENTS.filter(listened), "'unknown' events the server handles").toEqual([]);
    // And the other way round: the server handles no event this file does not fuzz.
    const handled = serverSocket.eventNames().filter((event): event is string => typeof event === "string");
    expect(
      handled.filter(listened).filter((event) => !isClientEvent(event)),
      "handled events not fuzzed",
    ).toEqual([]);
  });

  it("generates well-shaped payloads that pass their schema, and invalid calls that fail it", () => {
    const rng = createRng(SEED ^ 0x5eed);
    // What the server's parser would hand the handler (JSON drops undefined, keeps __proto__ as an own key).
    const overTheWire = (payload: unknown) => (payload === undefined ? undefined : JSON.parse(JSON.stringify(payload)));
    const parses = (event: ClientEvent, payload: unknown) => EVENTS[event].schema.safeParse(payload).success;
    for (const event of CLIENT_EVENTS) {
      const rejected = Array.from({ length: 50 }, () => wellShapedPayload(rng, targets, event)).filter(
        (payload) => !parses(event, overTheWire(payload)),
      );
      expect(rejected.map(preview), `seed ${SEED}: well-shaped ${event} payloads its schema refuses`).toEqual([]);
    }
    // The same streams the storm draws from: an invalid call that its schema takes would be a write waiting to
    // happen (for a create) or a refusal for the wrong reason (for the rest).
    const accepted: string[] = [];
    const sampled = new Set<ClientEvent>();
    for (let index = 0; index < FUZZ_CLIENTS; index++) {
      const stream = createRng(SEED + index * 0x9e3779b9);
      for (let call = 0; call < CALLS_PER_CLIENT; call++) {
        const generated = generateCall(stream, targets);
        const { event } = generated;
        if (!generated.invalid || !isClientEvent(event)) continue;
        sampled.add(event);
        const payload = generated.send === "packet" ? JSON.parse(generated.json) : overTheWire(generated.args[0]);
        if (parses(event, payload)) accepted.push(`${generated.label}: ${preview(payload)}`);
      }
    }
    expect(accepted.slice(0, 10), `seed ${SEED}: invalid payloads their schema accepts`).toEqual([]);
    expect([...sampled].sort()).toEqual([...CLIENT_EVENTS].sort());
  });

  it("refuses, as invalid, each field of each event left out or given each value known to be wrong", async () => {
    const rng = createRng(SEED ^ 0xf1e1d);
    const calls: FuzzCall[] = [];
    const send = (event: ClientEvent, payload: Payload, label: string) =>
      calls.push({ send: "request", event, args: [payload], label, invalid: true });
    for (const event of CLIENT_EVENTS) {
      for (const { name, spec } of fieldsWhere(event)) {
        if (spec.required) {
          const { [name]: _dropped, ...rest } = wellShapedPayload(rng, targets, event);
          send(event, rest, `${event}: without ${name}`);
        }
        for (const wrong of wrongValues(rng, spec.kind, targets))
          send(event, { ...wellShapedPayload(rng, targets, event), [name]: wrong }, `${event}: ${name} wrong`);
      }
    }
    const before = await databaseState();
    const report: FuzzReport = { requests: 0, fired: 0, codes: new Map(), byEvent: new Map(), violations: [] };
    const client = fuzzers[1] as FuzzClient;
    for (let sent = 0; sent < calls.length; sent += CALLS_IN_FLIGHT) {
      const batch = calls.slice(sent, sent + CALLS_IN_FLIGHT);
      await Promise.all(batch.map((call, offset) => sendCall(client, call, sent + offset, report)));
    }
    expect(
      { count: report.violations.length, first: report.violations.slice(0, 15) },
      `seed ${SEED}: wrong fields not refused as invalid`,
    ).toEqual({ count: 0, first: [] });
    console.log(`socket fuzz seed ${SEED}: ${calls.length} calls with one field wrong`);
    expect([...report.byEvent.keys()].sort()).toEqual([...CLIENT_EVENTS].sort());
    // Nothing committed, so nothing was published either (ops are published only after their commit).
    expect(await databaseState(), `seed ${SEED}: rows written by wrong fields`).toEqual(before);
  });

  it("refuses or ignores every malformed call, writes nothing, and delivers a mid-storm annotation", async () => {
    const startedAt = performance.now();
    const before = await databaseState();
    const seqBefore = Math.max(0, ...watcherOps.map((op) => op.seq));
    const report: FuzzReport = { requests: 0, fired: 0, codes: new Map(), byEvent: new Map(), violations: [] };

    // Halfway through, the owner sends a well-formed annotation while the other clients keep fuzzing.
    let batchesDone = 0;
    const halfwayBatches = (FUZZ_CLIENTS * Math.ceil(CALLS_PER_CLIENT / CALLS_IN_FLIGHT)) / 2;
    let reachHalfway = () => {};
    const halfway = new Promise<void>((resolve) => {
      reachHalfway = resolve;
    });
    const wellFormed = annotationInput(targets.board, { tags: ["mid-storm"] });
    const author = fuzzers[0] as FuzzClient;
    const [wellFormedAck] = await Promise.all([
      halfway.then(() => author.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("annotation:create", wellFormed)),
      ...fuzzers.map((fuzzer, index) =>
        // Each client draws from its own stream, so concurrency cannot change what any of them sends.
        storm(fuzzer, createRng(SEED + index * 0x9e3779b9), targets, report, () => {
          batchesDone++;
          if (batchesDone >= halfwayBatches) reachHalfway();
        }),
      ),
    ]);
    // Every acked call has been answered. Calls sent without an ack were invalid or unknown, so the server
    // refused each before it read that socket's next packet: a barrier annotation from each fuzzer, sent after
    // its last call, is handled after all of them, and once the watcher holds all the barriers' ops it holds
    // every op the storm could have broadcast (barrier.ts).
    const barriers = [];
    for (const fuzzer of fuzzers) barriers.push(await barrierOp(fuzzer.socket, targets.board, [watcherOps]));

    const elapsedMs = Math.round(performance.now() - startedAt);
    console.log(
      `socket fuzz seed ${SEED}: ${report.requests} acked calls and ${report.fired} without ack from ` +
        `${FUZZ_CLIENTS} clients over ${CLIENT_EVENTS.length} events in ${elapsedMs} ms; ` +
        `refusals ${preview(Object.fromEntries(report.codes))}`,
    );
    expect(report.requests + report.fired).toBeGreaterThanOrEqual(FUZZ_CLIENTS * CALLS_PER_CLIENT);
    expect(
      { count: report.violations.length, first: report.violations.slice(0, 15) },
      `seed ${SEED}: calls not answered with the refusal they called for (replay with FUZZ_SEED=${SEED})`,
    ).toEqual({ count: 0, first: [] });
    // Every refusal path was reached, or the generators have stopped getting past the first check.
    expect([...report.codes.keys()].sort(), `seed ${SEED}`).toEqual([...REFUSALS].sort());
    // Each event was refused by its schema and (but for leaving and place searches, which nothing refuses
    // past it) behind it.
    const reached = Object.fromEntries(
      CLIENT_EVENTS.map((event) => {
        const codes = [...(report.byEvent.get(event)?.keys() ?? [])];
        return [
          event,
          {
            byItsSchema: codes.includes("VALIDATION"),
            pastItsSchema:
              event === "board:leave" ||
              event === "place:search" ||
              codes.some((code) => !INVALID_REFUSALS.includes(code)),
          },
        ];
      }),
    );
    expect(reached, `seed ${SEED}: events not refused both ways`).toEqual(
      Object.fromEntries(CLIENT_EVENTS.map((event) => [event, { byItsSchema: true, pastItsSchema: true }])),
    );

    expect(wellFormedAck.ok, `seed ${SEED}: ${preview(wellFormedAck)}`).toBe(true);
    const written = [wellFormed.id, ...barriers.map((barrier) => barrier.id)];
    expect(
      watcherOps.filter((op) => op.seq > seqBefore).map((op) => (op.type === "annotation.created" ? op.data.id : op)),
      `seed ${SEED}: the watcher saw ops other than the well-formed annotations`,
    ).toEqual(expect.arrayContaining(written));
    expect(watcherOps.filter((op) => op.seq > seqBefore)).toHaveLength(written.length);

    const after = await databaseState();
    const withoutSeq = (boards: typeof before.boards) =>
      boards.map(({ lastSeq: _seq, updatedAt: _at, ...rest }) => rest);
    const totalSeq = (boards: typeof before.boards) => boards.reduce((sum, board) => sum + board.lastSeq, 0);
    expect(
      {
        ...after,
        boards: withoutSeq(after.boards),
        annotations: after.annotations.filter((annotation) => !written.includes(annotation.id)),
      },
      `seed ${SEED}: rows the storm wrote or changed`,
    ).toEqual({
      ...before,
      boards: withoutSeq(before.boards),
      revisions: before.revisions + written.length,
      ops: before.ops + written.length,
    });
    expect(totalSeq(after.boards)).toBe(totalSeq(before.boards) + written.length);
    // The server runs in this process, so a __proto__ or constructor payload that polluted a prototype shows here.
    expect("isAdmin" in {}, `seed ${SEED}`).toBe(false);

    await expectStillServing(author);
  });

  it("closes only a socket that breaks the Socket.IO protocol itself, and keeps serving the others", async () => {
    const packets = [
      '2["disconnect"]',
      '2["annotation:create",{"id":',
      '2{"not":"an array"}',
      "9",
      // Past the transport's cap (LIMITS.socketTransportBytes): dropped with the connection, by design.
      `2["annotation:create","${"x".repeat(LIMITS.socketTransportBytes + 1)}"]`,
    ];
    const offenders = await Promise.all(packets.map(() => connectedSocket(app, editor)));
    for (const [index, socket] of offenders.entries()) socket.io.engine.write(packets[index] as string);
    await expect.poll(() => offenders.map((socket) => socket.connected)).toEqual(packets.map(() => false));
    await expectStillServing(fuzzers[1] as FuzzClient);
  });
});
