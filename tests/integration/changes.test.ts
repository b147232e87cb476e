// "What changed since you last looked" (issue 19): colleagues write on a board through the real socket
// services while the test keeps its own ledger of what each did; GET /api/boards/:slug/changes must answer
// the counts, crossings, threads and items that the ledger gives by the rules of docs/http-api.md.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import type { ChangeCounts, ChangesSummary } from "@/lib/schemas/shift";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

type Who = "alice" | "bob" | "carol";
/** One write the test made, as the test knows it (never read back from the log). */
type Entry =
  | { by: Who; what: "create"; kind: "event" | "figure" | "note" | "reply"; id: string; rootId?: string; names?: Who }
  | { by: Who; what: "edit"; id: string; confidence?: true }
  | { by: Who; what: "delete"; id: string };

let app: TestApp;
let board: TestBoard;
const people = {} as Record<Who, TestAnalyst>;
const sockets = {} as Record<Who, TestSocket>;
const cookies = {} as Record<Who, string>;
const watched: WireOp[] = [];
let hospitalsId: string;
/** Seq and time of the last op before the window. */
let boundary: { seq: number; at: string };
const ledger: Entry[] = [];
/** Figures on the hospitals indicator in the order they were entered, with who entered them in the window. */
const figures: { id: string; observedAt: string; value: number; by: Who | null }[] = [];
const HOSPITALS = { warnAbove: 12, warnBelow: 2 };

async function ok<T>(ack: Promise<({ ok: true } & T) | { ok: false; error: { code: string; message: string } }>) {
  const answer = await ack;
  if (!answer.ok) throw new Error(`refused: ${answer.error.code} ${answer.error.message}`);
  return answer as T;
}

const socketOf = (who: Who) => sockets[who].timeout(10_000);

async function createEvent(who: Who, title: string, log = true): Promise<string> {
  const id = randomUUID();
  await ok(
    socketOf(who).emitWithAck("event:create", {
      id,
      boardId: board.id,
      title,
      occurredAt: "2022-01-12T06:00:00Z",
      category: "military",
    }),
  );
  if (log) ledger.push({ by: who, what: "create", kind: "event", id });
  return id;
}

async function addFigure(who: Who, observedAt: string, value: number, log = true): Promise<string> {
  const id = randomUUID();
  await ok(
    socketOf(who).emitWithAck("observation:create", {
      id,
      boardId: board.id,
      indicatorId: hospitalsId,
      observedAt,
      value,
    }),
  );
  figures.push({ id, observedAt, value, by: log ? who : null });
  if (log) ledger.push({ by: who, what: "create", kind: "figure", id });
  return id;
}

async function note(who: Who, body: string, options: { parentId?: string; names?: Who; log?: boolean } = {}) {
  const input = annotationInput(board, { body, ...(options.parentId ? { parentId: options.parentId } : {}) });
  const { annotation } = await ok(socketOf(who).emitWithAck("annotation:create", input));
  if (options.log !== false) {
    ledger.push({
      by: who,
      what: "create",
      kind: options.parentId ? "reply" : "note",
      id: input.id,
      ...(options.parentId ? { rootId: options.parentId } : {}),
      ...(options.names ? { names: options.names } : {}),
    });
  }
  return annotation;
}

async function getChanges(who: Who, since?: string): Promise<Response> {
  const query = since === undefined ? "" : `?since=${encodeURIComponent(since)}`;
  return fetch(`${app.url}/api/boards/${board.slug}/changes${query}`, { headers: { cookie: cookies[who] } });
}

async function changesOf(who: Who, since?: string): Promise<ChangesSummary> {
  const response = await getChanges(who, since);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ChangesSummary;
}

/** The rules of docs/http-api.md applied to the test's own ledger, for the analyst `reader`. */
function expectedFor(reader: Who) {
  const others = ledger.filter((entry) => entry.by !== reader);
  const deleted = new Set(ledger.filter((entry) => entry.what === "delete").map((entry) => entry.id));
  const newByOthers = new Set(others.filter((entry) => entry.what === "create").map((entry) => entry.id));
  const created = (kind: string) =>
    others.filter((entry) => entry.what === "create" && entry.kind === kind && !deleted.has(entry.id));
  const counts: ChangeCounts = {
    events: created("event").length,
    observations: created("figure").length,
    annotations: created("note").length,
    replies: created("reply").length,
    edits: others.filter((entry) => entry.what === "edit" && !newByOthers.has(entry.id)).length,
    deletions: others.filter((entry) => entry.what === "delete" && !newByOthers.has(entry.id)).length,
  };
  const threads = new Map<string, { rootId: string; newReplies: number; mentionsYou: boolean }>();
  for (const reply of created("reply")) {
    if (reply.what !== "create" || !reply.rootId) continue;
    const root = ledger.find((entry) => entry.id === reply.rootId);
    const rootNames = root?.what === "create" && root.by !== reader && root.names === reader;
    const thread = threads.get(reply.rootId) ?? { rootId: reply.rootId, newReplies: 0, mentionsYou: rootNames };
    thread.newReplies++;
    thread.mentionsYou ||= reply.names === reader;
    threads.set(reply.rootId, thread);
  }
  // server/content/threshold-warning.ts' rule, on the figures in the order they were entered.
  const crossings = figures.flatMap((figure, index) => {
    if (figure.by === null || figure.by === reader || deleted.has(figure.id)) return [];
    const earlier = figures
      .slice(0, index)
      .filter((other) => other.observedAt < figure.observedAt)
      .sort((first, second) => second.observedAt.localeCompare(first.observedAt));
    const previous = earlier[0]?.value;
    if (figure.value > HOSPITALS.warnAbove && (previous === undefined || previous <= HOSPITALS.warnAbove)) {
      return [{ observationId: figure.id, value: figure.value, threshold: HOSPITALS.warnAbove, direction: "above" }];
    }
    if (figure.value < HOSPITALS.warnBelow && (previous === undefined || previous >= HOSPITALS.warnBelow)) {
      return [{ observationId: figure.id, value: figure.value, threshold: HOSPITALS.warnBelow, direction: "below" }];
    }
    return [];
  });
  const confidenceChanges = others
    .filter((entry) => entry.what === "edit" && entry.confidence)
    .map((entry) => entry.id);
  return { counts, threads: [...threads.values()], crossings, confidenceChanges };
}

function expectSummaryMatchesLedger(summary: ChangesSummary, reader: Who) {
  const expected = expectedFor(reader);
  expect(summary.counts).toEqual(expected.counts);
  expect(summary.threads).toEqual(expect.arrayContaining(expected.threads));
  expect(summary.threads).toHaveLength(expected.threads.length);
  expect(summary.warningsCrossed.map(({ indicatorId: _indicator, ...rest }) => rest)).toEqual(
    expect.arrayContaining(expected.crossings),
  );
  expect(summary.warningsCrossed).toHaveLength(expected.crossings.length);
  expect(summary.items.filter((item) => item.kind === "confidence").map((item) => item.entityId)).toEqual(
    expected.confidenceChanges,
  );
  const counted = Object.values(expected.counts).reduce((sum, count) => sum + count, 0);
  expect(summary.items).toHaveLength(counted);
  expect(summary.items.map((item) => item.seq)).toEqual(
    [...summary.items.map((item) => item.seq)].sort((a, b) => b - a),
  );
  expect(summary.items.every((item) => item.actor?.id !== people[reader].id)).toBe(true);
}

beforeAll(async () => {
  app = await openTestApp();
  people.alice = await makeAnalyst(app, { name: "Alice Moreau" });
  people.bob = await makeAnalyst(app, { name: "Bob Okafor" });
  people.carol = await makeAnalyst(app, { name: "Carol Lindqvist" });
  board = await makeBoard(app, [
    [people.alice, "editor"],
    [people.bob, "editor"],
    [people.carol, "editor"],
  ]);
  for (const who of ["alice", "bob", "carol"] as const) {
    cookies[who] = await signIn(app, people[who]);
    sockets[who] = await connectedSocket(app, cookies[who]);
  }
  await joinedSocket(app, cookies.carol, board, (socket) => socket.on("board:op", (op) => watched.push(op)));

  // Before the window: what everyone already knew.
  hospitalsId = randomUUID();
  await ok(
    socketOf("alice").emitWithAck("indicator:create", {
      id: hospitalsId,
      boardId: board.id,
      name: "Field hospitals",
      unit: "sites",
      ...HOSPITALS,
    }),
  );
  await addFigure("carol", "2022-01-05T00:00:00Z", 10, false);
  const oldEvent = await createEvent("alice", "Convoy leaves Yelnya", false);
  const convoyNote = await note("alice", "Convoy of about forty vehicles seen at dawn.", { log: false });
  const assessment = await ok(
    socketOf("carol").emitWithAck(
      "annotation:create",
      annotationInput(board, { body: "Build-up is for an exercise.", kind: "assessment", confidence: "low" }),
    ),
  );
  const bobsNote = await note("bob", "Checking the rail yards.", { log: false });
  boundary = await lastWatched();
  await ok(socketOf("bob").emitWithAck("board:seen", { boardId: board.id, seq: boundary.seq }));
  // The next op must not share the boundary's millisecond, or "the last op at or before" it would be that one.
  await new Promise((resolve) => setTimeout(resolve, 5));

  // The window.
  const newEvent = await createEvent("alice", "Bridge at Kherson closed");
  const shortLived = await createEvent("alice", "Reported shelling, later retracted");
  await ok(
    socketOf("alice").emitWithAck("event:update", { id: board.eventId, boardId: board.id, title: "Talks moved" }),
  );
  ledger.push({ by: "alice", what: "edit", id: board.eventId });
  await ok(
    socketOf("alice").emitWithAck("event:update", { id: newEvent, boardId: board.id, description: "Both lanes." }),
  );
  ledger.push({ by: "alice", what: "edit", id: newEvent });
  await ok(socketOf("alice").emitWithAck("event:delete", { id: shortLived, boardId: board.id }));
  ledger.push({ by: "alice", what: "delete", id: shortLived });
  await addFigure("alice", "2022-01-06T00:00:00Z", 15);
  await addFigure("alice", "2022-01-07T00:00:00Z", 16);
  await addFigure("carol", "2022-01-08T00:00:00Z", 1);
  await note("alice", "@Bob Okafor can you confirm the count?", { parentId: convoyNote.id, names: "bob" });
  await ok(
    socketOf("carol").emitWithAck("annotation:update", {
      id: assessment.annotation.id,
      boardId: board.id,
      expectedVersion: assessment.annotation.version,
      confidence: "high",
    }),
  );
  ledger.push({ by: "carol", what: "edit", id: assessment.annotation.id, confidence: true });
  await ok(
    socketOf("alice").emitWithAck("annotation:update", {
      id: convoyNote.id,
      boardId: board.id,
      expectedVersion: convoyNote.version,
      body: "Convoy of about fifty vehicles seen at dawn.",
    }),
  );
  ledger.push({ by: "alice", what: "edit", id: convoyNote.id });
  const question = await note("carol", "@Bob Okafor where did the hospitals figure come from?", { names: "bob" });
  await note("alice", "From the ministry's daily report.", { parentId: question.id });
  const retracted = await note("carol", "Ignore the earlier count.", { parentId: convoyNote.id });
  await ok(socketOf("carol").emitWithAck("annotation:delete", { id: retracted.id, boardId: board.id }));
  ledger.push({ by: "carol", what: "delete", id: retracted.id });
  await ok(socketOf("carol").emitWithAck("annotation:resolve", { id: convoyNote.id, boardId: board.id }));
  ledger.push({ by: "carol", what: "edit", id: convoyNote.id });
  await ok(socketOf("carol").emitWithAck("event:delete", { id: oldEvent, boardId: board.id }));
  ledger.push({ by: "carol", what: "delete", id: oldEvent });
  // Bob's own changes: not news to him; Alice's edit of Bob's new event is.
  const bobsEvent = await createEvent("bob", "Rail yards busy at night");
  await note("bob", "I will check with the attaché.", { parentId: convoyNote.id });
  await ok(
    socketOf("bob").emitWithAck("annotation:update", {
      id: bobsNote.id,
      boardId: board.id,
      expectedVersion: bobsNote.version,
      body: "Checked the rail yards: busy.",
    }),
  );
  ledger.push({ by: "bob", what: "edit", id: bobsNote.id });
  await ok(socketOf("alice").emitWithAck("event:update", { id: bobsEvent, boardId: board.id, title: "Rail yards" }));
  ledger.push({ by: "alice", what: "edit", id: bobsEvent });
  await lastWatched();
});

afterAll(() => app?.stop());

/** The newest op the watcher holds once the board's last seq has reached it. */
async function lastWatched(): Promise<{ seq: number; at: string }> {
  const { lastSeq } = await app.db.board.findUniqueOrThrow({ where: { id: board.id }, select: { lastSeq: true } });
  // Outside a test (in the setup) expect.poll is not available: wait for the broadcast by hand.
  while (!watched.some((op) => op.seq === lastSeq)) await new Promise((resolve) => setTimeout(resolve, 5));
  const op = watched.find((candidate) => candidate.seq === lastSeq) as WireOp;
  return { seq: op.seq, at: op.at };
}

describe("the changes since an analyst last looked", () => {
  it("counts what colleagues did in the window, by the documented rules, and not one's own", async () => {
    const summary = await changesOf("bob", String(boundary.seq));
    expect(summary.since).toEqual({ seq: boundary.seq, at: boundary.at });
    expect(summary.until.seq).toBe((await lastWatched()).seq);
    expectSummaryMatchesLedger(summary, "bob");
    // The scenario reaches every rule (a ledger that lost its writes would pass the comparison above).
    expect(summary.counts).toEqual({ events: 1, observations: 3, annotations: 1, replies: 2, edits: 5, deletions: 1 });
    expect(summary.warningsCrossed.map((warning) => warning.direction).sort()).toEqual(["above", "below"]);
    expect(summary.threads.every((thread) => thread.mentionsYou)).toBe(true);
    expect(summary.itemsTruncated).toBe(false);
  });

  it("names each item: the event's title, the figure with its indicator, the note's words, the deleted event", async () => {
    const { items } = await changesOf("bob", String(boundary.seq));
    const labels = items.map((item) => `${item.kind}: ${item.label}`);
    expect(labels).toEqual(
      expect.arrayContaining([
        "event: Bridge at Kherson closed",
        "observation: Field hospitals: 15 sites",
        "annotation: @Bob Okafor where did the hospitals figure come from?",
        "reply: From the ministry's daily report.",
        "confidence: Build-up is for an exercise.",
        "deletion: Convoy leaves Yelnya",
        "edit: Rail yards",
      ]),
    );
    const reply = items.find((item) => item.kind === "reply" && item.label.startsWith("From the ministry"));
    expect(reply?.rootId).toBeDefined();
    expect(items.find((item) => item.kind === "observation")?.indicatorId).toBe(hospitalsId);
    expect(items.every((item) => item.actor !== null && item.actor.name.length > 0)).toBe(true);
  });

  it("reads the same window from an instant, and from the analyst's last seen when since is left out", async () => {
    const bySeq = await changesOf("bob", String(boundary.seq));
    expect(await changesOf("bob", boundary.at)).toEqual(bySeq);
    expect(await changesOf("bob")).toEqual(bySeq);
  });

  it("leaves out the reader's own changes whoever reads", async () => {
    for (const reader of ["alice", "carol"] as const) {
      expectSummaryMatchesLedger(await changesOf(reader, String(boundary.seq)), reader);
    }
  });

  it("does not count notes that went with a thing deleted in the window (the database's cascade writes no op for them)", async () => {
    const start = await lastWatched();
    // Alice's event, older than this window; Carol notes on it and Alice answers her; then Alice deletes it.
    const eventId = await createEvent("alice", "Ferry traffic stopped", false);
    const onEvent = await ok(
      socketOf("carol").emitWithAck(
        "annotation:create",
        annotationInput(board, { body: "Ferry crews told to stay home.", target: { type: "event", eventId } }),
      ),
    );
    const from = await lastWatched();
    await note("alice", "@Bob Okafor the port authority says the same.", {
      parentId: onEvent.annotation.id,
      log: false,
    });
    await ok(socketOf("alice").emitWithAck("event:delete", { id: eventId, boardId: board.id }));
    await lastWatched();
    expect(await app.db.annotation.count({ where: { id: onEvent.annotation.id } })).toBe(0);

    const summary = await changesOf("bob", String(from.seq));
    expect(summary.counts).toEqual({ events: 0, observations: 0, annotations: 0, replies: 0, edits: 0, deletions: 1 });
    expect(summary.threads).toEqual([]);
    expect(summary.items.map((item) => `${item.kind}: ${item.label}`)).toEqual(["deletion: Ferry traffic stopped"]);
    // The whole run: the event was new, so nothing at all is news.
    const whole = await changesOf("bob", String(start.seq));
    expect(whole.counts).toEqual({ events: 0, observations: 0, annotations: 0, replies: 0, edits: 0, deletions: 0 });
    expect(whole.threads).toEqual([]);
  });

  it("names no thread whose root is deleted: its replies head threads of their own, as on the board", async () => {
    const root = await note("carol", "Power cut in the east of the city.", { log: false });
    const from = await lastWatched();
    const reply = await note("alice", "Back on since noon.", { parentId: root.id, log: false });
    await ok(socketOf("carol").emitWithAck("annotation:delete", { id: root.id, boardId: board.id }));
    await lastWatched();

    const summary = await changesOf("bob", String(from.seq));
    expect(summary.counts).toEqual({ events: 0, observations: 0, annotations: 0, replies: 1, edits: 0, deletions: 1 });
    expect(summary.threads).toEqual([]);
    const item = summary.items.find((candidate) => candidate.entityId === reply.id);
    expect(item?.rootId).toBe(reply.id);
  });

  it("answers an empty window past the board's last op, and VALIDATION or NOT_FOUND for bad requests, writing nothing", async () => {
    const before = await app.db.membership.findMany({ where: { boardId: board.id }, orderBy: { userId: "asc" } });
    const lastSeq = (await lastWatched()).seq;
    const beyond = await changesOf("bob", String(lastSeq + 1_000));
    expect(beyond.since.seq).toBe(lastSeq);
    expect(beyond.items).toEqual([]);
    for (const since of ["yesterday", "-1", "1.5", "2999-01-01T00:00:00Z", "99999999999", ""]) {
      const response = await getChanges("bob", since);
      expect(response.status, since).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("VALIDATION");
    }
    const stranger = await makeAnalyst(app);
    const response = await fetch(`${app.url}/api/boards/${board.slug}/changes`, {
      headers: { cookie: await signIn(app, stranger) },
    });
    expect(response.status).toBe(404);
    expect(await app.db.membership.findMany({ where: { boardId: board.id }, orderBy: { userId: "asc" } })).toEqual(
      before,
    );
    expect((await lastWatched()).seq).toBe(lastSeq);
  });
});
