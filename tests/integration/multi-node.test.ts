// Two server processes on one database behave like one: an op committed on node A reaches a watcher on
// node B, presence spans both, and when node A dies its analysts reconnect to node B and converge.
// The nodes share rooms through Redis when REDIS_URL is set (as .ci/run does), else through PostgreSQL.
import { randomUUID } from "node:crypto";
import net from "node:net";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PresenceMember } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  makeAnalyst,
  makeBoard,
  signInAt,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { ServerProcess } from "../support/kill-harness";
import { startTestApp } from "../support/test-app";

const ADAPTER_ENV: Record<string, string> = process.env.REDIS_URL
  ? { REDIS_URL: process.env.REDIS_URL }
  : { SOCKET_ADAPTER: "postgres" };
console.log(`multi-node test: nodes share rooms through ${process.env.REDIS_URL ? "Redis" : "PostgreSQL"}`);

let database: TestDatabase;
let alice: TestAnalyst;
let bob: TestAnalyst;
let board: TestBoard;
let nodeA: ServerProcess;
let nodeB: ServerProcess;
const sockets: TestSocket[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function connect(url: string, cookie: string): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

beforeAll(async () => {
  database = await createTestDatabase();
  // An in-process app on the same database makes the analysts and the board, then steps aside.
  const setup = await startTestApp({ databaseUrl: database.url });
  alice = await makeAnalyst(setup, { name: "Alice Mercer" });
  bob = await makeAnalyst(setup, { name: "Bob Okafor" });
  board = await makeBoard(setup, [
    [alice, "owner"],
    [bob, "editor"],
  ]);
  await setup.stop();
  nodeA = new ServerProcess({ databaseUrl: database.url, port: await freePort(), env: ADAPTER_ENV });
  nodeB = new ServerProcess({ databaseUrl: database.url, port: await freePort(), env: ADAPTER_ENV });
  await Promise.all([nodeA.start(), nodeB.start()]);
}, 90_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await Promise.allSettled([nodeA?.stop(), nodeB?.stop()]);
  await database?.drop();
});

describe("two nodes on one database", () => {
  it("deliver an op written on node A to a watcher on node B, and show presence from both on both", async () => {
    const writer = await connect(nodeA.url, await signInAt(nodeA.url, alice));
    const watcher = await connect(nodeB.url, await signInAt(nodeB.url, bob));
    const received: WireOp[] = [];
    let seenOnA: PresenceMember[] = [];
    let seenOnB: PresenceMember[] = [];
    watcher.on("board:op", (op) => received.push(op));
    writer.on("presence:state", (state) => (seenOnA = state.members));
    watcher.on("presence:state", (state) => (seenOnB = state.members));
    expect((await writer.emitWithAck("board:join", { boardId: board.id })).ok).toBe(true);
    expect((await watcher.emitWithAck("board:join", { boardId: board.id })).ok).toBe(true);

    const id = randomUUID();
    const ack = await writer.emitWithAck("annotation:create", {
      id,
      boardId: board.id,
      target: { type: "board" },
      body: "Written on node A.",
    });
    expect(ack.ok).toBe(true);
    await expect
      .poll(() => received.some((op) => op.type === "annotation.created" && op.data.id === id), { timeout: 5000 })
      .toBe(true);

    const both = [alice.id, bob.id].sort();
    await expect.poll(() => seenOnA.map((member) => member.userId).sort(), { timeout: 5000 }).toEqual(both);
    await expect.poll(() => seenOnB.map((member) => member.userId).sort(), { timeout: 5000 }).toEqual(both);
  });

  it("lets node A's analysts reconnect to node B when A dies, and catch up with what they missed", async () => {
    const cookieA = await signInAt(nodeA.url, alice);
    const onA = await connect(nodeA.url, cookieA);
    const joined = await onA.emitWithAck("board:join", { boardId: board.id });
    if (!joined.ok) throw new Error("join failed");
    const seqBefore = joined.seq;

    await nodeA.kill();
    // While alice is cut off, bob keeps writing through node B.
    const bobOnB = await connect(nodeB.url, await signInAt(nodeB.url, bob));
    for (let index = 0; index < 5; index++) {
      const ack = await bobOnB.emitWithAck("annotation:create", {
        id: randomUUID(),
        boardId: board.id,
        target: { type: "board" },
        body: `While node A was down, ${index}`,
      });
      expect(ack.ok).toBe(true);
    }
    // The same session cookie works on node B: sessions live in PostgreSQL, not in a node.
    const onB = await connect(nodeB.url, cookieA);
    const caughtUp = await onB.emitWithAck("board:join", { boardId: board.id, sinceSeq: seqBefore });
    expect(caughtUp.ok && "ops" in caughtUp && caughtUp.ops.map((op) => op.seq)).toEqual(
      Array.from({ length: 5 }, (_, index) => seqBefore + index + 1),
    );
    await nodeA.start();
  });
});
