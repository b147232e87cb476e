// Source documents (issue 14) over a real socket and PostgreSQL: versions, reading, revising with every
// passage note re-anchored through the op log, and passages as annotation targets.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard, type TestSocket } from "../support/factories";
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
