// The kill test (docs/RELIABILITY.md): Watchfloor as its own OS process, SIGKILLed in the middle of a
// write storm several times and restarted on the same database; then every acknowledged write must be
// in the database exactly once, the op log gapless, and every watcher's board equal to the database's.
// Also home to the pieces the partition test shares: a watcher that follows a board the way the browser
// does (lib/board-state.ts), and a digest of a board from a watcher or from the database.
import type { ChildProcess } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { io } from "socket.io-client";
import { annotationsOf, applyOps, type LiveBoard, liveBoardOf } from "@/lib/board-state";
import type { AnnotationCreateResult } from "@/lib/events";
import type { WireOp } from "@/lib/ops";
import { handshakeAuth } from "@/lib/protocol";
import type { TAnnotationCreateInput } from "@/lib/schemas/annotation";
import { makeCastOnDatabase, signInAt, type TestAnalyst, type TestBoard, type TestSocket } from "./factories";
import { OutputTail, spawnTestChild } from "./test-child";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER_ENTRY = path.join(PROJECT_ROOT, "tests/support/api-server-entry.ts");
/** Fixed so that sessions signed before a kill are still valid after the restart. */
const AUTH_SECRET = "kill-test-secret-kill-test-secret-0123456789";
const ACK_TIMEOUT_MS = 5_000;
const HEALTH_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

export type KillTestOptions = {
  /** A migrated (or empty) database of its own; the run creates its analysts and board in it. */
  databaseUrl: string;
  writers: number;
  watchers: number;
  kills: number;
  /** How long the storm runs before each kill, and once more after the last restart. */
  stormMsPerRound: number;
  /** Creates each writer keeps in flight at once. */
  inFlightPerWriter?: number;
  /** How long the server stays dead before it is restarted. */
  downtimeMs?: number;
  /** After the storm, how long writers may keep resending before a write counts as lost. */
  settleTimeoutMs?: number;
  log?: (message: string) => void;
};

export type KillTestResult = {
  writers: number;
  watchers: number;
  kills: number;
  /** Distinct writes the writers generated, and how many of them were acknowledged in the end. */
  sent: number;
  acked: number;
  /** Deliveries of a write after its first, and how many distinct writes needed one. */
  resends: number;
  resentWrites: number;
  /** Writes sent but not acknowledged when the server died; of those, the ones already committed. */
  inDoubtAtKills: number;
  inDoubtCommitted: number;
  /** Sent writes missing from the database (or never acknowledged) after the resends: must be 0. */
  lost: number;
  /** Annotation rows, annotation.created ops and broadcasts that exist twice for one id: must be 0. */
  duplicates: number;
  lastSeq: number;
  /** Watchers whose board digest equals the database's, out of `watchers`. */
  watchersEqual: number;
  digestsEqual: boolean;
  /** How long each start took from spawn to a healthy /api/health. */
  startMs: number[];
  durationMs: number;
  /** Every broken invariant, in words; empty when the run passed. */
  problems: string[];
};

export async function runKillTest(options: KillTestOptions): Promise<KillTestResult> {
  const began = performance.now();
  const cast = await prepareCast(options);
  const server = new ServerProcess({ databaseUrl: options.databaseUrl, port: await findFreePort() });
  const sockets: TestSocket[] = [];
  const connect = async (analyst: TestAnalyst) => {
    const socket = connectResilientSocket(server.url, await signInAt(server.url, analyst));
    sockets.push(socket);
    return socket;
  };
  try {
    await server.start();
    const writers = await Promise.all(
      cast.writers.map(
        async (analyst, index) => new StormWriter(await connect(analyst), cast.board, `writer ${index}`),
      ),
    );
    const watchers = await Promise.all(
      cast.watchers.map(async (analyst) => new BoardWatcher(await connect(analyst), cast.board.id)),
    );
    await Promise.all(watchers.map((watcher) => watcher.waitForSeq(0, HEALTH_TIMEOUT_MS)));

    for (const writer of writers) writer.start(options.inFlightPerWriter ?? 3);
    const { kills, inDoubt } = await killDuringStorm(server, writers, options);
    // One more stretch on the last restarted server, so it too takes a storm, not just the resends.
    await sleep(options.stormMsPerRound);
    await Promise.all(writers.map((writer) => writer.finish(options.settleTimeoutMs ?? 20_000)));

    const state = await readBoardState(options.databaseUrl, cast.board.id);
    await Promise.all(watchers.map((watcher) => watcher.waitForSeq(state.lastSeq, 10_000)));
    return summarize({ options, writers, watchers, state, inDoubt, kills, startMs: server.startMs, began });
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop();
  }
}

/** The rounds: let the storm run, SIGKILL the server, note which writes are in doubt, restart it. */
async function killDuringStorm(server: ServerProcess, writers: StormWriter[], options: KillTestOptions) {
  const inDoubt = { atKills: 0, committed: 0 };
  let kills = 0;
  for (const round of range(options.kills)) {
    await sleep(options.stormMsPerRound);
    if ((await server.kill()) === "SIGKILL") kills++;
    await sleep(options.downtimeMs ?? 300);
    const doubtful = writers.flatMap((writer) => writer.inDoubt());
    inDoubt.atKills += doubtful.length;
    inDoubt.committed += await countPresent(options.databaseUrl, doubtful);
    await server.start();
    options.log?.(`round ${round + 1}/${options.kills}: killed with ${doubtful.length} writes in doubt, restarted`);
  }
  return { kills, inDoubt };
}

// ── The server process ────────────────────────────────────────────────────────────────────────────

/** The API server as a child process, always on the same port and database across restarts. */
/** One server as its own OS process (the kill test; the multi-node test runs two). */
export class ServerProcess {
  readonly url: string;
  readonly startMs: number[] = [];
  private child: ChildProcess | undefined;
  /** The last lines the server wrote, for the error when it fails to come up. */
  private readonly output = new OutputTail(40);

  constructor(
    private readonly options: {
      databaseUrl: string;
      port: number;
      env?: Record<string, string>;
      /** Extra node flags, e.g. the bench's --cpu-prof (not allowed in NODE_OPTIONS). */
      nodeArgs?: string[];
    },
  ) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  /** Spawns the server and resolves once /api/health answers 200; records how long that took. */
  async start(): Promise<void> {
    const began = performance.now();
    const child = spawnTestChild(
      process.execPath,
      [...(this.options.nodeArgs ?? []), "--import", "tsx", SERVER_ENTRY],
      {
        cwd: PROJECT_ROOT,
        // Only what the server needs: nothing of the test runner's environment leaks into it.
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TMPDIR: process.env.TMPDIR,
          NODE_ENV: "test",
          HOST: "127.0.0.1",
          PORT: String(this.options.port),
          PUBLIC_URL: this.url,
          DATABASE_URL: this.options.databaseUrl,
          AUTH_SECRET,
          WRITE_RATE_PER_SEC: "0",
          SIGN_IN_ATTEMPTS_PER_MINUTE: "0",
          LOG_LEVEL: "warn",
          ...this.options.env,
        },
      },
      this.output,
    );
    this.child = child;
    await this.waitForHealth(child);
    this.startMs.push(Math.round(performance.now() - began));
  }

  /** The last lines the server wrote (its JSON log, across restarts), for tests of what it says. */
  recentOutput(): string[] {
    return this.output.recent();
  }

  /** SIGKILL: no shutdown hook runs, in-flight transactions are cut off. Resolves with the exit signal. */
  async kill(): Promise<NodeJS.Signals | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return null;
    const exited = exitOf(child);
    child.kill("SIGKILL");
    return (await exited).signal;
  }

  /**
   * The orderly stop at the end of a run (SIGKILL when it does not stop in time). Resolves with how it
   * exited (a clean stop is code 0), or null when it was not running.
   */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null } | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return null;
    const exited = exitOf(child);
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  }

  private async waitForHealth(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited while starting:\n${this.output.text()}`);
      }
      const healthy = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(1_000) }).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy) return;
      await sleep(50);
    }
    child.kill("SIGKILL");
    throw new Error(`the server was not healthy within ${HEALTH_TIMEOUT_MS} ms:\n${this.output.text()}`);
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** A port free right now; the server keeps it across restarts so clients reconnect to the same URL. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

// ── Analysts, board and clients ───────────────────────────────────────────────────────────────────

type Cast = { board: TestBoard; writers: TestAnalyst[]; watchers: TestAnalyst[] };

/** Writers are editors, watchers viewers, all on one board; made in-process before the child starts. */
async function prepareCast(options: KillTestOptions): Promise<Cast> {
  const { board, editors, viewers } = await makeCastOnDatabase(options.databaseUrl, {
    editors: options.writers,
    viewers: options.watchers,
  });
  return { board, writers: editors, watchers: viewers };
}

/** A client like the browser's: it reconnects on its own, quickly, after the server comes back. */
function connectResilientSocket(url: string, cookie: string): TestSocket {
  return io(url, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    auth: handshakeAuth(),
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
}

/** Resolves true once the socket is connected, false when it is not within `timeoutMs`. */
function connected(socket: TestSocket, timeoutMs: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onConnect = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      socket.off("connect", onConnect);
      resolve(false);
    }, timeoutMs);
    socket.once("connect", onConnect);
  });
}

// ── Writers ───────────────────────────────────────────────────────────────────────────────────────

/**
 * One analyst creating annotations as fast as the server answers, a few at a time. A write whose ack
 * does not come (timeout, disconnect) is in doubt: it is resent with the same id and payload until
 * acknowledged, which the idempotency key makes safe.
 */
class StormWriter {
  /** Every write generated, by id. */
  readonly sent = new Map<string, TAnnotationCreateInput>();
  /** Writes that went out to the server at least once (a write made while disconnected waits first). */
  private readonly emitted = new Set<string>();
  /** Acknowledged writes: id → the seq of its annotation.created op. */
  readonly acked = new Map<string, number>();
  readonly resentIds = new Set<string>();
  resends = 0;
  /** Refusals of valid writes, by error code; the storm should get none. */
  readonly rejected = new Map<string, number>();
  readonly problems: string[] = [];
  private storming = false;
  private giveUpAt = Number.POSITIVE_INFINITY;
  private lanes: Promise<void>[] = [];

  constructor(
    private readonly socket: TestSocket,
    private readonly board: TestBoard,
    private readonly name: string,
  ) {}

  start(inFlight: number): void {
    this.storming = true;
    this.lanes = range(inFlight).map(() => this.lane());
  }

  /** Stops generating writes; what is in flight is resent until acknowledged or `timeoutMs` passes. */
  async finish(timeoutMs: number): Promise<void> {
    this.storming = false;
    this.giveUpAt = Date.now() + timeoutMs;
    await Promise.all(this.lanes);
  }

  /** Writes the server was sent but has not acknowledged: they may or may not have committed. */
  inDoubt(): string[] {
    return [...this.emitted].filter((id) => !this.acked.has(id));
  }

  private async lane(): Promise<void> {
    while (this.storming) await this.deliver(this.nextWrite());
  }

  private nextWrite(): TAnnotationCreateInput {
    const number = this.sent.size + 1;
    const input: TAnnotationCreateInput = {
      id: randomUUID(),
      boardId: this.board.id,
      target: number % 2 ? { type: "board" } : { type: "event", eventId: this.board.eventId },
      body: `${this.name}, write ${number}`,
    };
    this.sent.set(input.id, input);
    return input;
  }

  private async deliver(input: TAnnotationCreateInput): Promise<void> {
    let deliveries = 0;
    while (Date.now() < this.giveUpAt) {
      if (!(await connected(this.socket, Math.min(1_000, this.giveUpAt - Date.now())))) continue;
      if (deliveries++ > 0) {
        this.resends++;
        this.resentIds.add(input.id);
      }
      this.emitted.add(input.id);
      const outcome = await this.send(input);
      if (outcome === "acked") return;
      if (outcome === "rejected") await sleep(100);
    }
  }

  private async send(input: TAnnotationCreateInput): Promise<"acked" | "rejected" | "in-doubt"> {
    let result: AnnotationCreateResult;
    try {
      result = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("annotation:create", input);
    } catch {
      // Disconnected, or no answer in time: the write may or may not have committed.
      return "in-doubt";
    }
    if (!result.ok) {
      this.rejected.set(result.error.code, (this.rejected.get(result.error.code) ?? 0) + 1);
      return "rejected";
    }
    const earlier = this.acked.get(input.id);
    if (result.annotation.id !== input.id)
      this.problems.push(`${input.id} was acknowledged as ${result.annotation.id}`);
    if (earlier !== undefined && earlier !== result.seq) {
      this.problems.push(`${input.id} was acknowledged with seq ${earlier} and then ${result.seq}`);
    }
    this.acked.set(input.id, result.seq);
    return "acked";
  }
}

// ── Watchers ──────────────────────────────────────────────────────────────────────────────────────

export type WatcherJoin = { kind: "snapshot" | "ops"; sinceSeq: number | undefined; seq: number; opCount: number };

/**
 * Follows a board the way the browser does: a snapshot first, then live ops through applyOps; on a
 * gap or a reconnect it joins again with `sinceSeq` and applies the ops, or replaces its board with
 * the snapshot the server sends instead.
 */
export class BoardWatcher {
  /** Every join this watcher made, in order. */
  readonly joins: WatcherJoin[] = [];
  /** Annotations whose annotation.created reached this watcher with two different seqs. */
  readonly duplicateCreates = new Set<string>();
  private live: LiveBoard | undefined;
  /** Ops that arrived during a join or beyond a gap, applied once the board has caught up to them. */
  private waiting: WireOp[] = [];
  private createdSeqs = new Map<string, number>();
  private syncing = false;
  private syncAgain = false;

  constructor(
    private readonly socket: TestSocket,
    private readonly boardId: string,
  ) {
    socket.on("connect", () => void this.sync());
    socket.on("board:op", (op) => this.receive(op));
    // Told where the board stands after the nodes could not reach each other: behind it, join again.
    socket.on("board:head", (head) => {
      if (head.boardId === this.boardId && this.live && this.live.seq < head.seq) void this.sync();
    });
    if (socket.connected) void this.sync();
  }

  get board(): LiveBoard | undefined {
    return this.live;
  }

  digest(): string {
    if (!this.live) throw new Error("the watcher has not joined the board yet");
    return boardDigest(
      this.live.seq,
      annotationsOf(this.live.state).map((annotation) => ({ ...annotation, authorId: annotation.author.id })),
    );
  }

  /** Resolves true once the watcher's board has reached `seq`, false when it has not within `timeoutMs`. */
  async waitForSeq(seq: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while ((this.live?.seq ?? -1) < seq) {
      if (Date.now() > deadline) return false;
      await sleep(20);
    }
    return true;
  }

  private receive(op: WireOp): void {
    if (op.boardId !== this.boardId) return;
    this.noteCreate(op);
    this.waiting.push(op);
    if (this.live && !this.syncing) this.applyWaiting();
  }

  private applyWaiting(): void {
    if (!this.live) return;
    const { board, gap } = applyOps(this.live, this.waiting);
    this.live = board;
    this.waiting = this.waiting.filter((op) => op.seq > board.seq);
    if (gap) void this.sync();
  }

  private async sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    try {
      do {
        this.syncAgain = false;
        await this.join();
      } while (this.syncAgain && this.socket.connected);
    } catch {
      // Disconnected or unanswered: the next connect joins again; if still connected, retry shortly.
      setTimeout(() => this.socket.connected && void this.sync(), 200);
    } finally {
      this.syncing = false;
    }
  }

  private async join(): Promise<void> {
    const sinceSeq = this.live?.seq;
    const result = await this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(
        "board:join",
        sinceSeq === undefined ? { boardId: this.boardId } : { boardId: this.boardId, sinceSeq },
      );
    if (!result.ok) throw new Error(`board:join refused: ${result.error.code}`);
    if ("snapshot" in result) {
      this.live = liveBoardOf(result.seq, result.snapshot);
      this.joins.push({ kind: "snapshot", sinceSeq, seq: result.seq, opCount: 0 });
    } else {
      for (const op of result.ops) this.noteCreate(op);
      this.waiting.push(...result.ops);
      this.joins.push({ kind: "ops", sinceSeq, seq: result.seq, opCount: result.ops.length });
    }
    this.applyWaiting();
  }

  private noteCreate(op: WireOp): void {
    if (op.type !== "annotation.created") return;
    const earlier = this.createdSeqs.get(op.data.id);
    if (earlier !== undefined && earlier !== op.seq) this.duplicateCreates.add(op.data.id);
    this.createdSeqs.set(op.data.id, op.seq);
  }
}

// ── The database's side ───────────────────────────────────────────────────────────────────────────

type DigestEntry = { id: string; authorId: string; body: string; version: number };

/** A board's visible annotations and its seq, hashed: two boards with the same digest show the same. */
export function boardDigest(lastSeq: number, annotations: DigestEntry[]): string {
  const lines = annotations
    .map((annotation) => JSON.stringify([annotation.id, annotation.authorId, annotation.body, annotation.version]))
    .sort();
  return createHash("sha256")
    .update([`seq ${lastSeq}`, ...lines].join("\n"))
    .digest("hex");
}

export type DatabaseBoardState = {
  lastSeq: number;
  digest: string;
  /** The board's op seqs in order: 1..lastSeq when the log is whole. */
  seqs: number[];
  /** Annotation id → how many rows carry it. */
  annotationRows: Map<string, number>;
  /** Annotation id → the seqs of its annotation.created ops. */
  createdOps: Map<string, number[]>;
};

/** Read straight from PostgreSQL, not through the server, so the server cannot vouch for itself. */
export async function readBoardState(databaseUrl: string, boardId: string): Promise<DatabaseBoardState> {
  return withClient(databaseUrl, async (client) => {
    const board = await client.query<{ lastSeq: number }>(`SELECT "lastSeq" FROM "Board" WHERE id = $1`, [boardId]);
    const visible = await client.query<DigestEntry>(
      `SELECT id::text, "authorId", body, version FROM "Annotation" WHERE "boardId" = $1 AND "deletedAt" IS NULL`,
      [boardId],
    );
    const rows = await client.query<{ id: string; rows: number }>(
      `SELECT id::text, count(*)::int AS rows FROM "Annotation" WHERE "boardId" = $1 GROUP BY id`,
      [boardId],
    );
    const ops = await client.query<{ seq: number; type: string; entityId: string }>(
      `SELECT seq, type, "entityId" FROM "Op" WHERE "boardId" = $1 ORDER BY seq`,
      [boardId],
    );
    const lastSeq = board.rows[0]?.lastSeq ?? 0;
    const createdOps = new Map<string, number[]>();
    for (const op of ops.rows.filter((row) => row.type === "annotation.created")) {
      createdOps.set(op.entityId, [...(createdOps.get(op.entityId) ?? []), op.seq]);
    }
    return {
      lastSeq,
      digest: boardDigest(lastSeq, visible.rows),
      seqs: ops.rows.map((op) => op.seq),
      annotationRows: new Map(rows.rows.map((row) => [row.id, row.rows])),
      createdOps,
    };
  });
}

async function countPresent(databaseUrl: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return withClient(databaseUrl, async (client) => {
    const found = await client.query<{ present: number }>(
      `SELECT count(*)::int AS present FROM "Annotation" WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return found.rows[0]?.present ?? 0;
  });
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

// ── The verdict ───────────────────────────────────────────────────────────────────────────────────

function summarize(run: {
  options: KillTestOptions;
  writers: StormWriter[];
  watchers: BoardWatcher[];
  state: DatabaseBoardState;
  inDoubt: { atKills: number; committed: number };
  kills: number;
  startMs: number[];
  began: number;
}): KillTestResult {
  const { writers, watchers, state } = run;
  const problems = writers.flatMap((writer) => writer.problems);
  const lost = checkWrites(writers, state, problems);
  const duplicates = countDuplicates(watchers, state, problems);
  checkOpLog(state, problems);
  const watchersEqual = checkWatchers(watchers, state, problems);
  if (run.kills !== run.options.kills) problems.push(`${run.kills} of ${run.options.kills} kills were SIGKILLs`);
  for (const [code, count] of mergeCounts(writers.map((writer) => writer.rejected))) {
    problems.push(`the server refused ${count} valid writes with ${code}`);
  }
  return {
    writers: writers.length,
    watchers: watchers.length,
    kills: run.kills,
    sent: sum(writers.map((writer) => writer.sent.size)),
    acked: sum(writers.map((writer) => writer.acked.size)),
    resends: sum(writers.map((writer) => writer.resends)),
    resentWrites: sum(writers.map((writer) => writer.resentIds.size)),
    inDoubtAtKills: run.inDoubt.atKills,
    inDoubtCommitted: run.inDoubt.committed,
    lost,
    duplicates,
    lastSeq: state.lastSeq,
    watchersEqual,
    digestsEqual: watchersEqual === watchers.length,
    startMs: run.startMs,
    durationMs: Math.round(performance.now() - run.began),
    problems,
  };
}

/** Every sent write acknowledged, once in the database, with the seq of its one annotation.created op. */
function checkWrites(writers: StormWriter[], state: DatabaseBoardState, problems: string[]): number {
  let lost = 0;
  const sentIds = new Set<string>();
  for (const writer of writers) {
    for (const id of writer.sent.keys()) {
      sentIds.add(id);
      const rows = state.annotationRows.get(id) ?? 0;
      const ackedSeq = writer.acked.get(id);
      if (ackedSeq === undefined || rows === 0) {
        lost++;
        problems.push(
          ackedSeq === undefined
            ? `write ${id} was never acknowledged (${rows} rows)`
            : `acknowledged write ${id} is not in the database`,
        );
      } else if (ackedSeq !== state.createdOps.get(id)?.[0]) {
        problems.push(`write ${id} was acknowledged with seq ${ackedSeq}, its op has ${state.createdOps.get(id)}`);
      }
    }
  }
  for (const id of state.annotationRows.keys()) {
    if (!sentIds.has(id)) problems.push(`annotation ${id} is in the database but no writer sent it`);
  }
  return lost;
}

function countDuplicates(watchers: BoardWatcher[], state: DatabaseBoardState, problems: string[]): number {
  const rows = [...state.annotationRows].filter(([, count]) => count > 1);
  const ops = [...state.createdOps].filter(([, seqs]) => seqs.length > 1);
  const broadcasts = watchers.flatMap((watcher) => [...watcher.duplicateCreates]);
  for (const [id, count] of rows) problems.push(`annotation ${id} has ${count} rows`);
  for (const [id, seqs] of ops) problems.push(`annotation ${id} was created by ops ${seqs.join(", ")}`);
  for (const id of broadcasts) problems.push(`annotation ${id} reached a watcher as two different creates`);
  return rows.length + ops.length + broadcasts.length;
}

function checkOpLog(state: DatabaseBoardState, problems: string[]): void {
  const whole = state.seqs.length === state.lastSeq && state.seqs.every((seq, index) => seq === index + 1);
  if (!whole) problems.push(`the op log is not 1..${state.lastSeq}: ${state.seqs.length} ops`);
}

function checkWatchers(watchers: BoardWatcher[], state: DatabaseBoardState, problems: string[]): number {
  let equal = 0;
  watchers.forEach((watcher, index) => {
    const seq = watcher.board?.seq;
    if (seq !== undefined && watcher.digest() === state.digest) equal++;
    else problems.push(`watcher ${index} (at seq ${seq}) differs from the database (at seq ${state.lastSeq})`);
  });
  return equal;
}

function mergeCounts(counts: Map<string, number>[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const map of counts) for (const [key, count] of map) merged.set(key, (merged.get(key) ?? 0) + count);
  return merged;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
