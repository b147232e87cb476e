// One annotation writer (issue 13): an annotation written by the W3C import or by a threshold warning is
// stored and logged exactly as annotation:create stores and logs one, and a change that writes several
// ops (a figure and its warning) logs them at consecutive seqs, in the order clients must apply them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { WebAnnotationCollection } from "@/lib/schemas/web-annotation";
import { insertAnnotations } from "@/server/annotations/insert-annotation-batch";
import { newAnnotation } from "@/server/annotations/new-annotation";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "@/server/annotations/to-wire-annotation";
import { exportAnnotationsJsonLd } from "@/server/w3c/export-annotations-jsonld";
import { importAnnotationsJsonLd } from "@/server/w3c/import-annotations-jsonld";
import { annotationInput, makeAnalyst, makeBoard, type TestAnalyst, type TestBoard } from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let alice: TestAnalyst;
let bob: TestAnalyst;
let carol: TestAnalyst;
let board: TestBoard;

beforeAll(async () => {
  app = await openTestApp();
  [alice, bob, carol] = await Promise.all([
    makeAnalyst(app, { name: "Alice Writer" }),
    makeAnalyst(app, { name: "Bob Importer" }),
    makeAnalyst(app, { name: "Carol Named" }),
  ]);
  board = await makeBoard(app, [
    [alice, "owner"],
    [bob, "editor"],
    [carol, "viewer"],
  ]);
});

afterAll(() => app?.stop());

/** Everything stored for one annotation: its row, its revisions, its mentions and its latest creation op. */
async function storedAnnotation(id: string) {
  const row = await app.db.annotation.findUniqueOrThrow({ where: { id }, include: ANNOTATION_INCLUDE });
  const { author: _author, resolvedBy: _resolvedBy, mentions: _mentions, ...columns } = row;
  const revisions = await app.db.annotationRevision.findMany({
    where: { annotationId: id },
    select: { version: true, body: true, kind: true, confidence: true, tags: true, editedById: true },
  });
  const mentions = await app.db.mention.findMany({
    where: { annotationId: id },
    select: { userId: true, boardId: true, readAt: true },
  });
  const op = await app.db.op.findFirstOrThrow({
    where: { entityId: id, type: "annotation.created" },
    orderBy: { seq: "desc" },
  });
  return { wire: toWireAnnotation(row), columns, revisions, mentions, op };
}

/** The annotation as the board's export has it, as a document of its own. */
async function exportedItem(id: string): Promise<object> {
  const file = await exportAnnotationsJsonLd({
    db: app.db,
    workers: app.workers,
    actor: alice,
    slug: board.slug,
    baseUrl: app.url,
  });
  const collection = JSON.parse(Buffer.concat(await file.body.toArray()).toString("utf8")) as WebAnnotationCollection;
  const item = collection.first.items.find((candidate) => candidate.id.endsWith(`/annotations/${id}`));
  if (!item) throw new Error(`annotation ${id} is not in the export`);
  return { "@context": collection["@context"], ...item };
}

describe("an imported annotation", () => {
  it("is stored and logged as annotation:create stores and logs it, but for the importer on the op", async () => {
    const writer = await connectedSocket(app, alice);
    const input = annotationInput(board, {
      target: { type: "event", eventId: board.eventId },
      kind: "assessment",
      confidence: "moderate",
      tags: ["geneva"],
      body: "Talks will stall; @Carol Named has the readout.",
    });
    const ack = await writer.emitWithAck("annotation:create", input);
    if (!ack.ok) throw new Error(`create refused: ${ack.error.code}`);
    const created = await storedAnnotation(input.id);
    const document = await exportedItem(input.id);

    // The same annotation again, through the import: its id is free once the row is gone.
    await app.db.annotation.delete({ where: { id: input.id } });
    const report = await importAnnotationsJsonLd({ domain: app.domain, actor: bob, slug: board.slug, input: document });
    expect(report).toMatchObject({ imported: 1, skipped: 0 });
    const imported = await storedAnnotation(input.id);

    expect(imported.columns).toEqual(created.columns);
    expect(imported.revisions).toEqual(created.revisions);
    expect(imported.mentions).toEqual(created.mentions);
    expect(created.mentions.map((mention) => mention.userId)).toEqual([carol.id]);
    expect(imported.op.payload).toEqual(created.op.payload);
    expect(imported.op.payload).toEqual(imported.wire);
    expect(created.op.actorId).toBe(alice.id);
    expect(imported.op.actorId).toBe(bob.id);
    expect(imported.wire.author).toEqual({ id: alice.id, name: "Alice Writer" });
  });

  it("is written once when two analysts import the same file at the same time", async () => {
    const writer = await connectedSocket(app, alice);
    const input = annotationInput(board, { body: "Imported twice at once." });
    const ack = await writer.emitWithAck("annotation:create", input);
    if (!ack.ok) throw new Error(`create refused: ${ack.error.code}`);
    const document = await exportedItem(input.id);
    await app.db.annotation.delete({ where: { id: input.id } });
    const opsBefore = await app.db.op.count({ where: { boardId: board.id, entityId: input.id } });

    const reports = await Promise.all(
      [alice, bob].map((actor) =>
        importAnnotationsJsonLd({ domain: app.domain, actor, slug: board.slug, input: document }),
      ),
    );
    expect(reports.map((report) => report.imported).sort()).toEqual([0, 1]);
    expect(await app.db.annotation.count({ where: { id: input.id } })).toBe(1);
    expect(await app.db.op.count({ where: { boardId: board.id, entityId: input.id } })).toBe(opsBefore + 1);
  });

  it("that loses the race to a concurrent write of the same id plans again, for one write token", async () => {
    const writer = await connectedSocket(app, alice);
    const input = annotationInput(board, { body: "Written meanwhile." });
    const ack = await writer.emitWithAck("annotation:create", input);
    if (!ack.ok) throw new Error(`create refused: ${ack.error.code}`);
    const document = await exportedItem(input.id);
    const row = await app.db.annotation.findUniqueOrThrow({ where: { id: input.id } });
    await app.db.annotation.delete({ where: { id: input.id } });

    const takes: string[] = [];
    const limiter = { ...app.domain.limiter, take: async (userId: string) => void takes.push(userId) };
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Another writer holds the id uncommitted: the import plans to write it, then waits on it at the insert.
    const rival = app.db.$transaction(async (tx) => {
      await tx.annotation.create({ data: row });
      await released;
    });
    const importing = importAnnotationsJsonLd({
      domain: { ...app.domain, limiter },
      actor: bob,
      slug: board.slug,
      input: document,
    });
    await expect
      .poll(
        async () =>
          (
            await app.db.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`
          )[0]?.waiting,
        { timeout: 4000, interval: 25 },
      )
      .toBe(1);
    release();
    await rival;

    expect(await importing).toMatchObject({ imported: 0, skipped: 1 });
    expect(takes).toEqual([bob.id]);
  });
});

describe("a figure crossing its threshold", () => {
  it("logs the figure, then its warning, at consecutive seqs, and the warning as a read answers it", async () => {
    const ops: WireOp[] = [];
    const watcher = await joinedSocket(app, carol, board, (socket) => socket.on("board:op", (op) => ops.push(op)));
    const editor = await connectedSocket(app, bob);
    const indicatorId = randomUUID();
    const indicator = await editor.emitWithAck("indicator:create", {
      id: indicatorId,
      boardId: board.id,
      name: "Troops near the border",
      unit: "troops",
      warnAbove: 100_000,
    });
    expect(indicator.ok).toBe(true);
    const figureId = randomUUID();
    const figure = await editor.emitWithAck("observation:create", {
      id: figureId,
      boardId: board.id,
      indicatorId,
      observedAt: "2022-01-08T00:00:00Z",
      value: 104_000,
    });
    if (!figure.ok || !figure.warning) throw new Error("the crossing figure raised no warning");

    const logged = await app.db.op.findMany({
      where: { boardId: board.id, seq: { gte: figure.seq } },
      orderBy: { seq: "asc" },
    });
    expect(logged.map((op) => [op.seq, op.type, op.entityId, op.actorId])).toEqual([
      [figure.seq, "observation.created", figureId, bob.id],
      [figure.seq + 1, "annotation.created", figure.warning.annotationId, bob.id],
    ]);
    const warning = await storedAnnotation(figure.warning.annotationId);
    expect(warning.op.payload).toEqual(warning.wire);
    expect(warning.wire).toMatchObject({
      automatic: true,
      kind: "warning",
      author: { id: bob.id, name: "Bob Importer" },
    });
    expect(warning.revisions).toEqual([
      expect.objectContaining({ version: 1, kind: "warning", editedById: bob.id, body: warning.wire.body }),
    ]);

    // Carol applies them in that order too.
    await expect.poll(() => ops.filter((op) => op.seq >= figure.seq).length).toBe(2);
    expect(ops.filter((op) => op.seq >= figure.seq).map((op) => op.type)).toEqual([
      "observation.created",
      "annotation.created",
    ]);
    watcher.off("board:op");
  });
});

describe("an evidence passage (issue 15)", () => {
  const written = async (evidenceFor?: WireAnnotation["evidenceFor"]) => {
    const draft = newAnnotation({
      create: {
        id: randomUUID(),
        boardId: board.id,
        target: { type: "board" },
        body: "Evidence for the event “Talks open in Geneva”",
        kind: "note",
        tags: [],
      },
      author: { id: alice.id, name: alice.name },
      mentioned: [],
      createdAt: new Date(),
      ...(evidenceFor ? { evidenceFor } : {}),
    });
    const [change] = await app.db.$transaction((tx) => insertAnnotations(tx, board.id, [draft]));
    const row = await app.db.annotation.findUniqueOrThrow({
      where: { id: draft.annotation.id },
      include: ANNOTATION_INCLUDE,
    });
    return { logged: change?.data, read: toWireAnnotation(row), row };
  };

  it("is stored with the event or observation it is evidence for, and read back as the writer logged it", async () => {
    const forEvent = await written({ type: "event", eventId: board.eventId });
    expect(forEvent.read).toEqual(forEvent.logged);
    expect(forEvent.read.evidenceFor).toEqual({ type: "event", eventId: board.eventId });
    expect(forEvent.row).toMatchObject({ evidenceEventId: board.eventId, evidenceObservationId: null });

    const forFigure = await written({ type: "observation", observationId: board.observationId });
    expect(forFigure.read).toEqual(forFigure.logged);
    expect(forFigure.row).toMatchObject({ evidenceEventId: null, evidenceObservationId: board.observationId });
  });

  it("is no evidence when written without it: the property is absent, not null", async () => {
    const plain = await written();
    expect(plain.read).toEqual(plain.logged);
    expect("evidenceFor" in plain.read).toBe(false);
    expect(plain.row).toMatchObject({ evidenceEventId: null, evidenceObservationId: null });
  });
});
