// A load generator: one process holding many socket.io-client sockets, driven by bench/run.ts over IPC
// (`node --import tsx bench/load-client.ts`). Watchers record emit-to-receipt latency of each board:op
// carrying a bench write; writers send annotation:create with acks. Runs apart from the server so its
// own CPU does not count against the server's.
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Socket } from "socket.io-client";
import { applyOps, type LiveBoard, liveBoardOf } from "@/lib/board-state";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { BARE_ANNOTATION_FIELDS } from "./support/bare-annotation";
import { openSocket } from "./support/open-socket";
import type {
  BoardLoadReport,
  ClientCommand,
  ClientReply,
  ClientReport,
  Target,
  WriteOutcome,
} from "./support/protocol";
import { epochNow, sleep } from "./support/stats";

type AnySocket = Socket;
const ACK_TIMEOUT_MS = 10_000;
const BODY_PREFIX = "bench@";

const sockets: AnySocket[] = [];
let target: Target = "watchfloor";
let boardId = "";
let latencies: number[] = [];
const eventLoop = monitorEventLoopDelay({ resolution: 10 });
eventLoop.enable();

function onOp(op: { type?: string; data?: { body?: unknown } }): void {
  const body = op.data?.body;
  if (op.type !== "annotation.created" || typeof body !== "string" || !body.startsWith(BODY_PREFIX)) return;
  latencies.push(epochNow() - Number(body.slice(BODY_PREFIX.length)));
}

async function connectOne(url: string, cookie: string, join: boolean): Promise<void> {
  const socket = await openSocket(url, cookie);
  socket.on("board:op", onOp);
  sockets.push(socket);
  if (!join) return;
  // Under a burst of joins the server has answered INTERNAL (seen at 200 watchers); a browser would
  // retry, so the bench does too, and says so on stderr rather than hide it.
  for (let attempt = 1; ; attempt++) {
    const result = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("board:join", { boardId })) as { ok?: boolean };
    if (target === "baseline" || result.ok) return;
    if (attempt === 5) throw new Error(`board:join refused: ${JSON.stringify(result)}`);
    console.error(`[load-client] board:join refused (attempt ${attempt}): ${JSON.stringify(result)}; retrying`);
    await sleep(200 * attempt);
  }
}

/** The payload of one write. The baseline gets the fields of a WireAnnotation, so both broadcast ops of about the same size. */
function writePayload(eventId: string | undefined, number: number): Record<string, unknown> {
  const body = `${BODY_PREFIX}${epochNow()}`;
  const input = {
    id: randomUUID(),
    boardId,
    target: eventId && number % 2 ? { type: "event", eventId } : { type: "board" },
    body,
  };
  if (target === "watchfloor") return input;
  const now = new Date().toISOString();
  return {
    ...input,
    ...BARE_ANNOTATION_FIELDS,
    createdAt: now,
    updatedAt: now,
  };
}

async function writeLoop(socket: AnySocket, command: Extract<ClientCommand, { cmd: "write" }>, outcome: WriteOutcome) {
  const deadline = command.durationMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + command.durationMs;
  for (let number = 0; number < (command.count ?? Number.POSITIVE_INFINITY) && Date.now() < deadline; number++) {
    try {
      const result = (await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck("annotation:create", writePayload(command.eventId, number))) as { ok?: boolean };
      if (result.ok) outcome.acked++;
      else outcome.failed++;
    } catch {
      outcome.failed++;
    }
    if (command.intervalMs > 0) await sleep(command.intervalMs);
  }
}

/**
 * Board load: fresh sockets join one after another; the clock runs from the emit until the snapshot is
 * a board state, as the browser's use-live-board makes it (a snapshot, then the ops that came meanwhile).
 */
async function loadBoard(command: Extract<ClientCommand, { cmd: "load-board" }>): Promise<BoardLoadReport> {
  const samplesMs: number[] = [];
  let last: { seq?: number; snapshot?: BoardSnapshot } = {};
  for (let repeat = 0; repeat < command.repeats; repeat++) {
    const socket = await openSocket(command.url, command.cookie);
    try {
      const began = performance.now();
      last = (await socket.timeout(120_000).emitWithAck("board:join", { boardId: command.boardId })) as typeof last;
      if (last.snapshot === undefined || last.seq === undefined)
        throw new Error(`board:join answered without a snapshot: ${JSON.stringify(last).slice(0, 200)}`);
      const board: LiveBoard = applyOps(liveBoardOf(last.seq, last.snapshot), []).board;
      samplesMs.push(performance.now() - began);
      if (board.seq !== last.seq) throw new Error("the snapshot did not apply");
    } finally {
      socket.disconnect();
    }
  }
  const json = JSON.stringify(last);
  const parseBegan = performance.now();
  JSON.parse(json);
  return {
    samplesMs,
    bytes: Buffer.byteLength(json),
    parseMs: performance.now() - parseBegan,
    seq: last.seq ?? -1,
    annotations: last.snapshot?.annotations.length ?? 0,
    observations: (last.snapshot?.indicators ?? []).reduce(
      (total, indicator) => total + indicator.observations.length,
      0,
    ),
  };
}

async function handle(command: ClientCommand): Promise<unknown> {
  switch (command.cmd) {
    case "connect": {
      target = command.target;
      boardId = command.boardId;
      // In batches: thousands of simultaneous handshakes would measure the accept queue, not the server.
      for (let start = 0; start < command.count; start += 50) {
        const batch = Math.min(50, command.count - start);
        await Promise.all(
          Array.from({ length: batch }, (_, offset) =>
            connectOne(command.url, command.cookies[(start + offset) % command.cookies.length] ?? "", command.join),
          ),
        );
      }
      return sockets.length;
    }
    case "reset":
      latencies = [];
      eventLoop.reset();
      return null;
    case "write": {
      const outcome: WriteOutcome = { acked: 0, failed: 0, elapsedMs: 0 };
      const began = performance.now();
      await Promise.all(sockets.map((socket) => writeLoop(socket, command, outcome)));
      outcome.elapsedMs = performance.now() - began;
      return outcome;
    }
    case "report": {
      const ms = (nanos: number) => (Number.isFinite(nanos) ? nanos / 1e6 : 0);
      const report: ClientReport = {
        latencies,
        eventLoop: { p50: ms(eventLoop.percentile(50)), p99: ms(eventLoop.percentile(99)), max: ms(eventLoop.max) },
      };
      return report;
    }
    case "load-board":
      return loadBoard(command);
    case "close":
      for (const socket of sockets) socket.disconnect();
      sockets.length = 0;
      setTimeout(() => process.exit(0), 50);
      return null;
  }
}

process.on("message", (message: ClientCommand) => {
  handle(message).then(
    (value) => process.send?.({ id: message.id, ok: true, value } satisfies ClientReply),
    (error: unknown) => process.send?.({ id: message.id, ok: false, error: String(error) } satisfies ClientReply),
  );
});
process.on("disconnect", () => process.exit(0));
