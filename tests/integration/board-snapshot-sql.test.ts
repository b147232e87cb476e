// The SQL-built board snapshot (server/boards/snapshot-sql.ts) equals the one Prisma built before issue 11
// (tests/support/prisma-board-snapshot.ts): on a board made through the live services with every kind of
// content, and on boards of random content written straight to the database (seeded; the seed is printed).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oldestFirst } from "@/lib/annotation-filter";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { readBoardSnapshotJson } from "@/server/boards/read-board-snapshot-json";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";
import { readPrismaBoardSnapshot } from "../support/prisma-board-snapshot";

let app: TestApp;
let alice: TestAnalyst;
let bob: TestAnalyst;
let carol: TestAnalyst;
let socket: TestSocket;
let bobSocket: TestSocket;

beforeAll(async () => {
  app = await openTestApp();
  alice = await makeAnalyst(app, { name: "Alice Mercer" });
  bob = await makeAnalyst(app, { name: "bob Okafor" });
  carol = await makeAnalyst(app, { name: "Émile Carol" });
  [socket, bobSocket] = await Promise.all([connectedSocket(app, alice), connectedSocket(app, bob)]);
});

afterAll(() => app?.stop());

async function expectSameSnapshot(boardId: string) {
  const before = await readPrismaBoardSnapshot(app.db, boardId);
  const json = await readBoardSnapshotJson({ db: app.db, boardId });
  const after = { seq: json.seq, snapshot: json.snapshot.parse() };
  // What a client receives: the old snapshot went through JSON.stringify, the new one is JSON already.
  expect(after.seq).toBe(before.seq);
  expect(after.snapshot).toStrictEqual(JSON.parse(JSON.stringify(before.snapshot)) as BoardSnapshot);
  return after;
}

async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const ack = await pending;
  if (!ack.ok) throw new Error(`request failed: ${JSON.stringify(ack)}`);
  return ack as Extract<T, { ok: true }>;
}

describe("the SQL-built snapshot", () => {
  it("equals the Prisma-built one on a board with every kind of content, edit and thread state", async () => {
    const board = await makeBoard(app, [
      [alice, "owner"],
      [bob, "editor"],
      [carol, "viewer"],
    ]);
    const boardId = board.id;
    const sourceIds = [randomUUID(), randomUUID(), randomUUID()];
    await ok(socket.emitWithAck("source:create", { id: sourceIds[0] as string, boardId, title: 'The "Kyiv" report' }));
    await ok(
      socket.emitWithAck("source:create", {
        id: sourceIds[1] as string,
        boardId,
        title: "Ministry statement\ttabbed",
        publisher: "MFA \\ press",
        publishedAt: "2022-01-09T12:30:00.250Z",
        reliability: "B",
      }),
    );
    await ok(
      socket.emitWithAck("source:create", { id: sourceIds[2] as string, boardId, title: "Wire 😀 \u2028 line" }),
    );
    const eventId = randomUUID();
    await ok(
      socket.emitWithAck("event:create", {
        id: eventId,
        boardId,
        title: "NATO–Russia Council",
        occurredAt: "2022-01-12T08:00:00Z",
        endsAt: "2022-01-12T17:45:30.5Z",
        category: "diplomatic",
        place: { label: "Brussels", longitude: 4.34878, latitude: 50.85045, gazetteerId: "geonames:2800866" },
        description: "Line one\nline two",
        sourceIds: [sourceIds[2] as string, sourceIds[0] as string, sourceIds[1] as string],
        sourceReliability: "C",
        infoCredibility: 3,
      }),
    );
    const indicatorId = randomUUID();
    await ok(
      socket.emitWithAck("indicator:create", {
        id: indicatorId,
        boardId,
        name: "Sanctions threat",
        unit: "level",
        description: "",
        kind: "level",
        warnAbove: 4.5,
        warnBelow: null,
        color: "#c94f4f",
      }),
    );
    const observationIds = [randomUUID(), randomUUID()];
    await ok(
      socket.emitWithAck("observation:create", {
        id: observationIds[0] as string,
        boardId,
        indicatorId,
        observedAt: "2022-01-11T00:00:00.001Z",
        value: 3.25,
        sourceId: sourceIds[1] as string,
        sourceReliability: "B",
        infoCredibility: 2,
        note: 'Quoted: "tough"',
      }),
    );
    await ok(
      socket.emitWithAck("observation:create", {
        id: observationIds[1] as string,
        boardId,
        indicatorId,
        observedAt: "2022-01-13T00:00:00Z",
        value: 5,
        sourceId: null,
        sourceReliability: null,
        infoCredibility: null,
        note: "",
      }),
    );
    const create = (overrides: Parameters<typeof annotationInput>[1], by = socket) =>
      ok(by.emitWithAck("annotation:create", annotationInput(board, overrides))).then((ack) => ack.annotation);
    const onBoard = await create({ body: "Board-wide note @bob okafor and @Émile Carol", tags: ["zeta", "alpha"] });
    await create({ target: { type: "event", eventId }, kind: "assessment", confidence: "high", body: "Talks stall" });
    await create({
      target: { type: "indicator", indicatorId, at: "2022-01-11T06:00:00.120Z" },
      kind: "warning",
      body: "Spike",
    });
    const range = await create({
      target: { type: "indicator-range", indicatorId, from: "2022-01-10T00:00:00Z", to: "2022-01-12T12:00:00Z" },
      kind: "question",
      confidence: "low",
      body: "Why the plateau?",
    });
    await create({ target: { type: "observation", observationId: observationIds[0] as string }, body: "Graded B2" });
    await create({ target: { type: "place", lon: 33.18, lat: 54.57, label: 'Yelnya "camp"' }, body: "Staging area" });
    await create({ parentId: range.id, body: "Reply from Bob, naming @Alice Mercer" }, bobSocket);
    await create({ parentId: range.id, body: "Second reply" });
    await ok(socket.emitWithAck("annotation:resolve", { id: range.id, boardId }));
    await ok(
      socket.emitWithAck("annotation:update", {
        id: onBoard.id,
        boardId,
        expectedVersion: onBoard.version,
        body: 'Edited: "quotes", back\\slash, tab\t, bell \u0007 — @bob okafor',
        tags: ["edited"],
      }),
    );
    const doomed = await create({ body: "Deleted, so not in the snapshot" });
    await ok(socket.emitWithAck("annotation:delete", { id: doomed.id, boardId }));

    const { snapshot } = await expectSameSnapshot(boardId);
    // The board really holds what the comparison is about.
    // Replies are on the board; the figure above the threshold brought an automatic warning on it.
    expect(snapshot.annotations.map((annotation) => annotation.target.type).sort()).toEqual([
      "board",
      "board",
      "board",
      "event",
      "indicator",
      "indicator-range",
      "observation",
      "observation",
      "place",
    ]);
    expect(snapshot.annotations.filter((annotation) => annotation.automatic)).toHaveLength(1);
    expect(snapshot.annotations.some((annotation) => annotation.id === doomed.id)).toBe(false);
    const edited = snapshot.annotations.find((annotation) => annotation.id === onBoard.id);
    expect(edited).toMatchObject({ version: 2, tags: ["edited"] });
    expect(edited?.mentions.map((person) => person.id).sort()).toEqual([bob.id, carol.id].sort());
    expect(snapshot.annotations.find((annotation) => annotation.id === range.id)?.resolvedBy).toEqual({
      id: alice.id,
      name: alice.name,
    });
    expect(snapshot.events.find((event) => event.id === eventId)).toMatchObject({
      sourceReliability: "C",
      infoCredibility: 3,
    });
    expect(snapshot.events.find((event) => event.id === eventId)?.sourceIds).toHaveLength(3);
    // Exports check the indicators a query names against the ids read with the snapshot.
    const { indicatorIds } = await readBoardSnapshotJson({ db: app.db, boardId });
    expect(indicatorIds).toEqual(snapshot.indicators.map((indicator) => indicator.id));
    expect(indicatorIds.length).toBeGreaterThan(0);
  });

  it("keeps an annotation whose tags column is NULL, with no tags (the column allows NULL)", async () => {
    const board = await makeBoard(app, [[alice, "owner"]]);
    const created = await ok(socket.emitWithAck("annotation:create", annotationInput(board, { tags: ["x"] })));
    await app.db.$executeRaw`UPDATE "Annotation" SET tags = NULL WHERE id = ${created.annotation.id}`;
    const { snapshot } = await readBoardSnapshotJson({ db: app.db, boardId: board.id });
    expect(snapshot.parse().annotations).toEqual([expect.objectContaining({ id: created.annotation.id, tags: [] })]);
  });

  it("lists annotations written at one instant by id, as the clients order them (a group commit shares one)", async () => {
    const board = await makeBoard(app, [[alice, "owner"]]);
    // Written in id order, then given one instant in reverse: an UPDATE moves each row to a new place, so on
    // disk they end in reverse id order, and a tie-break by row position would list them backwards.
    const ids = Array.from({ length: 6 }, () => randomUUID()).sort();
    for (const id of ids) await ok(socket.emitWithAck("annotation:create", annotationInput(board, { id })));
    for (const id of [...ids].reverse()) {
      await app.db.$executeRaw`UPDATE "Annotation" SET "createdAt" = '2022-01-12T09:00:00Z' WHERE id = ${id}::uuid`;
    }
    const { snapshot } = await readBoardSnapshotJson({ db: app.db, boardId: board.id });
    const listed = snapshot.parse().annotations;
    expect(listed.map(({ id }) => id)).toEqual(ids);
    expect(listed).toEqual([...listed].sort(oldestFirst));
  });

  it("answers NOT_FOUND for a board that does not exist", async () => {
    await expect(readBoardSnapshotJson({ db: app.db, boardId: randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("equals the Prisma-built one on boards of random content (seeded)", async () => {
    const seed = Number(process.env.SNAPSHOT_SEED ?? Date.now() % 1_000_000);
    console.log(`board snapshot property test: SNAPSHOT_SEED=${seed}`);
    await fc.assert(
      fc.asyncProperty(randomContent, async (content) => {
        const board = await makeBoard(app, [
          [alice, "owner"],
          [bob, "editor"],
        ]);
        await writeContent(board, content);
        await expectSameSnapshot(board.id);
      }),
      // Each run writes a board; a failure reports its case at once rather than shrinking for minutes.
      { seed, numRuns: 12, endOnFailure: true },
    );
  }, 120_000);
});

// ── random content, written straight to the database (what no service would refuse to store) ──

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL cannot store.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const text = fc.string({ unit: "binary", maxLength: 40 }).map((value) => value.replace(UNSTORABLE, ""));
const instant = fc.date({
  min: new Date("1000-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});
/** Finite doubles that survive Prisma's write (it writes ±Number.MAX_VALUE and subnormals out of range). */
const figure = fc
  .double({ min: -1e15, max: 1e15, noNaN: true })
  .filter((value) => value === 0 || Math.abs(value) > 1e-300);
const reliability = fc.constantFrom("A", "B", "C", "D", "E", "F");
/** Degrees within ±limit, as figures are (no subnormals: Prisma writes them out of range). */
const degrees = (limit: number) =>
  fc.double({ min: -limit, max: limit, noNaN: true }).filter((value) => value === 0 || Math.abs(value) > 1e-300);
const place = fc.record({
  placeLabel: text,
  placeLongitude: degrees(180),
  placeLatitude: degrees(90),
  placeGazetteerId: fc.option(fc.constantFrom("geonames:703448", "country:UA")),
});
/** Distinct instants so ORDER BY has no ties to break (both reads break them in storage order anyway). */
const instants = (count: number) => fc.uniqueArray(instant, { minLength: count, maxLength: count, selector: Number });

const randomContent = fc.record({
  sources: fc.array(
    fc.record({ title: text, publisher: text, publishedAt: fc.option(instant), reliability: fc.option(reliability) }),
    { maxLength: 3 },
  ),
  events: instants(3).chain((times) =>
    fc.tuple(
      ...times.map((occurredAt) =>
        fc.record({
          occurredAt: fc.constant(occurredAt),
          endsAt: fc.option(instant),
          place: fc.option(place),
          description: text,
          category: fc.constantFrom("military", "diplomatic", "economic", "political", "humanitarian"),
          sourceReliability: fc.option(reliability),
          infoCredibility: fc.option(fc.integer({ min: 1, max: 6 })),
          sourcePicks: fc.uniqueArray(fc.nat(2), { maxLength: 3 }),
        }),
      ),
    ),
  ),
  indicators: fc.array(
    fc.record({
      name: text,
      warnAbove: fc.option(figure),
      warnBelow: fc.option(figure),
      kind: fc.constantFrom("count", "level", "boolean"),
      observations: instants(4).chain((times) =>
        fc.tuple(
          ...times.map((observedAt) =>
            fc.record({
              observedAt: fc.constant(observedAt),
              value: figure,
              sourcePick: fc.option(fc.nat(2)),
              sourceReliability: fc.option(reliability),
              infoCredibility: fc.option(fc.integer({ min: 1, max: 6 })),
              note: text,
            }),
          ),
        ),
      ),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  annotations: instants(6).chain((times) =>
    fc.tuple(
      ...times.map((createdAt) =>
        fc.record({
          createdAt: fc.constant(createdAt),
          updatedAt: instant,
          target: fc.constantFrom("board", "event", "indicator", "indicator_range", "observation", "place"),
          at: instant,
          point: place,
          range: fc.tuple(instant, instant),
          body: text,
          kind: fc.constantFrom("note", "assessment", "question", "warning"),
          confidence: fc.option(fc.constantFrom("low", "moderate", "high")),
          tags: fc.array(text, { maxLength: 3 }),
          version: fc.integer({ min: 1, max: 9 }),
          resolved: fc.option(instant),
          automatic: fc.boolean(),
          deleted: fc.boolean(),
          reply: fc.boolean(),
          mentions: fc.subarray([0, 1]),
          /** A confirmed candidate's evidence passage (issue 15) is evidence for an event or an observation. */
          evidenceFor: fc.constantFrom(null, null, "event", "observation"),
        }),
      ),
    ),
  ),
});

type Content = typeof randomContent extends fc.Arbitrary<infer T> ? T : never;

async function writeContent(board: TestBoard, content: Content) {
  const { db } = app;
  const people = [alice, bob];
  const sourceIds: string[] = content.sources.map(() => randomUUID());
  for (const [index, source] of content.sources.entries())
    await db.source.create({ data: { id: sourceIds[index] as string, boardId: board.id, ...source } });
  const pick = (index: number | null): string | null => (index === null ? null : (sourceIds[index] ?? null));
  for (const { sourcePicks, place, ...event } of content.events) {
    const linked = [...new Set(sourcePicks.map(pick).filter((id): id is string => id !== null))];
    await db.event.create({
      data: {
        id: randomUUID(),
        boardId: board.id,
        title: "Event",
        ...event,
        ...place,
        sources: { create: linked.map((sourceId) => ({ sourceId })) },
      },
    });
  }
  const observationIds: string[] = [board.observationId];
  for (const [index, { observations, ...indicator }] of content.indicators.entries()) {
    const indicatorId = randomUUID();
    // The board's own indicator was made first; these follow it in creation order.
    await db.indicator.create({
      data: {
        id: indicatorId,
        boardId: board.id,
        unit: "u",
        ...indicator,
        createdAt: new Date(Date.now() + 1000 + index),
      },
    });
    for (const { sourcePick, ...observation } of observations) {
      const id = randomUUID();
      observationIds.push(id);
      await db.observation.create({ data: { id, indicatorId, sourceId: pick(sourcePick), ...observation } });
    }
  }
  const threads: string[] = [];
  for (const [index, annotation] of content.annotations.entries()) {
    const id = randomUUID();
    const author = people[index % 2] as TestAnalyst;
    const parentId = annotation.reply ? (threads.at(-1) ?? null) : null;
    if (!annotation.reply) threads.push(id);
    const [from, to] = [...annotation.range].sort((a, b) => a.getTime() - b.getTime());
    await db.annotation.create({
      data: {
        id,
        boardId: board.id,
        authorId: author.id,
        targetType: annotation.target,
        eventId: annotation.target === "event" ? board.eventId : null,
        indicatorId: ["indicator", "indicator_range"].includes(annotation.target) ? board.indicatorId : null,
        observationId: annotation.target === "observation" ? observationIds.at(-1) : null,
        at: annotation.target === "indicator" ? annotation.at : null,
        rangeFrom: annotation.target === "indicator_range" ? from : null,
        rangeTo: annotation.target === "indicator_range" ? to : null,
        ...(annotation.target === "place"
          ? {
              placeLon: annotation.point.placeLongitude,
              placeLat: annotation.point.placeLatitude,
              placeLabel: annotation.point.placeLabel,
            }
          : {}),
        body: annotation.body,
        kind: annotation.kind,
        confidence: annotation.confidence,
        tags: annotation.tags,
        parentId,
        version: annotation.version,
        resolvedAt: annotation.resolved,
        resolvedById: annotation.resolved ? bob.id : null,
        automatic: annotation.automatic,
        createdAt: annotation.createdAt,
        updatedAt: annotation.updatedAt,
        deletedAt: annotation.deleted ? annotation.updatedAt : null,
        deletedById: annotation.deleted ? author.id : null,
        evidenceEventId: annotation.evidenceFor === "event" ? board.eventId : null,
        evidenceObservationId: annotation.evidenceFor === "observation" ? observationIds.at(-1) : null,
      },
    });
    for (const [order, person] of annotation.mentions.entries())
      await db.mention.create({
        data: {
          annotationId: id,
          userId: (people[person] as TestAnalyst).id,
          boardId: board.id,
          createdAt: new Date(annotation.createdAt.getTime() + order),
        },
      });
  }
}
