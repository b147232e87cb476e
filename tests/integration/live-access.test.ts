// Access ends on the live path too: a removed member, a signed-out or expired session, a deleted
// board — the open socket is told why within a second and gets no further ops.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoardLeft, SessionEnded } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import { roundTrip } from "../support/barrier";
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

let app: TestApp;
let owner: TestAnalyst;
let ownerSocket: TestSocket;

type Watcher = { socket: TestSocket; ops: WireOp[]; left: BoardLeft[]; ended: SessionEnded[]; cookie: string };

async function watch(analyst: TestAnalyst, board: TestBoard): Promise<Watcher> {
  const cookie = await signIn(app, analyst);
  const notices: Omit<Watcher, "socket"> = { ops: [], left: [], ended: [], cookie };
  const socket = await joinedSocket(app, cookie, board, (socket) => {
    socket.on("board:op", (op) => notices.ops.push(op));
    socket.on("board:left", (notice) => notices.left.push(notice));
    socket.on("session:ended", (notice) => notices.ended.push(notice));
  });
  return { socket, ...notices };
}

const within = { timeout: 1000, interval: 25 };

beforeAll(async () => {
  app = await openTestApp();
  owner = await makeAnalyst(app);
  ownerSocket = await connectedSocket(app, owner);
});

afterAll(() => app?.stop());

describe("a member removed from a board", () => {
  it("is told within a second, leaves the room, and gets no further ops", async () => {
    const bob = await makeAnalyst(app);
    const board = await makeBoard(app, [
      [owner, "owner"],
      [bob, "editor"],
    ]);
    const bobs = await watch(bob, board);
    const response = await fetch(`${app.url}/api/boards/${board.slug}/members/${bob.id}`, {
      method: "DELETE",
      headers: { cookie: await signIn(app, owner), origin: app.url },
    });
    expect(response.status).toBe(200);
    await expect.poll(() => bobs.left, within).toEqual([{ boardId: board.id, reason: "removed" }]);

    const opsBefore = bobs.ops.length;
    expect((await ownerSocket.emitWithAck("annotation:create", annotationInput(board))).ok).toBe(true);
    // Bob is out of the room, so a barrier op cannot reach him: the owner's write was broadcast before it
    // was acked, so an answer Bob gets now comes after that op, had it been sent to him.
    await roundTrip(bobs.socket);
    expect(bobs.ops.length).toBe(opsBefore);
    expect(bobs.ops.some((op) => op.type === "member.removed")).toBe(false);
    const rejoin = await bobs.socket.emitWithAck("board:join", { boardId: board.id });
    expect(rejoin.ok ? null : rejoin.error.code).toBe("NOT_FOUND");
  });
});

describe("a session that ends", () => {
  it("ends the socket within a second when the analyst signs out in another tab", async () => {
    const carol = await makeAnalyst(app);
    const board = await makeBoard(app, [[carol, "viewer"]]);
    const carols = await watch(carol, board);
    await fetch(`${app.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie: carols.cookie, origin: app.url, "content-type": "application/json" },
      body: "{}",
    });
    await expect.poll(() => carols.ended, within).toEqual([{ reason: "signed-out" }]);
    await expect.poll(() => carols.socket.connected, within).toBe(false);
  });

  it("ends the socket within a second when the session expires", async () => {
    const dave = await makeAnalyst(app);
    const board = await makeBoard(app, [[dave, "editor"]]);
    const daves = await watch(dave, board);
    await app.db.session.updateMany({ where: { userId: dave.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect.poll(() => daves.ended, within).toEqual([{ reason: "expired" }]);
    await expect.poll(() => daves.socket.connected, within).toBe(false);
  });
});

describe("a deleted board", () => {
  it("sends everyone on it away", async () => {
    const erin = await makeAnalyst(app);
    const board = await makeBoard(app, [
      [owner, "owner"],
      [erin, "viewer"],
    ]);
    const erins = await watch(erin, board);
    const response = await fetch(`${app.url}/api/boards/${board.slug}`, {
      method: "DELETE",
      headers: { cookie: await signIn(app, owner), origin: app.url },
    });
    expect(response.status).toBe(200);
    await expect.poll(() => erins.left, within).toEqual([{ boardId: board.id, reason: "deleted" }]);
  });
});
