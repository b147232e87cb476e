// Last seen (issue 19): `board:seen` moves an analyst's last seen on a board forward only, never past the
// board's last op, is kept before it is acknowledged, and tells every socket of the same analyst — on
// this node and on another sharing the database (PostgreSQL adapter) — and no one else's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeenState } from "@/lib/schemas/shift";
import type { App } from "@/server/app";
import {
  annotationInput,
  connectSocket,
  makeAnalyst,
  makeBoard,
  signIn,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
  waitForConnect,
} from "../support/factories";
import { connectedSocket, openTestApp, type TestApp } from "../support/open-test-app";
import { startTestApp } from "../support/test-app";

const NODES_SHARE_ROOMS = { SOCKET_ADAPTER: "postgres" };

let app: TestApp;
let otherNode: App;
let otherNodeSocket: TestSocket;
let bob: TestAnalyst;
let carol: TestAnalyst;
let viewer: TestAnalyst;
let board: TestBoard;
let bobCookie: string;
/** Bob's laptop writes; his phone and the other node's tab listen; Carol is a colleague on the board. */
let laptop: TestSocket;
let colleague: TestSocket;
const heard = {
  laptop: [] as SeenState[],
  phone: [] as SeenState[],
  colleague: [] as SeenState[],
  otherNode: [] as SeenState[],
};

beforeAll(async () => {
  app = await openTestApp({ env: NODES_SHARE_ROOMS });
  otherNode = await startTestApp({ databaseUrl: app.databaseUrl, seedDemo: false, env: NODES_SHARE_ROOMS });
  bob = await makeAnalyst(app, { name: "Bob Okafor" });
  carol = await makeAnalyst(app, { name: "Carol Lindqvist" });
  viewer = await makeAnalyst(app, { name: "Vera Viewer" });
  board = await makeBoard(app, [
    [bob, "editor"],
    [carol, "editor"],
    [viewer, "viewer"],
  ]);
  bobCookie = await signIn(app, bob);
  laptop = await connectedSocket(app, bobCookie, (socket) => socket.on("seen:state", (s) => heard.laptop.push(s)));
  await connectedSocket(app, bobCookie, (socket) => socket.on("seen:state", (s) => heard.phone.push(s)));
  colleague = await connectedSocket(app, carol, (socket) => socket.on("seen:state", (s) => heard.colleague.push(s)));
  otherNodeSocket = connectSocket(otherNode, bobCookie);
  otherNodeSocket.on("seen:state", (s) => heard.otherNode.push(s));
  await waitForConnect(otherNodeSocket);
  // Five ops on the board, by Carol.
  for (let index = 0; index < 5; index++) {
    const ack = await colleague.emitWithAck("annotation:create", annotationInput(board, { body: `Note ${index}` }));
    if (!ack.ok) throw new Error(ack.error.message);
  }
});

afterAll(async () => {
  otherNodeSocket?.disconnect();
  await otherNode?.stop();
  await app?.stop();
});

const seen = (socket: TestSocket, seq: number, boardId = board.id) =>
  socket.timeout(10_000).emitWithAck("board:seen", { boardId, seq });

/** Last seen as a fresh request reads it: the inbox over HTTP. */
async function lastSeenOverHttp(cookie: string): Promise<number | undefined> {
  const response = await fetch(`${app.url}/api/inbox`, { headers: { cookie } });
  const { boards } = (await response.json()) as { boards: { boardId: string; lastSeenSeq: number }[] };
  return boards.find((entry) => entry.boardId === board.id)?.lastSeenSeq;
}

describe("board:seen", () => {
  it("moves last seen forward and never back", async () => {
    const first = await seen(laptop, 3);
    expect(first.ok && first.seq).toBe(3);
    const back = await seen(laptop, 1);
    expect(back.ok && back.seq).toBe(3);
    expect(await lastSeenOverHttp(bobCookie)).toBe(3);
  });

  it("does not move past the board's last op", async () => {
    const beyond = await seen(laptop, 2_147_483_647);
    expect(beyond.ok && beyond.seq).toBe(5);
  });

  it("is kept once acknowledged: a new connection and a new request find it", async () => {
    const fresh = await connectedSocket(app, await signIn(app, bob));
    const again = await seen(fresh, 0);
    expect(again.ok && again.seq).toBe(5);
    const membership = await app.db.membership.findUniqueOrThrow({
      where: { boardId_userId: { boardId: board.id, userId: bob.id } },
    });
    expect(membership.lastSeenSeq).toBe(5);
    expect(membership.lastSeenAt).not.toBeNull();
  });

  it("tells the analyst's other sockets, on this node and another, and not a colleague", async () => {
    const ack = await seen(laptop, 4);
    if (!ack.ok) throw new Error(ack.error.message);
    const state: SeenState = { boardId: board.id, seq: ack.seq, seenAt: ack.seenAt };
    await expect.poll(() => heard.phone).toContainEqual(state);
    await expect.poll(() => heard.otherNode).toContainEqual(state);
    // Barrier: Carol's own board:seen is answered after whatever Bob's calls (in this file) had sent her.
    const own = await seen(colleague, 1);
    if (!own.ok) throw new Error(own.error.message);
    await expect.poll(() => heard.colleague.length).toBe(1);
    expect(heard.colleague).toEqual([{ boardId: board.id, seq: 1, seenAt: own.seenAt }]);
  });

  it("is open to a viewer, and NOT_FOUND on a board the analyst is not on", async () => {
    const viewing = await connectedSocket(app, viewer);
    const viewed = await seen(viewing, 2);
    expect(viewed.ok && viewed.seq).toBe(2);
    const strangersBoard = await makeBoard(app, [[carol, "owner"]]);
    const refused = await seen(laptop, 1, strangersBoard.id);
    expect(refused.ok ? null : refused.error.code).toBe("NOT_FOUND");
  });
});
