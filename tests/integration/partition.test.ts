// A watcher cut off from the server while the board moves on (docs/realtime.md, board:join): on
// reconnect it catches up from the op log without a reload, or, beyond CATCH_UP_MAX_OPS, gets a fresh
// snapshot; either way it ends equal to the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/database";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { BoardWatcher, readBoardState } from "../support/kill-harness";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";

type Setting = {
  database: TestDatabase;
  app: TestApp;
  board: TestBoard;
  author: TestAnalyst;
  viewer: TestAnalyst;
};

async function openSetting(env: Record<string, string> = {}): Promise<Setting> {
  const app = await openTestApp({ env });
  const [author, viewer] = await Promise.all([makeAnalyst(app), makeAnalyst(app)]);
  const board = await makeBoard(app, [
    [author, "editor"],
    [viewer, "viewer"],
  ]);
  return { database: app.database, app, board, author, viewer };
}

async function closeSetting(setting: Setting | undefined): Promise<void> {
  await setting?.app.stop();
}

function connectAs(setting: Setting, analyst: TestAnalyst): Promise<TestSocket> {
  return connectedSocket(setting.app, analyst);
}

/** A watcher that has joined the board and holds its snapshot. */
async function joinedWatcher(setting: Setting): Promise<{ socket: TestSocket; watcher: BoardWatcher }> {
  const socket = await connectAs(setting, setting.viewer);
  const watcher = new BoardWatcher(socket, setting.board.id);
  expect(await watcher.waitForSeq(0, 5_000)).toBe(true);
  return { socket, watcher };
}

/**
 * Makes exactly `count` ops, one after another: mostly creates, with every tenth op an edit of the newest
 * annotation and every tenth a deletion of the oldest, so catching up exercises each kind of op.
 */
async function makeOps(socket: TestSocket, board: TestBoard, count: number): Promise<void> {
  const live: { id: string; version: number }[] = [];
  for (let made = 0; made < count; made++) {
    const newest = live.at(-1);
    const oldest = live[0];
    if (made % 10 === 4 && newest) {
      const ack = await socket.emitWithAck("annotation:update", {
        id: newest.id,
        boardId: board.id,
        expectedVersion: newest.version,
        body: `Edited after op ${made}`,
      });
      if (!ack.ok) throw new Error(`update refused: ${ack.error.code}`);
      newest.version = ack.annotation.version;
    } else if (made % 10 === 9 && oldest && live.length > 1) {
      const ack = await socket.emitWithAck("annotation:delete", { id: oldest.id, boardId: board.id });
      if (!ack.ok) throw new Error(`delete refused: ${ack.error.code}`);
      live.shift();
    } else {
      const ack = await socket.emitWithAck("annotation:create", annotationInput(board, { body: `Op ${made}` }));
      if (!ack.ok) throw new Error(`create refused: ${ack.error.code}`);
      live.push({ id: ack.annotation.id, version: ack.annotation.version });
    }
  }
}

describe("a watcher disconnected while others make hundreds of ops", () => {
  let setting: Setting;

  beforeAll(async () => {
    setting = await openSetting();
  });

  afterAll(() => closeSetting(setting));

  it("catches up from the op log on reconnect, without a reload, and ends equal to the database", async () => {
    const author = await connectAs(setting, setting.author);
    const cutOff = await joinedWatcher(setting);
    const connected = await joinedWatcher(setting);
    await makeOps(author, setting.board, 20);
    expect(await cutOff.watcher.waitForSeq(20, 5_000)).toBe(true);

    cutOff.socket.disconnect();
    await makeOps(author, setting.board, 300);
    expect(cutOff.watcher.board?.seq).toBe(20);
    cutOff.socket.connect();

    expect(await cutOff.watcher.waitForSeq(320, 10_000)).toBe(true);
    expect(await connected.watcher.waitForSeq(320, 10_000)).toBe(true);
    expect(cutOff.watcher.joins).toEqual([
      { kind: "snapshot", sinceSeq: undefined, seq: 0, opCount: 0 },
      { kind: "ops", sinceSeq: 20, seq: 320, opCount: 300 },
    ]);
    // The one that stayed connected got every op live, in order, with no need to ask again.
    expect(connected.watcher.joins).toHaveLength(1);
    const database = await readBoardState(setting.database.url, setting.board.id);
    expect(database.lastSeq).toBe(320);
    expect(cutOff.watcher.digest()).toBe(database.digest);
    expect(connected.watcher.digest()).toBe(database.digest);
  });
});

describe("a watcher that misses more than the catch-up window", () => {
  let setting: Setting;

  beforeAll(async () => {
    setting = await openSetting({ CATCH_UP_MAX_OPS: "50" });
  });

  afterAll(() => closeSetting(setting));

  it("gets a fresh snapshot on reconnect and ends equal to the database", async () => {
    const author = await connectAs(setting, setting.author);
    const { socket, watcher } = await joinedWatcher(setting);
    await makeOps(author, setting.board, 10);
    expect(await watcher.waitForSeq(10, 5_000)).toBe(true);

    socket.disconnect();
    await makeOps(author, setting.board, 120);
    socket.connect();

    expect(await watcher.waitForSeq(130, 10_000)).toBe(true);
    expect(watcher.joins.at(-1)).toEqual({ kind: "snapshot", sinceSeq: 10, seq: 130, opCount: 0 });
    const database = await readBoardState(setting.database.url, setting.board.id);
    expect(watcher.digest()).toBe(database.digest);
  });
});
