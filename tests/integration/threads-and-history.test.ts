// Threads, resolving, edit history, undoing a delete, and @mentions — through the live socket path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
let bob: TestAnalyst;
let board: TestBoard;
let aliceSocket: TestSocket;
let bobSocket: TestSocket;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await openTestApp();
  alice = await makeAnalyst(app, { name: "Alice Mercer" });
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  board = await makeBoard(app, [
    [alice, "owner"],
    [bob, "commenter"],
  ]);
  cookies.alice = await signIn(app, alice);
  cookies.bob = await signIn(app, bob);
  [aliceSocket, bobSocket] = await Promise.all([connectedSocket(app, alice), connectedSocket(app, bob)]);
});

afterAll(() => app?.stop());

async function create(socket: TestSocket, overrides: Parameters<typeof annotationInput>[1] = {}) {
  const ack = await socket.emitWithAck("annotation:create", annotationInput(board, overrides));
  if (!ack.ok) throw new Error(`create failed: ${ack.error.code} ${ack.error.message}`);
  return ack.annotation;
}

describe("threads", () => {
  it("takes replies to a top-level annotation, but not replies to replies", async () => {
    const question = await create(aliceSocket, { kind: "question", body: "Who attends in Vienna?" });
    const reply = await create(bobSocket, { parentId: question.id, body: "All 57 participating states." });
    expect(reply.parentId).toBe(question.id);
    const nested = await bobSocket.emitWithAck("annotation:create", annotationInput(board, { parentId: reply.id }));
    expect(nested.ok ? null : nested.error.code).toBe("VALIDATION");
  });

  it("is resolved and reopened by a commenter, and the op says who", async () => {
    const question = await create(aliceSocket, { kind: "question" });
    const resolved = await bobSocket.emitWithAck("annotation:resolve", { id: question.id, boardId: board.id });
    expect(resolved.ok && resolved.annotation.resolvedBy).toEqual({ id: bob.id, name: "Bob Okafor" });
    const again = await bobSocket.emitWithAck("annotation:resolve", { id: question.id, boardId: board.id });
    expect(again.ok && again.annotation.resolvedAt).toBe(resolved.ok && resolved.annotation.resolvedAt);
    expect(await app.db.op.count({ where: { entityId: question.id, type: "annotation.resolved" } })).toBe(1);
    const reopened = await aliceSocket.emitWithAck("annotation:reopen", { id: question.id, boardId: board.id });
    expect(reopened.ok && reopened.annotation.resolvedAt).toBeNull();
  });

  it("asks an assessment for its confidence", async () => {
    const missing = await aliceSocket.emitWithAck("annotation:create", annotationInput(board, { kind: "assessment" }));
    expect(missing.ok ? null : missing.error.issues?.[0]?.path).toEqual(["confidence"]);
    const note = await create(aliceSocket);
    const promoted = await aliceSocket.emitWithAck("annotation:update", {
      id: note.id,
      boardId: board.id,
      expectedVersion: 1,
      kind: "assessment",
    });
    expect(promoted.ok ? null : promoted.error.code).toBe("VALIDATION");
  });
});

describe("edit history", () => {
  it("keeps every version, and an edit that lost a race is answered CONFLICT without losing the winner's", async () => {
    const note = await create(aliceSocket, { body: "Version one." });
    const [first, second] = await Promise.all([
      aliceSocket.emitWithAck("annotation:update", {
        id: note.id,
        boardId: board.id,
        expectedVersion: 1,
        body: "Edit A.",
      }),
      aliceSocket.emitWithAck("annotation:update", {
        id: note.id,
        boardId: board.id,
        expectedVersion: 1,
        body: "Edit B.",
      }),
    ]);
    const outcomes = [first, second].map((ack) => (ack.ok ? "ok" : ack.error.code)).sort();
    expect(outcomes).toEqual(["CONFLICT", "ok"]);
    const winner = first.ok ? first.annotation : second.ok ? second.annotation : null;
    const loser = first.ok ? second : first;
    expect(!loser.ok && loser.error.current).toMatchObject({ version: 2, body: winner?.body });

    const history = await bobSocket.emitWithAck("annotation:history", { id: note.id, boardId: board.id });
    expect(history.ok && history.revisions.map((revision) => [revision.version, revision.body])).toEqual([
      [1, "Version one."],
      [2, winner?.body],
    ]);
  });
});

describe("undoing a delete", () => {
  it("restores the annotation for everyone", async () => {
    const note = await create(bobSocket);
    await bobSocket.emitWithAck("annotation:delete", { id: note.id, boardId: board.id });
    const restored = await bobSocket.emitWithAck("annotation:restore", { id: note.id, boardId: board.id });
    expect(restored.ok && restored.annotation.id).toBe(note.id);
    const listed = await fetch(`${app.url}/api/boards/${board.slug}/annotations`, {
      headers: { cookie: cookies.alice ?? "" },
    });
    expect(((await listed.json()).annotations as { id: string }[]).map((annotation) => annotation.id)).toContain(
      note.id,
    );
    const twice = await bobSocket.emitWithAck("annotation:restore", { id: note.id, boardId: board.id });
    expect(twice.ok ? null : twice.error.code).toBe("NOT_FOUND");
  });
});

describe("@mentions", () => {
  const forBob = async () => {
    const response = await fetch(`${app.url}/api/boards/${board.slug}/mentions`, {
      headers: { cookie: cookies.bob ?? "" },
    });
    return (await response.json()) as { mentions: { annotation: { id: string } }[]; unread: number };
  };

  it("puts the annotation in the named member's for-you list, unread until read, across reloads", async () => {
    const before = await forBob();
    const note = await create(aliceSocket, { body: "@bob okafor can you check the OSCE readout?" });
    expect(note.mentions).toEqual([{ id: bob.id, name: "Bob Okafor" }]);
    const after = await forBob();
    expect(after.unread).toBe(before.unread + 1);
    expect(after.mentions[0]?.annotation.id).toBe(note.id);

    const read = await fetch(`${app.url}/api/boards/${board.slug}/mentions/read`, {
      method: "POST",
      headers: { cookie: cookies.bob ?? "", origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ annotationIds: [note.id] }),
    });
    expect((await read.json()).unread).toBe(before.unread);
    expect((await forBob()).unread).toBe(before.unread);
  });

  it("does not mention people who are not on the board, nor the author", async () => {
    const stranger = await makeAnalyst(app, { name: "Sam Stranger" });
    const note = await create(aliceSocket, { body: "@Sam Stranger and @Alice Mercer, noted." });
    expect(note.mentions).toEqual([]);
    expect(await app.db.mention.count({ where: { userId: stranger.id } })).toBe(0);
  });
});
