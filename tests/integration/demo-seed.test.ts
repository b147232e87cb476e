// The demo board a fresh install shows, and who gets demo accounts (never a configured database).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireAnchor } from "@/lib/schemas/passage";
import { DEMO_REPORT_QUOTES } from "@/server/seed/demo-report-document";
import { DEMO_PASSWORD, seedDemoBoard } from "@/server/seed/seed-demo-board";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { connectSocket, makeAnalyst, makeBoard, signIn, waitForConnect } from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";
import { startTestApp } from "../support/test-app";

const DEMO_SLUG = "russia-ukraine-2022-01";
const databases: TestDatabase[] = [];
let app: TestApp;

beforeAll(async () => {
  app = await openTestApp({ seedDemo: true });
});

afterAll(async () => {
  await app?.stop();
  for (const database of databases) await database.drop();
});

describe("the demo board", () => {
  it("holds the crisis week: events, indicators with observations, annotations, three analysts", async () => {
    const board = await app.db.board.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      include: {
        events: true,
        indicators: { include: { observations: true } },
        annotations: true,
        memberships: { include: { user: true } },
      },
    });
    expect(board.title).toBe("Russia–Ukraine crisis, January 2022");
    expect(board.events.length).toBeGreaterThanOrEqual(8);
    const eventDays = board.events.map((event) => event.occurredAt.toISOString().slice(0, 10));
    expect(eventDays).toEqual(expect.arrayContaining(["2022-01-10", "2022-01-12", "2022-01-13"]));
    expect(board.indicators.length).toBeGreaterThanOrEqual(4);
    for (const indicator of board.indicators) {
      const times = indicator.observations.map((observation) => observation.observedAt.getTime());
      expect(times.length, indicator.name).toBeGreaterThan(3);
      expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse("2021-11-01T00:00:00Z"));
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse("2022-01-31T00:00:00Z"));
    }
    expect(board.annotations.length).toBeGreaterThanOrEqual(3);
    const roles = Object.fromEntries(board.memberships.map((membership) => [membership.user.email, membership.role]));
    expect(roles).toEqual({
      "alice@watchfloor.test": "owner",
      "bob@watchfloor.test": "editor",
      "carol@watchfloor.test": "viewer",
    });
    expect(board.lastSeq).toBe(await app.db.op.count({ where: { boardId: board.id } }));
  });

  it("has its whole week in the op log (issue 19): one created op per thing, times rising in January 2022", async () => {
    const board = await app.db.board.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      include: { events: true, sources: true, indicators: { include: { observations: true } }, annotations: true },
    });
    const ops = await app.db.op.findMany({ where: { boardId: board.id }, orderBy: { seq: "asc" } });
    const count = (type: string) => ops.filter((op) => op.type === type).length;
    expect({
      sources: count("source.created"),
      events: count("event.created"),
      indicators: count("indicator.created"),
      observations: count("observation.created"),
      notes: count("annotation.created"),
      revisions: count("source.revised"),
    }).toEqual({
      sources: board.sources.length,
      events: board.events.length,
      indicators: board.indicators.length,
      observations: board.indicators.flatMap((indicator) => indicator.observations).length,
      notes: board.annotations.length,
      revisions: 1,
    });
    const times = ops.map((op) => op.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Date(Math.min(...times)).toISOString().slice(0, 7)).toBe("2022-01");
    expect(new Date(Math.max(...times)).toISOString().slice(0, 7)).toBe("2022-01");
    // A thing is logged after what it refers to: each note after its event, an event's loggedAt its op's time.
    const seqOf = new Map(ops.map((op) => [op.entityId, op]));
    for (const event of board.events) expect(seqOf.get(event.id)?.createdAt).toEqual(event.createdAt);
    for (const note of board.annotations.filter((annotation) => annotation.eventId)) {
      expect(seqOf.get(note.id)?.seq).toBeGreaterThan(seqOf.get(note.eventId as string)?.seq ?? Infinity);
    }
    const genesis = await app.db.boardCheckpoint.findUniqueOrThrow({
      where: { boardId_seq: { boardId: board.id, seq: 0 } },
    });
    expect(genesis.origin).toBe("genesis");
    expect(genesis.at.getTime()).toBeLessThanOrEqual(Math.min(...times));
  });

  it("answers the board as of any moment of the week, and now as board:join does", async () => {
    const cookie = await signIn(app, { email: "alice@watchfloor.test", password: DEMO_PASSWORD });
    const socket = await joinedSocket(
      app,
      cookie,
      await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG } }),
    );
    const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const joined = await socket.emitWithAck("board:join", { boardId: board.id });
    const asOf = async (instant: string) => {
      const response = await fetch(`${app.url}/api/boards/${DEMO_SLUG}/snapshot?asOf=${instant}`, {
        headers: { cookie },
      });
      expect(response.status, instant).toBe(200);
      return (await response.json()) as { seq: number; snapshot: { events: unknown[]; annotations: unknown[] } };
    };
    const now = await asOf(new Date().toISOString());
    expect(joined.ok && "snapshot" in joined && now.snapshot).toEqual(
      joined.ok && "snapshot" in joined && joined.snapshot,
    );
    const before = await asOf("2022-01-01T00:00:00Z");
    expect(before.seq).toBe(0);
    expect(before.snapshot.events).toEqual([]);
    const midweek = await asOf("2022-01-11T00:00:00Z");
    expect(midweek.seq).toBeGreaterThan(0);
    expect(midweek.seq).toBeLessThan(now.seq);
    expect(midweek.snapshot.annotations.length).toBeLessThan(now.snapshot.annotations.length);
  });

  it("remembers where each demo analyst stopped reading, in the week", async () => {
    const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const alice = await app.db.membership.findFirstOrThrow({
      where: { boardId: board.id, user: { email: "alice@watchfloor.test" } },
    });
    expect(alice.lastSeenAt?.toISOString()).toBe("2022-01-12T18:40:00.000Z");
    const lastBefore = await app.db.op.findFirstOrThrow({
      where: { boardId: board.id, createdAt: { lte: new Date("2022-01-12T18:40:00Z") } },
      orderBy: { seq: "desc" },
    });
    expect(alice.lastSeenSeq).toBe(lastBefore.seq);
    expect(alice.lastSeenSeq).toBeLessThan(board.lastSeq);
  });

  it("lets each demo analyst sign in with the published password and open the board", async () => {
    for (const email of ["alice@watchfloor.test", "bob@watchfloor.test", "carol@watchfloor.test"]) {
      const socket = connectSocket(app, await signIn(app, { email, password: DEMO_PASSWORD }));
      await waitForConnect(socket);
      const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
      const joined = await socket.emitWithAck("board:join", { boardId: board.id });
      socket.disconnect();
      expect(joined.ok, email).toBe(true);
    }
  });

  it("puts every event at a place the map can draw, with the label it was written with (issue 16)", async () => {
    const socket = connectSocket(app, await signIn(app, { email: "alice@watchfloor.test", password: DEMO_PASSWORD }));
    await waitForConnect(socket);
    const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    const joined = await socket.emitWithAck("board:join", { boardId: board.id });
    socket.disconnect();
    const events = joined.ok && "snapshot" in joined ? joined.snapshot.events : [];
    expect(events.length).toBeGreaterThan(10);
    expect(events.filter((event) => event.place === null).map((event) => event.title)).toEqual([]);
    expect(events.find((event) => event.title === "US–Russia Strategic Stability Dialogue")?.place).toEqual({
      label: "Geneva",
      longitude: 6.14569,
      latitude: 46.20222,
      gazetteerId: "geonames:2660646",
    });
  });

  it("is written once: seeding again changes nothing", async () => {
    const before = await app.db.annotation.count();
    expect(await seedDemoBoard({ db: app.db, auth: app.auth })).toEqual({ seeded: false, boardSlug: DEMO_SLUG });
    expect(await app.db.annotation.count()).toBe(before);
    expect(await app.db.board.count({ where: { slug: DEMO_SLUG } })).toBe(1);
  });

  it("is not created on a configured DATABASE_URL unless asked for", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const plain = await startTestApp({ databaseUrl: database.url });
    try {
      expect(await plain.db.user.count()).toBe(0);
      expect(await plain.db.board.count()).toBe(0);
    } finally {
      await plain.stop();
    }
  });
});

/** The demo report's source, its two versions' texts and its passage notes, keyed by their quotes. */
async function demoReport() {
  const board = await app.db.board.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const source = await app.db.source.findFirstOrThrow({
    where: { boardId: board.id, title: "NATO ministers set tone before week of talks with Moscow" },
    include: { versions: { orderBy: { version: "asc" }, include: { author: true } } },
  });
  const notes = await app.db.annotation.findMany({ where: { sourceId: source.id } });
  const noteOn = (quote: string) => {
    const note = notes.find((candidate) => candidate.quoteExact === quote);
    if (!note) throw new Error(`no demo note on ${quote}`);
    return note;
  };
  return { board, source, notes, noteOn };
}

describe("the demo board's report", () => {
  it("is a document of two versions whose notes moved, were found approximately, or lost their passage", async () => {
    const { source, notes, noteOn } = await demoReport();
    expect(source.currentVersion).toBe(2);
    expect(source.versions.map(({ version, author }) => ({ version, author: author?.email ?? null }))).toEqual([
      { version: 1, author: null },
      { version: 2, author: "bob@watchfloor.test" },
    ]);
    const [first, second] = source.versions.map((version) => version.text);
    if (!first || !second) throw new Error("the report should have two versions");
    expect(first.split("\n\n").length).toBeGreaterThanOrEqual(6);
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(notes.length).toBeLessThanOrEqual(5);
    for (const note of notes) {
      expect(["note", "assessment", "question"]).toContain(note.kind);
      expect(note.sourceVersion).toBe(1);
      expect(first.slice(note.quoteStart ?? -1, note.quoteEnd ?? -1)).toBe(note.quoteExact);
      expect(note.anchorVersion).toBe(2);
    }
    const anchoredText = (note: { anchorStart: number | null; anchorEnd: number | null }) =>
      note.anchorStart === null || note.anchorEnd === null ? null : second.slice(note.anchorStart, note.anchorEnd);

    // Moved: the same words, at their one place in version 2, far from where they were.
    const moved = noteOn(DEMO_REPORT_QUOTES.peacemaker);
    expect(anchoredText(moved)).toBe(moved.quoteExact);
    expect(moved.anchorStart).toBe(second.indexOf(DEMO_REPORT_QUOTES.peacemaker));
    expect(Math.abs((moved.anchorStart ?? 0) - (moved.quoteStart ?? 0))).toBeGreaterThan(1000);

    // Reworded: anchored on the edited sentence, whose text is no longer the quote.
    const reworded = noteOn(DEMO_REPORT_QUOTES.troops);
    expect(second).not.toContain(DEMO_REPORT_QUOTES.troops);
    const rewordedText = anchoredText(reworded);
    expect(rewordedText).not.toBeNull();
    expect(rewordedText).not.toBe(reworded.quoteExact);
    expect(rewordedText).toMatch(/^Since November, Moscow has brought .* 100,000 troops .* Ukraine's borders\.$/);

    // Cut: orphaned in version 2, its quote kept.
    const cut = noteOn(DEMO_REPORT_QUOTES.belarus);
    expect(second).not.toContain("Belarus");
    expect({ start: cut.anchorStart, end: cut.anchorEnd }).toEqual({ start: null, end: null });
    expect(cut.quoteExact).toBe(DEMO_REPORT_QUOTES.belarus);
  });

  it("logs the revision with the anchors stored, and a client joining receives them in the snapshot", async () => {
    const { board, source, notes } = await demoReport();
    const stored = new Map<string, WireAnchor>(
      notes.map((note) => [
        note.id,
        note.anchorStart === null || note.anchorEnd === null
          ? { status: "orphaned", version: 2 }
          : { status: "anchored", version: 2, start: note.anchorStart, end: note.anchorEnd },
      ]),
    );
    expect([...stored.values()].map((anchor) => anchor.status).sort()).toEqual([
      "anchored",
      "anchored",
      "anchored",
      "orphaned",
    ]);

    const revised = await app.db.op.findFirstOrThrow({ where: { boardId: board.id, type: "source.revised" } });
    const payload = revised.payload as { version: number; source: { id: string; currentVersion: number } };
    expect(payload.version).toBe(2);
    expect(payload.source).toMatchObject({ id: source.id, currentVersion: 2 });
    expect(revised.actorId).toBe(source.versions[1]?.authorId);

    const carol = await joinedSocket(app, { email: "carol@watchfloor.test", password: DEMO_PASSWORD }, board);
    const joined = await carol.emitWithAck("board:join", { boardId: board.id });
    if (!joined.ok || !("snapshot" in joined)) throw new Error("no snapshot");
    expect(joined.snapshot.sources.find((candidate) => candidate.id === source.id)?.currentVersion).toBe(2);
    const received = new Map(
      joined.snapshot.annotations
        .filter((annotation) => stored.has(annotation.id))
        .map((annotation) => [annotation.id, annotation.anchor]),
    );
    expect(received).toEqual(stored);
    const logged = (revised.payload as { anchors: { annotationId: string; status: string }[] }).anchors;
    expect(new Map(logged.map(({ annotationId, ...anchor }) => [annotationId, { ...anchor, version: 2 }]))).toEqual(
      stored,
    );
  });

  it("anchors its notes where source:revise puts the same notes on the same two texts", async () => {
    const { source, notes } = await demoReport();
    const [first, second] = source.versions.map((version) => version.text);
    if (!first || !second) throw new Error("the report should have two versions");
    const editor = await makeAnalyst(app, { name: "Dana Reyes" });
    const board = await makeBoard(app, [[editor, "editor"]]);
    const socket = await connectedSocket(app, editor);
    const sourceId = randomUUID();
    const created = await socket.emitWithAck("source:create", {
      id: sourceId,
      boardId: board.id,
      title: "Copy",
      text: first,
    });
    expect(created.ok).toBe(true);
    const quoteOf = new Map<string, string>();
    for (const note of notes) {
      const id = randomUUID();
      quoteOf.set(id, note.quoteExact ?? "");
      const annotated = await socket.emitWithAck("annotation:create", {
        id,
        boardId: board.id,
        target: {
          type: "source-span",
          sourceId,
          version: 1,
          start: note.quoteStart ?? 0,
          end: note.quoteEnd ?? 0,
          exact: note.quoteExact ?? "",
        },
        body: note.body,
      });
      expect(annotated.ok).toBe(true);
    }
    const answer = await socket.emitWithAck("source:revise", {
      boardId: board.id,
      id: sourceId,
      text: second,
      basedOnVersion: 1,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    const byServer = new Map(
      answer.anchors.map(({ annotationId, ...anchor }) => [quoteOf.get(annotationId), anchor] as const),
    );
    const bySeed = new Map(
      notes.map((note) => [
        note.quoteExact,
        note.anchorStart === null
          ? { status: "orphaned" }
          : { status: "anchored", start: note.anchorStart, end: note.anchorEnd },
      ]),
    );
    expect(byServer).toEqual(bySeed);
  });
});
