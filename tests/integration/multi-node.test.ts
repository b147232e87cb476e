// Two server processes on one database behind HAProxy (Debian's package, the configuration
// scripts/haproxy-config.ts renders for operators) behave like one: an op committed on one node reaches a
// watcher on the other, presence spans both, and when a node dies its analysts reconnect through the
// balancer to the other node with the same session and catch up from the op log.
// Clients use Socket.IO's default transports (long-polling, then the upgrade to WebSocket), so every
// request of a connection must reach the same node: that is HAProxy's cookie at work.
// The nodes share rooms through Redis when REDIS_URL is set (as .ci/run does), else through PostgreSQL.
// Without haproxy the file is skipped with a warning, or fails when REQUIRE_HAPROXY=1 (CI).
import { randomUUID } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { io } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PresenceMember } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import { handshakeAuth } from "@/lib/protocol";
import { BALANCER_COOKIE } from "@/scripts/haproxy-config";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  makeAnalyst,
  makeBoard,
  signInAt,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { HaproxyProcess } from "../support/haproxy";
import { ServerProcess } from "../support/kill-harness";
import { requiredProgram } from "../support/required-program";
import { startTestApp } from "../support/test-app";

const haproxyBinary = requiredProgram({
  program: "haproxy",
  aptPackage: "haproxy",
  test: "multi-node test",
  requiredBy: "REQUIRE_HAPROXY",
});

const ADAPTER_ENV: Record<string, string> = process.env.REDIS_URL
  ? { REDIS_URL: process.env.REDIS_URL }
  : { SOCKET_ADAPTER: "postgres" };

let database: TestDatabase;
let alice: TestAnalyst;
let bob: TestAnalyst;
let board: TestBoard;
let haproxy: HaproxyProcess;
let node1: ServerProcess;
let node2: ServerProcess;
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

/** A browser's cookies after it was served by `node`: the session plus HAProxy's cookie for that node. */
function servedBy(cookies: string, node: string): string {
  const others = cookies.split("; ").filter((cookie) => !cookie.startsWith(`${BALANCER_COOKIE}=`));
  return [...others, `${BALANCER_COOKIE}=${node}`].join("; ");
}

const withoutBalancerCookie = (cookies: string) =>
  cookies
    .split("; ")
    .filter((cookie) => !cookie.startsWith(`${BALANCER_COOKIE}=`))
    .join("; ");

/** The node HAProxy named in a Set-Cookie during this connection (kept in engine.io-client's cookie jar). */
function balancerCookieOf(socket: TestSocket): string | undefined {
  for (const [name, cookie] of socket.io.engine._cookieJar?.cookies ?? []) {
    if (name === BALANCER_COOKIE) return cookie.value;
  }
  return undefined;
}

/**
 * A socket through HAProxy as a browser opens it: long-polling first, then the upgrade, reconnecting on
 * its own. `withCredentials` turns on engine.io-client's cookie jar in Node (engine.io-client 6.6:
 * globals.node.js), so HAProxy's Set-Cookie is sent back on the next polls and on the upgrade request;
 * the jar lives as long as one connection, so `extraHeaders` carries what a browser would keep.
 */
function connectThroughBalancer(cookie: string): { socket: TestSocket; transports: string[] } {
  const transports: string[] = [];
  const socket: TestSocket = io(haproxy.url, {
    withCredentials: true,
    extraHeaders: { cookie },
    auth: handshakeAuth(),
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1_000,
  });
  socket.io.on("open", () => {
    const engine = socket.io.engine;
    transports.push(engine.transport.name);
    engine.on("upgrade", (transport) => transports.push(transport.name));
  });
  sockets.push(socket);
  return { socket, transports };
}

function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

async function joinedSeq(socket: TestSocket): Promise<number> {
  const joined = await socket.emitWithAck("board:join", { boardId: board.id });
  if (!joined.ok) throw new Error(`board:join refused: ${joined.error.code}`);
  return joined.seq;
}

async function sessionCount(userId: string): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "Session" WHERE "userId" = $1`,
      [userId],
    );
    return result.rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}

describe.skipIf(!haproxyBinary)("two nodes on one database behind HAProxy", () => {
  beforeAll(async () => {
    console.log(`multi-node test: nodes share rooms through ${process.env.REDIS_URL ? "Redis" : "PostgreSQL"}`);
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

    const [balancerPort, port1, port2] = [await freePort(), await freePort(), await freePort()];
    haproxy = new HaproxyProcess({
      binary: haproxyBinary as string,
      port: balancerPort,
      nodes: [
        { name: "node1", address: `127.0.0.1:${port1}` },
        { name: "node2", address: `127.0.0.1:${port2}` },
      ],
    });
    // The public address is the balancer's: the origin browsers send and better-auth checks.
    const env = { ...ADAPTER_ENV, PUBLIC_URL: haproxy.url };
    node1 = new ServerProcess({ databaseUrl: database.url, port: port1, env });
    node2 = new ServerProcess({ databaseUrl: database.url, port: port2, env });
    await Promise.all([node1.start(), node2.start()]);
    await haproxy.start();
    // Both in rotation before the first client: HAProxy's health checks on /api/health passed.
    await Promise.all([haproxy.waitForStatus("node1", "UP"), haproxy.waitForStatus("node2", "UP")]);
  }, 90_000);

  afterEach((context) => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    // HAProxy logs one line per request with its cookie flags (e.g. "--NI": none, inserted): the story of a failure.
    if (context.task.result?.state === "fail" || process.env.SHOW_HAPROXY_LOG) console.log(haproxy.log());
  });

  afterAll(async () => {
    await Promise.allSettled([haproxy?.stop(), node1?.stop(), node2?.stop()]);
    await database?.drop();
  });

  it("keeps each connection on one node through polling and the upgrade, and delivers and shows presence across nodes", async () => {
    const aliceCookies = await signInAt(haproxy.url, alice);
    const bobCookies = await signInAt(haproxy.url, bob);
    const writer = connectThroughBalancer(servedBy(aliceCookies, "node1"));
    const watcher = connectThroughBalancer(servedBy(bobCookies, "node2"));
    // A browser that has no balancer cookie yet is given one with its first answer and keeps to it.
    const newcomer = connectThroughBalancer(withoutBalancerCookie(bobCookies));
    await Promise.all([writer, watcher, newcomer].map(({ socket }) => connected(socket)));
    for (const client of [writer, watcher, newcomer]) {
      await expect.poll(() => client.transports, { timeout: 10_000 }).toEqual(["polling", "websocket"]);
    }
    expect(["node1", "node2"]).toContain(balancerCookieOf(newcomer.socket));

    const received: WireOp[] = [];
    let seenByWriter: PresenceMember[] = [];
    let seenByWatcher: PresenceMember[] = [];
    watcher.socket.on("board:op", (op) => received.push(op));
    writer.socket.on("presence:state", (state) => (seenByWriter = state.members));
    watcher.socket.on("presence:state", (state) => (seenByWatcher = state.members));
    await joinedSeq(writer.socket);
    await joinedSeq(watcher.socket);

    const id = randomUUID();
    const ack = await writer.socket.emitWithAck("annotation:create", {
      id,
      boardId: board.id,
      target: { type: "board" },
      body: "Written on node 1.",
    });
    expect(ack.ok).toBe(true);
    await expect
      .poll(() => received.some((op) => op.type === "annotation.created" && op.data.id === id), { timeout: 5000 })
      .toBe(true);

    const both = [alice.id, bob.id].sort();
    await expect.poll(() => seenByWriter.map((member) => member.userId).sort(), { timeout: 5000 }).toEqual(both);
    await expect.poll(() => seenByWatcher.map((member) => member.userId).sort(), { timeout: 5000 }).toEqual(both);
  });

  it("moves a dead node's analysts to the other node through HAProxy: same session, and they catch up", async () => {
    const aliceCookies = servedBy(await signInAt(haproxy.url, alice), "node1");
    const bobCookies = servedBy(await signInAt(haproxy.url, bob), "node2");
    // Alice in two tabs on node 1, Bob writing on node 2.
    const aliceClients = [connectThroughBalancer(aliceCookies), connectThroughBalancer(aliceCookies)];
    const aliceTabs = aliceClients.map((client) => client.socket);
    const bobTab = connectThroughBalancer(bobCookies).socket;
    await Promise.all([...aliceTabs, bobTab].map(connected));
    const seqs = await Promise.all(aliceTabs.map(joinedSeq));
    const seqBefore = seqs[0] as number;
    expect(seqs).toEqual([seqBefore, seqBefore]);
    const aliceSessions = await sessionCount(alice.id);

    let bobDisconnected = false;
    bobTab.on("disconnect", () => (bobDisconnected = true));
    const aliceCutOff = aliceTabs.map((tab) => new Promise((resolve) => tab.once("disconnect", resolve)));
    expect(await node1.kill()).toBe("SIGKILL");
    await Promise.all(aliceCutOff);

    // While Alice's tabs find their way back, Bob keeps writing through node 2.
    const written: string[] = [];
    for (let index = 0; index < 5; index++) {
      const id = randomUUID();
      const ack = await bobTab.emitWithAck("annotation:create", {
        id,
        boardId: board.id,
        target: { type: "board" },
        body: `While node 1 was down, ${index}`,
      });
      expect(ack.ok).toBe(true);
      written.push(id);
    }

    // HAProxy's health checks take node 1 out of rotation…
    await haproxy.waitForStatus("node1", "DOWN");
    // …and Alice's tabs reconnected by themselves, with the session cookie they had (no new sign-in),
    // to node 2: HAProxy ignored their cookie for the dead node and gave them one for node 2.
    await expect.poll(() => aliceTabs.every((tab) => tab.connected), { timeout: 20_000 }).toBe(true);
    for (const tab of aliceTabs) expect(balancerCookieOf(tab)).toBe("node2");
    for (const { transports } of aliceClients) {
      await expect
        .poll(() => transports, { timeout: 10_000 })
        .toEqual(["polling", "websocket", "polling", "websocket"]);
    }
    expect(await sessionCount(alice.id)).toBe(aliceSessions);

    for (const tab of aliceTabs) {
      const caughtUp = await tab.emitWithAck("board:join", { boardId: board.id, sinceSeq: seqBefore });
      if (!caughtUp.ok || !("ops" in caughtUp)) throw new Error("expected the missed ops, not a refusal or snapshot");
      expect(caughtUp.ops.map((op) => op.seq)).toEqual(written.map((_, index) => seqBefore + index + 1));
      expect(caughtUp.ops.map((op) => op.type === "annotation.created" && op.data.id)).toEqual(written);
    }
    expect(bobDisconnected).toBe(false);

    // When node 1 is back, its checks put it back in rotation, and with least connections the next
    // newcomer lands there (node 2 holds the three tabs) and still hears node 2's writes.
    await node1.start();
    await haproxy.waitForStatus("node1", "UP");
    const newcomer = connectThroughBalancer(withoutBalancerCookie(aliceCookies));
    await connected(newcomer.socket);
    expect(balancerCookieOf(newcomer.socket)).toBe("node1");
    const received: WireOp[] = [];
    newcomer.socket.on("board:op", (op) => received.push(op));
    await joinedSeq(newcomer.socket);
    const id = randomUUID();
    const ack = await bobTab.emitWithAck("annotation:create", {
      id,
      boardId: board.id,
      target: { type: "board" },
      body: "Node 1 is back.",
    });
    expect(ack.ok).toBe(true);
    await expect.poll(() => received.some((op) => op.type === "annotation.created" && op.data.id === id)).toBe(true);
  }, 90_000);
});
