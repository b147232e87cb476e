// The inbox across boards (issue 19): GET /api/inbox lists each of the caller's boards with its unread
// threads (new notes or replies by others after the caller's last seen) and unread mentions, in one SQL
// statement whatever the number of boards.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboxBoard } from "@/lib/schemas/shift";
import { PrismaClient } from "@/server/db/generated/client";
import { listInbox } from "@/server/shift/list-inbox";
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
let bob: TestAnalyst;
let carol: TestAnalyst;
let bobCookie: string;
let boards: TestBoard[];
let bobsSocket: TestSocket;
let carolsSocket: TestSocket;

async function write(
  socket: TestSocket,
  board: TestBoard,
  body: string,
  parentId?: string,
): Promise<{ id: string; seq: number }> {
  const input = annotationInput(board, { body, ...(parentId ? { parentId } : {}) });
  const ack = await socket.timeout(10_000).emitWithAck("annotation:create", input);
  if (!ack.ok) throw new Error(ack.error.message);
  return { id: input.id, seq: ack.seq };
}

async function inbox(cookie: string): Promise<InboxBoard[]> {
  const response = await fetch(`${app.url}/api/inbox`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { boards: InboxBoard[] }).boards;
}

const entry = (list: InboxBoard[], board: TestBoard) => list.find((item) => item.boardId === board.id);

beforeAll(async () => {
  app = await openTestApp();
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  carol = await makeAnalyst(app, { name: "Carol Lindqvist" });
  boards = await Promise.all(
    [0, 1, 2].map(() =>
      makeBoard(app, [
        [bob, "editor"],
        [carol, "editor"],
      ]),
    ),
  );
  bobCookie = await signIn(app, bob);
  bobsSocket = await connectedSocket(app, bobCookie);
  carolsSocket = await connectedSocket(app, carol);
});

afterAll(() => app?.stop());

describe("the inbox", () => {
  it("counts each board's threads with news by others after last seen, and unread mentions", async () => {
    const [first, second, third] = boards as [TestBoard, TestBoard, TestBoard];
    // First board: Bob's own thread gets Carol's reply; Carol starts a thread naming Bob and another one;
    // Bob's own new note is not news. Then Bob reads up to here, and Carol writes one more thread.
    const bobsThread = await write(bobsSocket, first, "Rail yards busy.");
    await write(carolsSocket, first, "Confirmed by the attaché.", bobsThread.id);
    const naming = await write(carolsSocket, first, "@Bob Okafor can you check the convoy?");
    await write(carolsSocket, first, "Bridge closed.");
    await write(bobsSocket, first, "My own note.");
    // Second board: Carol's note and her reply in it are one thread.
    const before = await write(carolsSocket, second, "Hospitals figure from the ministry.");
    await write(carolsSocket, second, "@Bob Okafor see the ministry's table.", before.id);
    // Third board: only Bob writes; Carol's figure over the line leaves Watchfloor's warning, not a thread.
    await write(bobsSocket, third, "Nothing from the others here.");
    const line = await carolsSocket.emitWithAck("indicator:update", {
      id: third.indicatorId,
      boardId: third.id,
      warnAbove: 150_000,
    });
    const figure = await carolsSocket.emitWithAck("observation:create", {
      id: randomUUID(),
      boardId: third.id,
      indicatorId: third.indicatorId,
      observedAt: "2022-01-09T00:00:00Z",
      value: 160_000,
    });
    expect(line.ok && figure.ok && figure.warning !== null).toBe(true);

    let list = await inbox(bobCookie);
    expect(list.map((item) => item.boardId).sort()).toEqual(boards.map((board) => board.id).sort());
    expect(entry(list, first)).toMatchObject({ unreadThreads: 3, unreadMentions: 1, lastSeenSeq: 0, lastSeq: 5 });
    expect(entry(list, second)).toMatchObject({ unreadThreads: 1, unreadMentions: 1, lastSeenSeq: 0 });
    expect(entry(list, third)).toMatchObject({ unreadThreads: 0, unreadMentions: 0 });

    // Reading the first board up to Carol's naming note leaves what came after it, and the mention until read.
    const seen = await bobsSocket.emitWithAck("board:seen", { boardId: first.id, seq: naming.seq });
    expect(seen.ok).toBe(true);
    await write(carolsSocket, first, "Convoy turned back.");
    list = await inbox(bobCookie);
    expect(entry(list, first)).toMatchObject({ unreadThreads: 2, unreadMentions: 1, lastSeenSeq: naming.seq });
    const read = await fetch(`${app.url}/api/boards/${first.slug}/mentions/read`, {
      method: "POST",
      headers: { cookie: bobCookie, "content-type": "application/json", origin: app.url },
      body: "{}",
    });
    expect(read.status).toBe(200);
    expect(entry(await inbox(bobCookie), first)).toMatchObject({ unreadMentions: 0 });
  });

  it("reads every board in one SQL statement", async () => {
    let statements = 0;
    const pool = new pg.Pool({ connectionString: app.databaseUrl, max: 1 });
    pool.on("connect", (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        statements++;
        return query(...args);
      };
    });
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      await db.$connect();
      statements = 0;
      const { boards: listed } = await listInbox({ db, actor: bob });
      expect(listed).toHaveLength(boards.length);
      expect(statements).toBe(1);
    } finally {
      await db.$disconnect();
      await pool.end().catch(() => undefined);
    }
  });
});
