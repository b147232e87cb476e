// Search over a board (issue 14): notes and the current versions of documents, in PostgreSQL full-text
// search, over the live socket and the HTTP API — only on boards the analyst may read.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoardSearchResult, SearchSnippet } from "@/lib/schemas/search";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let alice: TestAnalyst;
let outsider: TestAnalyst;
let board: TestBoard;
let otherBoard: TestBoard;
let aliceSocket: TestSocket;
let outsiderSocket: TestSocket;

beforeAll(async () => {
  app = await openTestApp();
  alice = await makeAnalyst(app, { name: "Alice Mercer" });
  outsider = await makeAnalyst(app, { name: "Olga Outsider" });
  board = await makeBoard(app, [[alice, "viewer"]]);
  // Alice cannot read this one; its owner writes what she would otherwise find.
  otherBoard = await makeBoard(app, [[outsider, "owner"]]);
  [aliceSocket, outsiderSocket] = await Promise.all([connectedSocket(app, alice), connectedSocket(app, outsider)]);
});

afterAll(() => app?.stop());

/** A note written straight to the database: alice is a viewer, and search only reads. */
async function note(on: TestBoard, body: string, authorId = alice.id): Promise<string> {
  const id = randomUUID();
  await app.db.annotation.create({ data: { id, boardId: on.id, authorId, targetType: "board", body } });
  return id;
}

/** A source whose document went through the given versions; the last is current. */
async function documentWithVersions(on: TestBoard, title: string, texts: string[]): Promise<string> {
  const id = randomUUID();
  await app.db.source.create({
    data: {
      id,
      boardId: on.id,
      title,
      currentVersion: texts.length,
      versions: {
        create: texts.map((text, index) => ({ id: randomUUID(), version: index + 1, text, format: "text" })),
      },
    },
  });
  return id;
}

async function search(query: string, on: TestBoard = board, socket = aliceSocket): Promise<BoardSearchResult> {
  const ack = await socket.emitWithAck("board:search", { boardId: on.id, query });
  if (!ack.ok) throw new Error(`search failed: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

const marked = (snippet: SearchSnippet) => snippet.marks.map((mark) => snippet.text.slice(mark.start, mark.end));

describe("searching notes", () => {
  it("finds a note by a word of its body, and marks the word in a plain-text snippet", async () => {
    const id = await note(board, "Delegations arrive in <b>Geneva</b> on Sunday & talks open Monday.");
    const result = await search("geneva");
    const hit = result.annotations.find((annotation) => annotation.id === id);
    expect(hit).toMatchObject({
      kind: "note",
      author: { id: alice.id, name: "Alice Mercer" },
      target: { type: "board" },
    });
    // The body's markup comes back as the text it is; only the match is marked.
    expect(hit?.snippet.text).toContain("<b>Geneva</b> on Sunday & talks");
    expect(marked(hit?.snippet ?? { text: "", marks: [] })).toEqual(["Geneva"]);
  });

  it("finds other forms of an English word (the configuration stems)", async () => {
    const id = await note(board, "Armoured columns were massing near Yelnya overnight.");
    expect((await search("columns massed")).annotations.map((hit) => hit.id)).toContain(id);
    const hit = (await search("column")).annotations.find((annotation) => annotation.id === id);
    expect(marked(hit?.snippet ?? { text: "", marks: [] })).toEqual(["columns"]);
  });

  it("finds Cyrillic words, in another grammatical case too", async () => {
    const id = await note(board, "Войска сосредоточены у границы с Украиной.");
    expect((await search("войска")).annotations.map((hit) => hit.id)).toContain(id);
    expect((await search("граница")).annotations.map((hit) => hit.id)).toContain(id);
  });

  it("takes web-search syntax: a quoted phrase and an excluded word", async () => {
    const phrase = await note(board, "The foreign ministers met in Riga before the summit.");
    const scattered = await note(board, "Ministers of defence and their foreign counterparts met in Riga.");
    const excluded = await note(board, "The foreign ministers met again, sanctions on the table.");
    const ids = (await search('"foreign ministers met" -sanctions')).annotations.map((hit) => hit.id);
    expect(ids).toContain(phrase);
    expect(ids).not.toContain(scattered);
    expect(ids).not.toContain(excluded);
  });

  it("does not find a deleted note", async () => {
    const kept = await note(board, "Convoy sighted at the Kupiansk rail yard.");
    const deleted = await note(board, "Convoy sighted at the Kupiansk rail yard, twice.");
    await app.db.annotation.update({ where: { id: deleted }, data: { deletedAt: new Date(), deletedById: alice.id } });
    const ids = (await search("kupiansk")).annotations.map((hit) => hit.id);
    expect(ids).toEqual([kept]);
  });

  it("ranks the note that says it most first, and answers with at most the limit", async () => {
    const once = await note(board, "Pontoon seen once near the river, among other equipment and vehicles.");
    const often = await note(board, "Pontoon, pontoon, pontoon: pontoon bridges everywhere.");
    expect((await search("pontoon")).annotations.map((hit) => hit.id)).toEqual([often, once]);
    const limited = await aliceSocket.emitWithAck("board:search", { boardId: board.id, query: "pontoon", limit: 1 });
    expect(limited.ok && limited.annotations.map((hit) => hit.id)).toEqual([often]);
  });
});

describe("searching documents", () => {
  it("finds the current version only, with the first match's position in its text", async () => {
    const text = "Readout 😀 of the call. Вечером — переговоры. The ministers discussed Kazakhstan; Kazakhstan again.";
    const sourceId = await documentWithVersions(board, "Readout", ["An older draft that mentioned Minsk.", text]);
    expect((await search("minsk")).passages).toEqual([]);

    const [hit] = (await search("kazakhstan")).passages;
    expect(hit).toMatchObject({ sourceId, sourceTitle: "Readout", version: 2 });
    // Positions are UTF-16 code units: the emoji before the match counts twice.
    expect(hit?.offset).toBe(text.indexOf("Kazakhstan"));
    expect(marked(hit?.snippet ?? { text: "", marks: [] })).toEqual(["Kazakhstan", "Kazakhstan"]);
    // The snippet is the text itself from snippetStart, so its marks point into the document.
    const start = hit?.snippetStart ?? -1;
    expect(text.slice(start, start + (hit?.snippet.text.length ?? 0))).toBe(hit?.snippet.text);
  });

  it("finds a match deep in a long document and places it exactly", async () => {
    const filler = "Routine traffic at the crossing, nothing to report. ".repeat(4_000);
    const text = `${filler}🛰 A new field hospital appeared at Yelsk. ${filler}`;
    const sourceId = await documentWithVersions(board, "Imagery log", [text]);
    const hit = (await search("hospital")).passages.find((passage) => passage.sourceId === sourceId);
    expect(hit?.offset).toBe(text.indexOf("hospital"));
    expect(hit?.snippet.text).toMatch(/^\S.*field hospital appeared at Yelsk\..*\S$/s);
    expect(marked(hit?.snippet ?? { text: "", marks: [] })).toEqual(["hospital"]);
  });

  it("keeps a document whose vector would pass tsvector's 1 MiB, searchable in its first part", async () => {
    // 150,000 distinct tokens: their vector is larger than a tsvector may be.
    const tokens = Array.from({ length: 150_000 }, (_, index) => `q${index.toString(36).padStart(5, "0")}`);
    const sourceId = await documentWithVersions(board, "Code table", [tokens.join(" ")]);
    const hit = (await search(tokens[10] ?? "")).passages.find((passage) => passage.sourceId === sourceId);
    expect(hit?.offset).toBe(10 * 7);
  });
});

describe("who may search", () => {
  it("finds nothing from a board the analyst is not a member of", async () => {
    await note(otherBoard, "Secret: the Brest crossing closes at noon.", outsider.id);
    await documentWithVersions(otherBoard, "Secret memo", ["The Brest crossing closes at noon."]);
    const mine = await search("brest");
    expect(mine.annotations).toEqual([]);
    expect(mine.passages).toEqual([]);
    // The owner does find both, so the absence above is the membership, not the query.
    const theirs = await search("brest", otherBoard, outsiderSocket);
    expect([theirs.annotations.length, theirs.passages.length]).toEqual([1, 1]);
  });

  it("answers NOT_FOUND for a board the analyst is not on, as for one that does not exist", async () => {
    for (const boardId of [otherBoard.id, randomUUID()]) {
      const ack = await aliceSocket.emitWithAck("board:search", { boardId, query: "brest" });
      expect(ack.ok ? "ok" : ack.error.code).toBe("NOT_FOUND");
    }
    const cookie = await signIn(app, alice);
    const response = await fetch(`${app.url}/api/boards/${otherBoard.slug}/search?q=brest`, { headers: { cookie } });
    expect(response.status).toBe(404);
  });
});

describe("the query", () => {
  it("is refused with VALIDATION when empty, blank or too long", async () => {
    for (const query of ["", "   ", "x".repeat(201)]) {
      const ack = await aliceSocket.emitWithAck("board:search", { boardId: board.id, query });
      expect(ack.ok ? "ok" : ack.error.code, JSON.stringify(query.slice(0, 10))).toBe("VALIDATION");
    }
  });

  it("travels over HTTP too: GET /api/boards/:slug/search?q=", async () => {
    const id = await note(board, "Ferry traffic from Baltiysk resumed.");
    const cookie = await signIn(app, alice);
    const found = await fetch(`${app.url}/api/boards/${board.slug}/search?q=${encodeURIComponent("baltiysk")}`, {
      headers: { cookie },
    });
    expect(found.status).toBe(200);
    const body = (await found.json()) as BoardSearchResult;
    expect(body.annotations.map((hit) => hit.id)).toEqual([id]);
    const empty = await fetch(`${app.url}/api/boards/${board.slug}/search`, { headers: { cookie } });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe("VALIDATION");
  });

  it("finds nothing, without an error, for a query of stop words or punctuation only", async () => {
    for (const query of ["the", "!!! ---"]) {
      const result = await search(query);
      expect([result.annotations.length, result.passages.length]).toEqual([0, 0]);
    }
  });
});

it("finds a note written through annotation:create: the vector is filled on every write path", async () => {
  const owner = await makeAnalyst(app, { name: "Oscar Owner" });
  const ownBoard = await makeBoard(app, [[owner, "owner"]]);
  const socket = await connectedSocket(app, owner);
  const created = await socket.emitWithAck(
    "annotation:create",
    annotationInput(ownBoard, { body: "Railheads at Klintsy are busy." }),
  );
  expect(created.ok).toBe(true);
  const result = await search("klintsy", ownBoard, socket);
  expect(result.annotations.map((hit) => hit.id)).toEqual([created.ok ? created.annotation.id : null]);
});
