// Redis goes away under two nodes (issue 12): each node keeps serving its own clients — acks, live ops
// to its own sockets, joins, presence of its own sockets — and says so in /api/health ("degraded",
// still 200) and once in its log; a third node started during the outage does the same instead of
// refusing to start. When Redis is back, cross-node delivery resumes by itself, and watchers that
// missed what was written on another node catch up from the op log without any further write — also
// when only one node lost Redis (its connection goes through a proxy the test cuts) and the others'
// watchers missed what it wrote. And a node stopped while Redis is down stops cleanly (exit code 0).
// A redis-server of the test's own, killed and restarted on one port.
// Without redis-server the file is skipped with a warning, or fails when REQUIRE_REDIS=1 (CI).
import { randomUUID } from "node:crypto";
import net from "node:net";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PresenceMember } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import { handshakeAuth } from "@/lib/protocol";
import { CuttableProxy } from "../support/cuttable-proxy";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  makeAnalyst,
  makeBoard,
  signInAt,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { BoardWatcher, readBoardState, ServerProcess } from "../support/kill-harness";
import { RedisServerProcess } from "../support/redis-server";
import { requiredProgram } from "../support/required-program";
import { startTestApp } from "../support/test-app";

const redisBinary = requiredProgram({
  program: "redis-server",
  aptPackage: "redis-server",
  test: "Redis outage test",
  requiredBy: "REQUIRE_REDIS",
});

/**
 * node-redis rejects a command Redis has not answered after this long; the adapter's publishes were
 * such commands, and nobody caught the rejection (the node died). The outage lasts longer than this.
 */
const REDIS_COMMAND_TIMEOUT_MS = 5_000;
/** Generous bounds on waits; nothing here measures speed. */
const WAIT_MS = 10_000;

let database: TestDatabase;
let redis: RedisServerProcess;
let alice: TestAnalyst;
let bob: TestAnalyst;
/** Only ever on node C. */
let carol: TestAnalyst;
let board: TestBoard;
/** A board nobody writes to: after the outage, no client has a reason to join it again. */
let quietBoard: TestBoard;
let nodeA: ServerProcess;
let nodeB: ServerProcess;
/** Started while Redis is down; reaches Redis through `proxyOfC`. */
let nodeC: ServerProcess;
let proxyOfC: CuttableProxy;
let nodeEnv: Record<string, string>;
const sockets: TestSocket[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

async function connect(node: ServerProcess, analyst: TestAnalyst): Promise<TestSocket> {
  const cookie = await signInAt(node.url, analyst);
  const socket: TestSocket = io(node.url, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    auth: handshakeAuth(),
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

async function write(socket: TestSocket, body: string): Promise<{ id: string; seq: number }> {
  const id = randomUUID();
  const ack = await socket
    .timeout(WAIT_MS)
    .emitWithAck("annotation:create", { id, boardId: board.id, target: { type: "board" }, body });
  if (!ack.ok) throw new Error(`the write was refused: ${ack.error.code} ${ack.error.message}`);
  return { id, seq: ack.seq };
}

type Health = { status: string; checks: Record<string, { ok: boolean; reason?: string }> };

async function health(node: ServerProcess): Promise<{ httpStatus: number; body: Health }> {
  const response = await fetch(`${node.url}/api/health`, { signal: AbortSignal.timeout(WAIT_MS) });
  return { httpStatus: response.status, body: (await response.json()) as Health };
}

/** The node's log lines whose message contains `text`. */
function logLines(node: ServerProcess, text: string): string[] {
  return node.recentOutput().filter((line) => line.includes(text));
}

/** The members of the next presence:state for the board that satisfies `wanted`; null if none came. */
function presenceWhere(socket: TestSocket, wanted: (userIds: string[]) => boolean): Promise<string[] | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off("presence:state", onState);
      resolve(null);
    }, WAIT_MS);
    const onState = (state: { boardId: string; members: PresenceMember[] }) => {
      const userIds = state.members.map((member) => member.userId).sort();
      if (state.boardId !== board.id || !wanted(userIds)) return;
      clearTimeout(timer);
      socket.off("presence:state", onState);
      resolve(userIds);
    };
    socket.on("presence:state", onState);
  });
}

beforeAll(async () => {
  if (!redisBinary) return;
  const redisPort = await freePort();
  redis = new RedisServerProcess({ binary: redisBinary, port: redisPort });
  await redis.start();
  proxyOfC = new CuttableProxy({ host: "127.0.0.1", port: redisPort });
  await proxyOfC.start();
  database = await createTestDatabase();
  const setup = await startTestApp({ databaseUrl: database.url });
  alice = await makeAnalyst(setup, { name: "Alice Mercer" });
  bob = await makeAnalyst(setup, { name: "Bob Okafor" });
  carol = await makeAnalyst(setup, { name: "Carol Nyström" });
  board = await makeBoard(setup, [
    [alice, "owner"],
    [bob, "editor"],
    [carol, "viewer"],
  ]);
  quietBoard = await makeBoard(setup, [
    [alice, "owner"],
    [carol, "viewer"],
  ]);
  await setup.stop();
  // LOG_LEVEL=info: the line saying Redis is back is an info.
  nodeEnv = { REDIS_URL: redis.url, LOG_LEVEL: "info" };
  nodeA = new ServerProcess({ databaseUrl: database.url, port: await freePort(), env: nodeEnv });
  nodeB = new ServerProcess({ databaseUrl: database.url, port: await freePort(), env: nodeEnv });
  await Promise.all([nodeA.start(), nodeB.start()]);
}, 90_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await Promise.allSettled([nodeA?.stop(), nodeB?.stop(), nodeC?.stop()]);
  await proxyOfC?.stop();
  await redis?.kill();
  await database?.drop();
});

async function expectDegraded(node: ServerProcess): Promise<void> {
  await expect.poll(async () => (await health(node)).body.checks.redis?.ok, { timeout: WAIT_MS }).toBe(false);
  const { httpStatus, body } = await health(node);
  // Still 200: the balancer keeps the node in rotation, it serves its own clients.
  expect(httpStatus).toBe(200);
  expect(body.status).toBe("degraded");
  expect(body.checks.database?.ok).toBe(true);
  expect(body.checks.redis?.reason).toMatch(/Redis is unreachable/);
}

describe.skipIf(!redisBinary)("nodes sharing rooms through Redis, when Redis goes away and comes back", () => {
  let writerOnA: TestSocket;
  let writerOnB: TestSocket;
  let writerOnC: TestSocket;
  let watcherOnA: BoardWatcher;
  let watcherOnB: BoardWatcher;
  let watcherOnC: BoardWatcher;
  /** Every board:op that reached the watchers on nodes B and C live, in order of arrival. */
  const liveOnB: WireOp[] = [];
  const liveOnC: WireOp[] = [];
  /** The members of the last presence:state of the quiet board on node A. */
  let quietPresenceOnA: string[] = [];
  /** The last write each node's own watcher saw during the outage. */
  const lastOwnWrite = { b: 0, c: 0 };

  it("deliver an op written on node A to a watcher on node B while Redis is up", async () => {
    writerOnA = await connect(nodeA, alice);
    writerOnA.on("presence:state", (state) => {
      if (state.boardId === quietBoard.id) quietPresenceOnA = state.members.map((member) => member.userId).sort();
    });
    expect((await writerOnA.timeout(WAIT_MS).emitWithAck("board:join", { boardId: quietBoard.id })).ok).toBe(true);
    writerOnB = await connect(nodeB, bob);
    for (const writer of [writerOnA, writerOnB]) {
      expect((await writer.timeout(WAIT_MS).emitWithAck("board:join", { boardId: board.id })).ok).toBe(true);
    }
    const watcherSocketOnA = await connect(nodeA, bob);
    const watcherSocketOnB = await connect(nodeB, alice);
    watcherSocketOnB.on("board:op", (op) => liveOnB.push(op));
    watcherOnA = new BoardWatcher(watcherSocketOnA, board.id);
    watcherOnB = new BoardWatcher(watcherSocketOnB, board.id);
    expect(await watcherOnA.waitForSeq(0, WAIT_MS)).toBe(true);
    expect(await watcherOnB.waitForSeq(0, WAIT_MS)).toBe(true);

    const { id, seq } = await write(writerOnA, "Before the outage, on node A.");
    expect(await watcherOnB.waitForSeq(seq, WAIT_MS)).toBe(true);
    expect(liveOnB.map((op) => op.type === "annotation.created" && op.data.id)).toContain(id);
    expect((await health(nodeA)).body.status).toBe("ok");
  });

  it("keep serving each node's own clients while Redis is down — writes, live ops, joins, presence — and report degraded health", async () => {
    await redis.kill();
    for (const node of [nodeA, nodeB]) await expectDegraded(node);

    // Node B's write comes before the other nodes' so that nothing after it can reveal a gap to B's watcher.
    const onB = await write(writerOnB, "During the outage, on node B.");
    expect(await watcherOnB.waitForSeq(onB.seq, WAIT_MS)).toBe(true);
    lastOwnWrite.b = onB.seq;

    // A new client on node A can join, and sees the presence of node A's sockets.
    const newcomer = await connect(nodeA, alice);
    const joined = await newcomer.timeout(WAIT_MS).emitWithAck("board:join", { boardId: board.id });
    expect(joined.ok).toBe(true);
    const presenceSeen = presenceWhere(newcomer, (userIds) => userIds.includes(alice.id));
    await newcomer.timeout(WAIT_MS).emitWithAck("presence:update", { boardId: board.id, focus: null, typingIn: null });
    expect(await presenceSeen).toEqual([alice.id, bob.id].sort());
  }, 60_000);

  it("start a node while Redis is down: it serves its own clients instead of refusing to start", async () => {
    nodeC = new ServerProcess({
      databaseUrl: database.url,
      port: await freePort(),
      env: { ...nodeEnv, REDIS_URL: `redis://127.0.0.1:${proxyOfC.port}` },
    });
    await nodeC.start();
    await expectDegraded(nodeC);
    writerOnC = await connect(nodeC, bob);
    const watcherSocketOnC = await connect(nodeC, alice);
    watcherSocketOnC.on("board:op", (op) => liveOnC.push(op));
    watcherOnC = new BoardWatcher(watcherSocketOnC, board.id);
    const onC = await write(writerOnC, "During the outage, on node C.");
    expect(await watcherOnC.waitForSeq(onC.seq, WAIT_MS)).toBe(true);
    lastOwnWrite.c = onC.seq;
    const carolOnC = await connect(nodeC, carol);
    expect((await carolOnC.timeout(WAIT_MS).emitWithAck("board:join", { boardId: quietBoard.id })).ok).toBe(true);
  }, 60_000);

  it("survive their own publishes during the outage, and say once in the log that Redis is unreachable", async () => {
    const onA: { id: string; seq: number }[] = [];
    for (let index = 0; index < 3; index++) onA.push(await write(writerOnA, `During the outage, on node A, ${index}`));
    expect(await watcherOnA.waitForSeq(onA.at(-1)?.seq ?? Number.NaN, WAIT_MS)).toBe(true);

    // Outlive node-redis's command timeout: the publishes made above must not take a node down when they
    // would have timed out. The nodes still answer writes afterwards.
    await sleep(REDIS_COMMAND_TIMEOUT_MS + 1_000);
    const late = await write(writerOnA, "Late in the outage, on node A.");
    expect(await watcherOnA.waitForSeq(late.seq, WAIT_MS)).toBe(true);
    for (const node of [nodeA, nodeB, nodeC]) expect((await health(node)).body.status).toBe("degraded");
    // Nothing crossed between nodes: the watchers on B and C are still at their own node's write, and
    // node A does not show Carol, who is on node C, on the quiet board.
    expect(watcherOnB.board?.seq).toBe(lastOwnWrite.b);
    expect(watcherOnC.board?.seq).toBe(lastOwnWrite.c);
    expect(quietPresenceOnA).toEqual([alice.id]);

    for (const node of [nodeA, nodeB, nodeC]) {
      await expect.poll(() => logLines(node, "Redis is unreachable"), { timeout: WAIT_MS }).toHaveLength(1);
      expect(logLines(node, "redis adapter connection")).toEqual([]);
    }
  }, 60_000);

  it("catch every watcher up with what other nodes wrote during the outage once Redis is back, with no further write", async () => {
    const writtenBefore = (await readBoardState(database.url, board.id)).lastSeq;
    const liveBefore = { b: liveOnB.length, c: liveOnC.length };
    await redis.start();
    for (const node of [nodeA, nodeB, nodeC]) {
      await expect.poll(async () => (await health(node)).body.status, { timeout: WAIT_MS }).toBe("ok");
    }
    const state = await readBoardState(database.url, board.id);
    expect(state.lastSeq).toBe(writtenBefore);
    expect(state.seqs).toEqual(Array.from({ length: state.lastSeq }, (_, index) => index + 1));
    // No op has been written since the outage: only being told the board's head can bring them here.
    for (const watcher of [watcherOnA, watcherOnB, watcherOnC]) {
      expect(await watcher.waitForSeq(state.lastSeq, WAIT_MS)).toBe(true);
      expect(watcher.digest()).toBe(state.digest);
      expect(watcher.duplicateCreates.size).toBe(0);
    }
    // They caught up by joining again, not from late deliveries of the ops dropped during the outage.
    expect({ b: liveOnB.length, c: liveOnC.length }).toEqual(liveBefore);

    for (const node of [nodeA, nodeB, nodeC]) {
      await expect.poll(() => logLines(node, "Redis is back"), { timeout: WAIT_MS }).toHaveLength(1);
      expect(logLines(node, "Redis is unreachable")).toHaveLength(1);
    }
  }, 60_000);

  it("deliver ops across nodes live again after Redis is back, and show presence across nodes again", async () => {
    // Carol joined the quiet board on node C during the outage; nobody joined or left it since.
    await expect.poll(() => quietPresenceOnA, { timeout: WAIT_MS }).toEqual([alice.id, carol.id].sort());

    const { id, seq } = await write(writerOnA, "After the outage, on node A.");
    for (const live of [liveOnB, liveOnC]) {
      await expect
        .poll(() => live.some((op) => op.type === "annotation.created" && op.data.id === id), { timeout: WAIT_MS })
        .toBe(true);
    }
    for (const watcher of [watcherOnB, watcherOnC]) expect(await watcher.waitForSeq(seq, WAIT_MS)).toBe(true);
  }, 30_000);

  it("catch the other nodes' watchers up with what a node wrote while only it had lost Redis, once it is back", async () => {
    proxyOfC.cut();
    await expectDegraded(nodeC);
    for (const node of [nodeA, nodeB]) expect((await health(node)).body.status).toBe("ok");

    // Only node C writes: nothing on A or B can reveal to their watchers that they missed it.
    const onC = await write(writerOnC, "While only node C is cut off from Redis.");
    expect(await watcherOnC.waitForSeq(onC.seq, WAIT_MS)).toBe(true);
    const liveBefore = liveOnB.length;
    proxyOfC.restore();
    await expect.poll(async () => (await health(nodeC)).body.status, { timeout: WAIT_MS }).toBe("ok");
    // Node B never lost Redis: only node C saying it is back can bring B's watcher to C's write.
    for (const watcher of [watcherOnA, watcherOnB]) expect(await watcher.waitForSeq(onC.seq, WAIT_MS)).toBe(true);
    expect(liveOnB.length).toBe(liveBefore);
    const state = await readBoardState(database.url, board.id);
    expect(state.lastSeq).toBe(onC.seq);
    for (const watcher of [watcherOnA, watcherOnB, watcherOnC]) expect(watcher.digest()).toBe(state.digest);
    await expect.poll(() => logLines(nodeC, "Redis is back"), { timeout: WAIT_MS }).toHaveLength(2);
  }, 60_000);

  it("stop cleanly on SIGTERM while Redis is down: exit code 0 after 'Watchfloor stopped'", async () => {
    // The adapter's unsubscribes at shutdown wait in the subscriber's queue while Redis is away, and are
    // rejected when the connection is dropped; nobody awaits them (the node died with exit code 1).
    await redis.kill();
    for (const node of [nodeB, nodeC]) await expectDegraded(node);
    // Node B started with Redis, node C without it (its first subscriptions were queued).
    for (const node of [nodeB, nodeC]) {
      const exit = await node.stop();
      expect({ exit, stopped: logLines(node, "Watchfloor stopped").length }, node.recentOutput().join("\n")).toEqual({
        exit: { code: 0, signal: null },
        stopped: 1,
      });
    }
  }, 60_000);
});
