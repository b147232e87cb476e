// Source documents (issue 14) over a real socket and PostgreSQL: versions, reading, revising with every
// passage note re-anchored through the op log, and passages as annotation targets.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import { makePdf } from "../fixtures/documents/make-pdf";
import {
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let bob: TestAnalyst;
let carol: TestAnalyst;
let board: TestBoard;
let editor: TestSocket;
let watcher: TestSocket;
const ops: WireOp[] = [];

const REPORT = "NATO puts the Russian deployment near Ukraine at roughly 100,000 troops. Talks open in Geneva on Monday.";

beforeAll(async () => {
  app = await openTestApp();
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  carol = await makeAnalyst(app, { name: "Carol Lindqvist" });
  board = await makeBoard(app, [
    [bob, "editor"],
    [carol, "viewer"],
  ]);
  editor = await connectedSocket(app, bob);
  watcher = await joinedSocket(app, carol, board, (socket) => socket.on("board:op", (op) => ops.push(op)));
});

afterAll(() => app?.stop());

async function createSource(text?: string) {
  const id = randomUUID();
  const created = await editor.emitWithAck("source:create", { id, boardId: board.id, title: "Sitrep 14", text });
  if (!created.ok) throw new Error(created.error.message);
  return created.source;
}

describe("a source's document", () => {
  it("is version 1 when the source is created with text, and absent (version 0) without", async () => {
    const withText = await createSource(REPORT);
    const without = await createSource();
    expect(withText.currentVersion).toBe(1);
    expect(without.currentVersion).toBe(0);
    const stored = await app.db.sourceVersion.findMany({ where: { sourceId: { in: [withText.id, without.id] } } });
    expect(stored.map(({ sourceId, version, text, authorId }) => ({ sourceId, version, text, authorId }))).toEqual([
      { sourceId: withText.id, version: 1, text: REPORT, authorId: bob.id },
    ]);
    const joined = await watcher.emitWithAck("board:join", { boardId: board.id });
    if (!joined.ok || !("snapshot" in joined)) throw new Error("no snapshot");
    const inSnapshot = joined.snapshot.sources.find((source) => source.id === withText.id);
    expect(inSnapshot).toEqual(withText);
    expect(JSON.stringify(joined.snapshot)).not.toContain("roughly 100,000");
  });
});

async function annotatePassage(sourceId: string, version: number, exact: string, text: string) {
  const start = text.indexOf(exact);
  const created = await editor.emitWithAck("annotation:create", {
    id: randomUUID(),
    boardId: board.id,
    target: { type: "source-span", sourceId, version, start, end: start + exact.length, exact },
    body: `On ${exact}`,
  });
  return created;
}

describe("reading and revising", () => {
  it("reads the current version by default and any older one by number", async () => {
    const source = await createSource(REPORT);
    const revised = await editor.emitWithAck("source:revise", {
      boardId: board.id,
      id: source.id,
      text: `${REPORT} More later.`,
      basedOnVersion: 1,
    });
    expect(revised.ok && revised.version).toBe(2);
    const current = await watcher.emitWithAck("source:read", { boardId: board.id, id: source.id });
    const first = await watcher.emitWithAck("source:read", { boardId: board.id, id: source.id, version: 1 });
    expect(current.ok && [current.version, current.text]).toEqual([2, `${REPORT} More later.`]);
    expect(first.ok && [first.version, first.text]).toEqual([1, REPORT]);
    expect(current.ok && current.versions.map((version) => [version.version, version.author?.name])).toEqual([
      [1, "Bob Okafor"],
      [2, "Bob Okafor"],
    ]);
    const diff = await watcher.emitWithAck("source:diff", { boardId: board.id, id: source.id, from: 1, to: 2 });
    expect(diff.ok && diff.parts.filter((part) => part.kind !== "same").map((part) => [part.kind, part.text])).toEqual([
      ["added", " More later."],
    ]);
  });

  it("re-anchors every passage note, and every client gets the same anchors through the op log", async () => {
    const opening = "The opening paragraph is about the weather in Vienna and nothing else. ";
    const closing = " The closing paragraph lists the coming week's meetings.";
    const document = `${opening}${REPORT}${closing}`;
    const source = await createSource(document);
    const kept = await annotatePassage(source.id, 1, "roughly 100,000 troops", document);
    const lost = await annotatePassage(source.id, 1, "the weather in Vienna", document);
    const keptAt = document.indexOf("roughly 100,000 troops");
    expect(kept.ok && kept.annotation.anchor).toEqual({ status: "anchored", version: 1, start: keptAt, end: keptAt + 22 });
    // The opening paragraph goes and a line comes before the rest: one note moves, the other loses its passage.
    const text = `Update from the desk.\n\n${REPORT}${closing}`;
    const movedTo = text.indexOf("roughly 100,000 troops");
    const seen = ops.length;
    const revised = await editor.emitWithAck("source:revise", { boardId: board.id, id: source.id, text, basedOnVersion: 1 });
    if (!revised.ok || !kept.ok || !lost.ok) throw new Error("a write failed");
    expect(revised.anchors).toEqual(
      expect.arrayContaining([
        { annotationId: kept.annotation.id, status: "anchored", start: movedTo, end: movedTo + 22 },
        { annotationId: lost.annotation.id, status: "orphaned" },
      ]),
    );
    await expect.poll(() => ops.slice(seen).find((op) => op.type === "source.revised")).toBeTruthy();
    const op = ops.slice(seen).find((candidate) => candidate.type === "source.revised");
    expect(op?.data).toEqual({ source: revised.source, version: 2, anchors: revised.anchors, candidates: revised.candidates });
    // A fresh snapshot (a third client) holds the same anchors as the op told the watcher.
    const joined = await editor.emitWithAck("board:join", { boardId: board.id });
    if (!joined.ok || !("snapshot" in joined)) throw new Error("no snapshot");
    const anchorOf = (id: string) => joined.snapshot.annotations.find((annotation) => annotation.id === id)?.anchor;
    expect(anchorOf(kept.annotation.id)).toEqual({ status: "anchored", version: 2, start: movedTo, end: movedTo + 22 });
    expect(anchorOf(lost.annotation.id)).toEqual({ status: "orphaned", version: 2 });

    // The orphan is attached by hand to its passage's new wording.
    const attached = await editor.emitWithAck("annotation:attach", {
      boardId: board.id,
      id: lost.annotation.id,
      start: 0,
      end: 6,
      exact: "Update",
    });
    expect(attached.ok && attached.annotation.anchor).toEqual({ status: "anchored", version: 2, start: 0, end: 6 });
  });

  it("refuses a revision based on an old version, naming the current one", async () => {
    const source = await createSource(REPORT);
    const first = await editor.emitWithAck("source:revise", { boardId: board.id, id: source.id, text: "Two", basedOnVersion: 1 });
    expect(first.ok).toBe(true);
    const stale = await editor.emitWithAck("source:revise", { boardId: board.id, id: source.id, text: "Three", basedOnVersion: 1 });
    expect(stale.ok ? null : [stale.error.code, stale.error.message.includes("version 2")]).toEqual(["CONFLICT", true]);
    expect(await app.db.sourceVersion.count({ where: { sourceId: source.id } })).toBe(2);
  });
});

describe("a passage target", () => {
  it("is refused when its quote is not the text at its place in that version, or that version does not exist", async () => {
    const source = await createSource(REPORT);
    const before = await app.db.annotation.count();
    const wrong = await editor.emitWithAck("annotation:create", {
      id: randomUUID(),
      boardId: board.id,
      target: { type: "source-span", sourceId: source.id, version: 1, start: 0, end: 4, exact: "Talk" },
      body: "Misquoted",
    });
    expect(wrong.ok ? null : wrong.error.issues?.map((issue) => issue.path)).toEqual([["target", "exact"]]);
    const noVersion = await editor.emitWithAck("annotation:create", {
      id: randomUUID(),
      boardId: board.id,
      target: { type: "source-span", sourceId: source.id, version: 9, start: 0, end: 4, exact: "NATO" },
      body: "Too new",
    });
    expect(noVersion.ok ? null : noVersion.error.issues?.map((issue) => issue.path)).toEqual([["target", "version"]]);
    expect(await app.db.annotation.count()).toBe(before);
  });

  it("is refused on another board's source", async () => {
    const other = await makeBoard(app, [[bob, "editor"]]);
    const id = randomUUID();
    await editor.emitWithAck("source:create", { id, boardId: other.id, title: "Elsewhere", text: REPORT });
    const refused = await editor.emitWithAck("annotation:create", {
      id: randomUUID(),
      boardId: board.id,
      target: { type: "source-span", sourceId: id, version: 1, start: 0, end: 4, exact: "NATO" },
      body: "Not here",
    });
    expect(refused.ok ? null : refused.error.issues?.map((issue) => issue.path)).toEqual([["target", "sourceId"]]);
  });
});

describe("uploading a file over HTTP", () => {
  const upload = async (sourceId: string, body: Uint8Array | string, contentType: string, query = "", as = bob) =>
    fetch(`${app.url}/api/boards/${board.slug}/sources/${sourceId}/versions${query}`, {
      method: "POST",
      headers: { cookie: await signIn(app, as), origin: app.url, "content-type": contentType },
      body: typeof body === "string" ? body : new Blob([body.slice().buffer as ArrayBuffer]),
    });

  it("makes a text file the next version, answering like source:revise", async () => {
    const source = await createSource(REPORT);
    const note = await annotatePassage(source.id, 1, "roughly 100,000 troops", REPORT);
    const response = await upload(source.id, `Morning update.\n\n${REPORT}`, "text/plain; charset=utf-8", "?basedOnVersion=1");
    expect(response.status).toBe(201);
    const answer = await response.json();
    const movedTo = `Morning update.\n\n${REPORT}`.indexOf("roughly 100,000 troops");
    expect(answer.version).toBe(2);
    expect(answer.source.currentVersion).toBe(2);
    expect(answer.anchors).toEqual([
      { annotationId: note.ok && note.annotation.id, status: "anchored", start: movedTo, end: movedTo + 22 },
    ]);
    const read = await watcher.emitWithAck("source:read", { boardId: board.id, id: source.id });
    expect(read.ok && [read.version, read.format, read.text]).toEqual([2, "text", `Morning update.\n\n${REPORT}`]);
  });

  it("keeps a PDF's page starts, and refuses a corrupt file, a stale version and a viewer, writing nothing", async () => {
    const source = await createSource();
    const pdf = await upload(source.id, makePdf(["First page text.", "Second page text."]), "application/pdf");
    expect(pdf.status).toBe(201);
    const read = await watcher.emitWithAck("source:read", { boardId: board.id, id: source.id });
    expect(read.ok && read.pageStarts.length).toBe(2);
    const corrupt = await upload(source.id, "%PDF-1.7 this is not a PDF", "application/pdf");
    const stale = await upload(source.id, "Text", "text/plain", "?basedOnVersion=0");
    const viewer = await upload(source.id, "Text", "text/plain", "", carol);
    expect([corrupt.status, stale.status, viewer.status]).toEqual([400, 409, 403]);
    expect(await app.db.sourceVersion.count({ where: { sourceId: source.id } })).toBe(1);
  });
});
