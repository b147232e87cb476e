// Fuzzes the live socket API: thousands of seeded malformed payloads from several clients at once must each be
// refused with an error ack (or ignored), write nothing, and leave the server delivering well-formed work.
// Every run prints its seed; replay one with FUZZ_SEED=<seed> npx vitest run tests/integration/socket-fuzz.test.ts
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorCode } from "@/lib/errors";
import type { WireOp } from "@/lib/ops";
import { LIMITS } from "@/lib/schemas/common";
import type { App } from "@/server/app";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  annotationInput,
  connectSocket,
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
  waitForConnect,
} from "../support/factories";
import { startTestApp } from "../support/test-app";

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
/** The transport closes the connection beyond 4 × LIMITS.socketMessageBytes, so oversized payloads stay below. */
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

const KNOWN_EVENTS = [
  "board:join",
  "board:leave",
  "annotation:create",
  "annotation:update",
  "annotation:delete",
] as const;
type KnownEvent = (typeof KNOWN_EVENTS)[number];

type FieldKind =
  | "uuid"
  | "body"
  | "kind"
  | "confidence"
  | "nullable-confidence"
  | "tags"
  | "target"
  | "version"
  | "seq";
type FieldSpec = { kind: FieldKind; required: boolean };

/** The wire schemas' fields (lib/schemas/annotation.ts, lib/schemas/board.ts), by what makes a value wrong. */
const FIELDS: Record<KnownEvent, Record<string, FieldSpec>> = {
  "annotation:create": {
    id: { kind: "uuid", required: true },
    boardId: { kind: "uuid", required: true },
    target: { kind: "target", required: true },
    body: { kind: "body", required: true },
    kind: { kind: "kind", required: false },
    confidence: { kind: "confidence", required: false },
    tags: { kind: "tags", required: false },
    parentId: { kind: "uuid", required: false },
  },
  "annotation:update": {
    id: { kind: "uuid", required: true },
    boardId: { kind: "uuid", required: true },
    expectedVersion: { kind: "version", required: true },
    body: { kind: "body", required: false },
    kind: { kind: "kind", required: false },
    confidence: { kind: "nullable-confidence", required: false },
    tags: { kind: "tags", required: false },
  },
  "annotation:delete": { id: { kind: "uuid", required: true }, boardId: { kind: "uuid", required: true } },
  "board:join": { boardId: { kind: "uuid", required: true }, sinceSeq: { kind: "seq", required: false } },
  "board:leave": { boardId: { kind: "uuid", required: true } },
};

type Payload = Record<string, unknown>;

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
  ]);
}

/**
 * A payload that passes every schema. Creates, joins and leaves like this would succeed, so the fuzz stream only
 * ever sends them broken; updates and deletes name an annotation that is missing or someone else's.
 */
function wellShapedPayload(rng: Rng, targets: FuzzTargets, event: KnownEvent): Payload {
  const { board } = targets;
  switch (event) {
    case "annotation:create":
      return {
        id: fuzzUuid(rng),
        boardId: board.id,
        target: validTarget(rng, board),
        body: "Armour seen moving toward the crossing at dawn.",
        ...(rng.chance(0.5) ? { kind: rng.pick(["note", "assessment", "question", "warning"]) } : {}),
        ...(rng.chance(0.3) ? { confidence: rng.pick(["low", "moderate", "high"]) } : {}),
        ...(rng.chance(0.3) ? { tags: ["border", "armour"] } : {}),
      };
    case "annotation:update":
      return {
        id: rng.chance(0.3) ? targets.watcherAnnotationId : fuzzUuid(rng),
        boardId: board.id,
        expectedVersion: 1,
        body: "Revised after the second satellite pass.",
      };
    case "annotation:delete":
      return { id: fuzzUuid(rng), boardId: board.id };
    case "board:join":
      return rng.chance(0.5) ? { boardId: board.id, sinceSeq: 0 } : { boardId: board.id };
    case "board:leave":
      return { boardId: board.id };
  }
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

function wrongValue(rng: Rng, kind: FieldKind, targets: FuzzTargets): unknown {
  const common = [...WRONG_FOR_EVERY_FIELD, ...(kind === "nullable-confidence" ? [] : [null])];
  switch (kind) {
    case "uuid":
      return rng.pick([...common, [], ...NUMBERS, ...NUMBERS_AS_STRINGS, malformedUuid(rng)]);
    case "body":
      return rng.pick([...common, [], ...NUMBERS, "", "   ", "\n\t ", "x".repeat(LIMITS.annotationBody + 1)]);
    case "kind":
      return rng.pick([...common, [], ...NUMBERS, "", "Note", "NOTE", "note ", "rumour", "\uD800"]);
    case "confidence":
    case "nullable-confidence":
      return rng.pick([...common, [], ...NUMBERS, "", "High", "certain", "low ", "0"]);
    case "tags":
      return rng.pick([
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
      ]);
    case "target":
      return rng.pick([...common, [], ...NUMBERS, "board", "event", brokenTarget(rng, targets)]);
    case "version":
      return rng.pick([...common, [], ...NUMBERS_AS_STRINGS, 0, -1, 0.5, 2 ** 53, 1e308, -1e308]);
    case "seq":
      return rng.pick([...common, [], ...NUMBERS_AS_STRINGS, -1, 0.5, 2 ** 53, 1e308, -1e308]);
  }
}

/** A target of some type with something wrong in it, so it fails the schema or the on-this-board check. */
function brokenTarget(rng: Rng, targets: FuzzTargets): unknown {
  const { board, strangerBoard } = targets;
  return rng.pick([
    { type: "board", eventId: board.eventId },
    { type: "event" },
    { type: "event", eventId: malformedUuid(rng) },
    { type: "event", eventId: fuzzUuid(rng) },
    { type: "event", eventId: strangerBoard.eventId },
    { type: "indicator", indicatorId: board.indicatorId },
    { type: "indicator", indicatorId: board.indicatorId, at: rng.pick(INVALID_INSTANTS) },
    { type: "indicator", indicatorId: strangerBoard.indicatorId, at: "2022-01-08T00:00:00Z" },
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
    { type: "observation", observationId: board.eventId },
    { type: "observation", observationId: strangerBoard.observationId },
    { type: "observation", eventId: board.eventId },
    { type: "Event", eventId: board.eventId },
    { type: "comment" },
    { type: "", eventId: board.eventId },
    { type: null },
    { type: ["event"], eventId: board.eventId },
    { eventId: board.eventId },
    JSON.parse(`{"type": "board", "__proto__": {"type": "event", "eventId": "${board.eventId}"}}`),
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

// Breakers: each one alone makes the payload invalid or unauthorized for the events it lists, and only ever
// touches its own field, so any combination of them still is.

type BreakContext = { rng: Rng; targets: FuzzTargets; event: KnownEvent };
type Breaker = {
  name: string;
  events: readonly KnownEvent[];
  apply: (payload: Payload, context: BreakContext) => Payload;
};

const ALL_EVENTS = KNOWN_EVENTS;
const ANNOTATION_WRITES: readonly KnownEvent[] = ["annotation:create", "annotation:update"];
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

function fieldOf(rng: Rng, event: KnownEvent, wanted: (spec: FieldSpec, name: string) => boolean = () => true) {
  const fields = Object.entries(FIELDS[event]).filter(([fieldName, fieldSpec]) => wanted(fieldSpec, fieldName));
  const [name, spec] = rng.pick(fields);
  return { name, spec };
}

const BREAKERS: readonly Breaker[] = [
  {
    name: "wrong type",
    events: ALL_EVENTS,
    apply: (payload, { rng, targets, event }) => {
      const field = fieldOf(rng, event);
      return { ...payload, [field.name]: wrongValue(rng, field.spec.kind, targets) };
    },
  },
  {
    name: "missing required field",
    events: ALL_EVENTS,
    apply: (payload, { rng, event }) => {
      const { [fieldOf(rng, event, (spec) => spec.required).name]: _dropped, ...rest } = payload;
      return rest;
    },
  },
  {
    name: "nothing to change",
    events: ["annotation:update"],
    apply: ({ body: _body, kind: _kind, confidence: _confidence, tags: _tags, ...rest }) => rest,
  },
  {
    name: "extra field",
    events: ALL_EVENTS,
    apply: (payload, { rng, targets, event }) => {
      const key = rng.pick(EXTRA_KEYS.filter((name) => !(name in FIELDS[event])));
      return { ...payload, [key]: rng.pick([...WRONG_FOR_EVERY_FIELD, null, targets.board.id, "x"]) };
    },
  },
  {
    name: "prototype keys",
    events: ALL_EVENTS,
    // JSON.parse makes __proto__ an own key, as the server's parser does; a literal would set the prototype.
    apply: (payload, { rng }) => {
      const keys: Payload = JSON.parse(rng.pick(PROTOTYPE_KEYS));
      const target = payload.target;
      return rng.chance(0.3) && target && typeof target === "object"
        ? { ...payload, target: { ...target, ...keys } }
        : { ...payload, ...keys };
    },
  },
  {
    name: "board the fuzzer may not write",
    events: ["annotation:create", "annotation:update", "annotation:delete"],
    apply: (payload, { rng, targets }) => ({
      ...payload,
      boardId: rng.pick([fuzzUuid(rng), targets.strangerBoard.id, targets.viewedBoard.id, targets.archivedBoard.id]),
    }),
  },
  {
    name: "board the fuzzer is not on",
    events: ["board:join"],
    apply: (payload, { rng, targets }) => ({
      ...payload,
      boardId: rng.pick([fuzzUuid(rng), targets.strangerBoard.id]),
    }),
  },
  {
    name: "target or parent not on this board",
    events: ["annotation:create"],
    apply: (payload, { rng, targets }) =>
      rng.chance(0.3) ? { ...payload, parentId: fuzzUuid(rng) } : { ...payload, target: brokenTarget(rng, targets) },
  },
  {
    name: "invalid instant",
    events: ["annotation:create"],
    apply: (payload, { rng, targets }) => {
      const { indicatorId } = targets.board;
      const instant = rng.pick(INVALID_INSTANTS);
      return {
        ...payload,
        target: rng.chance(0.5)
          ? { type: "indicator", indicatorId, at: instant }
          : { type: "indicator-range", indicatorId, from: "2022-01-01T00:00:00Z", to: instant },
      };
    },
  },
  {
    name: "numbers as strings",
    events: ALL_EVENTS,
    apply: (payload, { rng, event }) => ({
      ...payload,
      [fieldOf(rng, event, (_spec, name) => name !== "body").name]: rng.pick(NUMBERS_AS_STRINGS),
    }),
  },
  {
    name: "huge string",
    events: ALL_EVENTS,
    apply: (payload, { rng, event }) => {
      const text = rng.pick(["x", "é", "y "]).repeat(rng.int(LIMITS.annotationBody + 1, 60_000));
      return rng.chance(0.2) ? { ...payload, [text]: 1 } : { ...payload, [fieldOf(rng, event).name]: `${text}z` };
    },
  },
  {
    name: "long array",
    events: ALL_EVENTS,
    apply: (payload, { rng, event }) => ({
      ...payload,
      [fieldOf(rng, event).name]: Array.from({ length: rng.int(1_000, 20_000) }, (_, index) => index % 10),
    }),
  },
  {
    name: "deep nesting",
    events: ALL_EVENTS,
    apply: (payload, { rng, event }) => ({ ...payload, [fieldOf(rng, event).name]: nested(rng, rng.int(5, 1_000)) }),
  },
  {
    name: "text the database cannot store",
    events: ANNOTATION_WRITES,
    apply: (payload, { rng }) =>
      rng.chance(0.5)
        ? { ...payload, body: rng.pick(UNSTORABLE_TEXT) }
        : { ...payload, tags: ["border", rng.pick(UNSTORABLE_TEXT)] },
  },
];

/** Breakers that replace the whole payload, so they are applied alone. */
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

function malformedPayload(rng: Rng, targets: FuzzTargets, event: KnownEvent): { payload: unknown; label: string } {
  const payload = wellShapedPayload(rng, targets, event);
  if (rng.chance(0.1)) {
    const breaker = rng.pick(SHAPE_BREAKERS);
    return { payload: breaker.apply(payload, rng), label: `${event}: ${breaker.name}` };
  }
  const applicable = BREAKERS.filter((breaker) => breaker.events.includes(event));
  // Mostly one breaker, so calls also get past validation to the NOT_FOUND, FORBIDDEN and CONFLICT checks.
  const breakers = Array.from({ length: rng.chance(0.6) ? 1 : rng.int(2, 3) }, () => rng.pick(applicable));
  return {
    payload: breakers.reduce((broken, breaker) => breaker.apply(broken, { rng, targets, event }), payload),
    label: `${event}: ${breakers.map((breaker) => breaker.name).join(" + ")}`,
  };
}

// Calls: how a payload travels.

type FuzzCall =
  /** Sent with an ack callback after `args`; the ack must be a refusal. */
  | { send: "request"; event: KnownEvent; args: unknown[]; label: string }
  /** Written to the transport pre-encoded, for nesting deeper than socket.io-client's recursive encoder takes. */
  | { send: "packet"; event: KnownEvent; json: string; label: string }
  /** Sent without an ack callback: the server must not answer, write or fall over. */
  | { send: "fire"; event: string; args: unknown[]; label: string };

/** Names the server has no handler for, including ones an EventEmitter or a prototype might react to. */
const UNKNOWN_EVENTS: readonly string[] = [
  "annotation:creat",
  "Annotation:Create",
  "annotation:create ",
  "annotation:resolve",
  "board:op",
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
    const args = rng.pick([[], [wellShapedPayload(rng, targets, rng.pick(KNOWN_EVENTS))], [null, 1, "two"]]);
    return { send: "fire", event, args, label: `unknown event ${JSON.stringify(event.slice(0, 40))}` };
  }
  const event = rng.pick(KNOWN_EVENTS);
  if (roll < 0.08) {
    const deep = deepJson(rng, rng.int(1_000, 5_000));
    // Either the whole payload, or one field of a well-shaped one overridden by a duplicate key.
    const fieldJson = `${JSON.stringify(fieldOf(rng, event).name)}:${deep}`;
    const json = rng.chance(0.5)
      ? deep
      : `${JSON.stringify(wellShapedPayload(rng, targets, event)).slice(0, -1)},${fieldJson}}`;
    return { send: "packet", event, json, label: `${event}: nested thousands deep` };
  }
  const { payload, label } = malformedPayload(rng, targets, event);
  const how = rng.next();
  if (how < 0.06)
    return { send: "fire", event, args: rng.pick([[payload], [payload, 1, 2, 3]]), label: `${label}, no ack` };
  if (how < 0.14) {
    // A handler that read the wrong argument would find a well-formed payload here and write it.
    const extra = rng.pick([["extra"], [42, true], [null, {}], [wellShapedPayload(rng, targets, event)]]);
    return { send: "request", event, args: [payload, ...extra], label: `${label}, extra arguments` };
  }
  if (how < 0.15) return { send: "request", event, args: [], label: `${event}: no payload at all` };
  return { send: "request", event, args: [payload], label };
}

// Sending, and judging the answers.

type FuzzClient = { name: string; socket: TestSocket };
type FuzzReport = { requests: number; fired: number; codes: Map<ErrorCode, number>; violations: string[] };

function request(socket: TestSocket, event: KnownEvent, args: unknown[]): Promise<unknown> {
  const flagged = socket.timeout(ACK_TIMEOUT_MS);
  return (flagged.emitWithAck.bind(flagged) as (...args: unknown[]) => Promise<unknown>)(event, ...args);
}

/** Ack ids well clear of the client's own, so the client ignores these acks and we read them off the transport. */
let nextPacketId = 1_000_000;

/** Writes a Socket.IO EVENT packet with an ack id straight to the engine and waits for the matching ACK packet. */
function sendPacket(socket: TestSocket, event: KnownEvent, json: string): Promise<unknown> {
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
  if (code) report.codes.set(code, (report.codes.get(code) ?? 0) + 1);
  else {
    const sent = call.send === "packet" ? call.json : call.args[0];
    report.violations.push(`${where} answered ${preview(ack)} to ${preview(sent)}`);
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

let database: TestDatabase;
let app: App;
let targets: FuzzTargets;
let editor: TestAnalyst;
let watcherOps: WireOp[];
const fuzzers: FuzzClient[] = [];
const sockets: TestSocket[] = [];

async function openSocket(analyst: TestAnalyst): Promise<TestSocket> {
  const socket = connectSocket(app, await signIn(app, analyst));
  sockets.push(socket);
  await waitForConnect(socket);
  return socket;
}

const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));

const countRows = async () => ({
  annotations: await app.db.annotation.count(),
  ops: await app.db.op.count(),
  boards: await app.db.board.count(),
  memberships: await app.db.membership.count(),
  invitations: await app.db.invitation.count(),
});

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
  database = await createTestDatabase();
  app = await startTestApp({ databaseUrl: database.url });
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

  const watcherSocket = await openSocket(watcher);
  watcherOps = [];
  watcherSocket.on("board:op", (op) => watcherOps.push(op));
  expect((await watcherSocket.emitWithAck("board:join", { boardId: board.id })).ok).toBe(true);
  const watcherAnnotation = annotationInput(board, { body: "Someone else's note the fuzzers must not change." });
  expect((await watcherSocket.emitWithAck("annotation:create", watcherAnnotation)).ok).toBe(true);
  targets = { board, strangerBoard, viewedBoard, archivedBoard, watcherAnnotationId: watcherAnnotation.id };

  const analysts = [owner, editor];
  for (let index = 0; index < FUZZ_CLIENTS; index++) {
    const analyst = analysts[index % analysts.length] as TestAnalyst;
    fuzzers.push({ name: `${analyst === owner ? "owner" : "editor"}-${index}`, socket: await openSocket(analyst) });
  }
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await app?.stop();
  await database?.drop();
});

describe("the socket API under a storm of malformed payloads", () => {
  it("refuses or ignores every malformed call, writes nothing, and delivers a mid-storm annotation", async () => {
    const startedAt = performance.now();
    const before = await countRows();
    const seqBefore = Math.max(0, ...watcherOps.map((op) => op.seq));
    const report: FuzzReport = { requests: 0, fired: 0, codes: new Map(), violations: [] };

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
    // Calls without an ack give no sign of being done; give their handlers time to finish before counting.
    await settle();

    const elapsedMs = Math.round(performance.now() - startedAt);
    console.log(
      `socket fuzz seed ${SEED}: ${report.requests} acked calls and ${report.fired} without ack from ` +
        `${FUZZ_CLIENTS} clients in ${elapsedMs} ms; refusals ${preview(Object.fromEntries(report.codes))}`,
    );
    expect(report.requests + report.fired).toBeGreaterThanOrEqual(3_000);
    expect(
      { count: report.violations.length, first: report.violations.slice(0, 15) },
      `seed ${SEED}: calls not answered with a refusal (replay with FUZZ_SEED=${SEED})`,
    ).toEqual({ count: 0, first: [] });
    // Every refusal path was reached, or the generators have stopped getting past the first check.
    expect([...report.codes.keys()].sort(), `seed ${SEED}`).toEqual([...REFUSALS].sort());

    expect(wellFormedAck.ok, `seed ${SEED}: ${preview(wellFormedAck)}`).toBe(true);
    if (!wellFormedAck.ok) return;
    await expect.poll(() => watcherOps.map((op) => op.seq)).toContain(wellFormedAck.seq);
    expect(
      watcherOps.filter((op) => op.seq > seqBefore).map((op) => op.type === "annotation.created" && op.data.id),
      `seed ${SEED}: the watcher saw ops other than the well-formed annotation`,
    ).toEqual([wellFormed.id]);
    expect(await countRows(), `seed ${SEED}: rows written by the storm`).toEqual({
      ...before,
      annotations: before.annotations + 1,
      ops: before.ops + 1,
    });
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
      // Past the transport's cap (4 × LIMITS.socketMessageBytes): dropped with the connection, by design.
      `2["annotation:create","${"x".repeat(4 * LIMITS.socketMessageBytes + 1)}"]`,
    ];
    const offenders = await Promise.all(packets.map(() => openSocket(editor)));
    for (const [index, socket] of offenders.entries()) socket.io.engine.write(packets[index] as string);
    await expect.poll(() => offenders.map((socket) => socket.connected)).toEqual(packets.map(() => false));
    await expectStillServing(fuzzers[1] as FuzzClient);
  });
});
