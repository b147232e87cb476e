// The baseline: a bare Socket.IO server that does what Watchfloor's transport does for a write — put the
// payload in an op with the next seq, broadcast it to the board's room, ack — with no database, auth or
// validation. Spawned by bench/run.ts as its own process; reports its port over IPC.
import { createServer } from "node:http";
import { Server } from "socket.io";
import type { BaselineClientEvents, BaselineServerEvents, BaselineSnapshotAnswer } from "./support/protocol";
import { attachRedisAdapter } from "./support/redis";

const httpServer = createServer();
// The larger buffer is for bench:seed, which hands over thousands of ops in one message.
const io = new Server<BaselineClientEvents, BaselineServerEvents>(httpServer, {
  transports: ["websocket"],
  maxHttpBufferSize: 1e9,
});
// Scenario 6 runs two of these as one server through Redis, the way Watchfloor's nodes are joined. Not
// REDIS_URL: a REDIS_URL meant for Watchfloor must not turn every other scenario's baseline into a node.
const redisUrl = process.env.BASELINE_REDIS_URL;
if (redisUrl) await attachRedisAdapter(io, redisUrl, process.env.BASELINE_REDIS_KEY ?? "watchfloor-bench-baseline");
/** Per board, every op broadcast so far, so a late joiner can catch up from a seq like on Watchfloor. */
const logs = new Map<string, unknown[]>();
const logOf = (boardId: string) => logs.get(boardId) ?? logs.set(boardId, []).get(boardId) ?? [];
/** Per board, the snapshot answer a join without sinceSeq gets (board load); held as an object, serialized per join as Watchfloor does. */
const snapshots = new Map<string, BaselineSnapshotAnswer>();

io.on("connection", (socket) => {
  socket.on("board:join", (payload, ack) => {
    void socket.join(payload.boardId);
    const snapshot = snapshots.get(payload.boardId);
    if (snapshot && payload.sinceSeq === undefined) return ack(snapshot);
    const log = logOf(payload.boardId);
    ack({ seq: log.length, ops: payload.sinceSeq === undefined ? [] : log.slice(payload.sinceSeq) });
  });
  socket.on("annotation:create", (payload, ack) => {
    const boardId = (payload as { boardId?: string }).boardId ?? "";
    const log = logOf(boardId);
    const op = {
      boardId,
      seq: log.length + 1,
      type: "annotation.created",
      actorId: null,
      at: new Date().toISOString(),
      data: payload,
    };
    log.push(op);
    io.to(boardId).emit("board:op", op);
    ack({ ok: true, seq: op.seq });
  });
  socket.on("bench:seed", (payload, ack) => {
    logs.set(payload.boardId, payload.ops);
    ack({ seq: payload.ops.length });
  });
  socket.on("bench:snapshot", (payload, ack) => {
    snapshots.set(payload.boardId, payload.answer);
    ack();
  });
});

httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("disconnect", () => process.exit(0));
