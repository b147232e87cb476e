// The live path end to end: two analysts' sockets on one board, acks, broadcasts, bad input, retries.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import { barrierOp, roundTrip } from "../support/barrier";
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
import { connectedSocket, joinedSocket as joinedSocketOf, openTestApp, type TestApp } from "../support/open-test-app";
import { startTestApp } from "../support/test-app";

let app: TestApp;
let alice: TestAnalyst;
let bob: TestAnalyst;
let carol: TestAnalyst;
let outsider: TestAnalyst;
let board: TestBoard;

async function joinedSocket(analyst: TestAnalyst, boardId = board.id): Promise<{ socket: TestSocket; ops: WireOp[] }> {
  const ops: WireOp[] = [];
  const socket = await joinedSocketOf(app, analyst, { id: boardId }, (socket) =>
    socket.on("board:op", (op) => ops.push(op)),
  );
  return { socket, ops };
}

beforeAll(async () => {
  app = await openTestApp();
  [alice, bob, carol, outsider] = await Promise.all([
    makeAnalyst(app),
    makeAnalyst(app),
    makeAnalyst(app),
    makeAnalyst(app),
  ]);
  board = await makeBoard(app, [
    [alice, "owner"],
    [bob, "editor"],
    [carol, "viewer"],
  ]);
});

afterAll(() => app?.stop());

describe("annotation:create", () => {
  it("acknowledges after commit and reaches the other analyst on the board", async () => {
    const aliceSide = await joinedSocket(alice);
    const bobSide = await joinedSocket(bob);
    const input = annotationInput(board, {
      target: { type: "event", eventId: board.eventId },
      kind: "question",
      tags: ["geneva"],
    });

    const ack = await aliceSide.socket.emitWithAck("annotation:create", input);

    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.annotation).toMatchObject({
      id: input.id,
      body: input.body,
      kind: "question",
      author: { id: alice.id },
    });
    expect(await app.db.annotation.count({ where: { id: input.id } })).toBe(1);
    await expect.poll(() => bobSide.ops.map((op) => op.seq)).toContain(ack.seq);
    const received = bobSide.ops.find((op) => op.seq === ack.seq);
    expect(received).toMatchObject({
      type: "annotation.created",
      boardId: board.id,
      actorId: alice.id,
      data: { id: input.id },
    });
  });

  it("annotates an indicator at a point in time", async () => {
    const { socket } = await joinedSocket(bob);
    const at = "2022-01-08T00:00:00.000Z";
    const ack = await socket.emitWithAck(
      "annotation:create",
      annotationInput(board, { target: { type: "indicator", indicatorId: board.indicatorId, at } }),
    );
    expect(ack.ok && ack.annotation.target).toEqual({ type: "indicator", indicatorId: board.indicatorId, at });
  });

  it("answers a malformed payload with VALIDATION, writes nothing and broadcasts nothing", async () => {
    const aliceSide = await joinedSocket(alice);
    const bobSide = await joinedSocket(bob);
    const before = { annotations: await app.db.annotation.count(), ops: await app.db.op.count() };
    const bad = [
      { ...annotationInput(board), id: "not-a-uuid" },
      { ...annotationInput(board), body: "" },
      { ...annotationInput(board), body: "x".repeat(10_001) },
      { ...annotationInput(board), target: { type: "event" } },
      {
        ...annotationInput(board),
        target: {
          type: "indicator-range",
          indicatorId: board.indicatorId,
          from: "2022-01-10T00:00:00Z",
          to: "2022-01-01T00:00:00Z",
        },
      },
      { ...annotationInput(board), tags: Array.from({ length: 21 }, (_, index) => `t${index}`) },
      { ...annotationInput(board), kind: "rumour" },
      { ...annotationInput(board), extra: "field" },
      null,
      "annotation",
      42,
    ];
    for (const payload of bad) {
      const ack = await aliceSide.socket.emitWithAck("annotation:create", payload as never);
      expect(ack.ok).toBe(false);
      if (!ack.ok) {
        expect(ack.error.code).toBe("VALIDATION");
        expect(ack.error.issues?.length).toBeGreaterThan(0);
      }
    }
    expect(await app.db.annotation.count()).toBe(before.annotations);
    expect(await app.db.op.count()).toBe(before.ops);
    // Once Bob has an op Alice sent after all of those, he would have had anything they broadcast.
    const barrier = await barrierOp(aliceSide.socket, board, [bobSide.ops]);
    expect(bobSide.ops.map((op) => op.seq)).toEqual([barrier.seq]);
  });

  it("refuses a target on another board as VALIDATION, writing nothing", async () => {
    const other = await makeBoard(app, [[alice, "owner"]]);
    const { socket } = await joinedSocket(alice);
    const before = await app.db.annotation.count();
    const ack = await socket.emitWithAck(
      "annotation:create",
      annotationInput(board, { target: { type: "event", eventId: other.eventId } }),
    );
    expect(ack.ok ? null : ack.error.code).toBe("VALIDATION");
    expect(await app.db.annotation.count()).toBe(before);
  });

  it("treats a retried create with the same id as the first one: one row, same seq, one broadcast", async () => {
    const aliceSide = await joinedSocket(alice);
    const bobSide = await joinedSocket(bob);
    const input = annotationInput(board);

    const first = await aliceSide.socket.emitWithAck("annotation:create", input);
    const [second, third] = await Promise.all([
      aliceSide.socket.emitWithAck("annotation:create", input),
      aliceSide.socket.emitWithAck("annotation:create", { ...input, body: "edited before the retry" }),
    ]);

    expect(first.ok && second.ok && third.ok).toBe(true);
    if (!first.ok || !second.ok || !third.ok) return;
    expect(second.seq).toBe(first.seq);
    expect(third.annotation.body).toBe(input.body);
    expect(await app.db.annotation.count({ where: { id: input.id } })).toBe(1);
    expect(await app.db.op.count({ where: { entityId: input.id } })).toBe(1);
    await barrierOp(aliceSide.socket, board, [bobSide.ops]);
    expect(bobSide.ops.filter((op) => op.type === "annotation.created" && op.data.id === input.id)).toHaveLength(1);
  });

  it("creates exactly one row when the same create arrives on two sockets at once", async () => {
    const first = await joinedSocket(alice);
    const second = await joinedSocket(alice);
    const input = annotationInput(board);
    const acks = await Promise.all([
      first.socket.emitWithAck("annotation:create", input),
      second.socket.emitWithAck("annotation:create", input),
    ]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(await app.db.annotation.count({ where: { id: input.id } })).toBe(1);
  });

  it("refuses another analyst's id as CONFLICT", async () => {
    const aliceSide = await joinedSocket(alice);
    const bobSide = await joinedSocket(bob);
    const input = annotationInput(board);
    await aliceSide.socket.emitWithAck("annotation:create", input);
    const ack = await bobSide.socket.emitWithAck("annotation:create", input);
    expect(ack.ok ? null : ack.error.code).toBe("CONFLICT");
  });

  it("does not let a viewer annotate", async () => {
    const { socket } = await joinedSocket(carol);
    const ack = await socket.emitWithAck("annotation:create", annotationInput(board));
    expect(ack.ok ? null : ack.error.code).toBe("FORBIDDEN");
  });

  it("survives events without an ack or with junk arguments", async () => {
    const { socket } = await joinedSocket(alice);
    const emitRaw = socket.emit.bind(socket) as (...args: unknown[]) => void;
    emitRaw("annotation:create", annotationInput(board));
    emitRaw("annotation:create");
    emitRaw("board:join", 1, 2, 3);
    const ack = await socket.emitWithAck("annotation:create", annotationInput(board));
    expect(ack.ok).toBe(true);
  });
});

describe("board:join", () => {
  it("returns a snapshot with the board's content and current seq", async () => {
    const socket = await connectedSocket(app, bob);
    const joined = await socket.emitWithAck("board:join", { boardId: board.id });
    expect(joined.ok && "snapshot" in joined).toBe(true);
    if (!joined.ok || !("snapshot" in joined)) return;
    const { lastSeq } = await app.db.board.findUniqueOrThrow({ where: { id: board.id } });
    expect(joined.seq).toBe(lastSeq);
    expect(joined.snapshot.events.map((event) => event.id)).toEqual([board.eventId]);
    expect(joined.snapshot.indicators[0]?.observations.map((o) => o.id)).toEqual([board.observationId]);
    expect(joined.snapshot.members.map((member) => member.role).sort()).toEqual(["editor", "owner", "viewer"]);
  });

  it("returns only the ops after sinceSeq when the client is close behind", async () => {
    const { socket } = await joinedSocket(alice);
    const { lastSeq } = await app.db.board.findUniqueOrThrow({ where: { id: board.id } });
    const created = await socket.emitWithAck("annotation:create", annotationInput(board));
    const again = await socket.emitWithAck("board:join", { boardId: board.id, sinceSeq: lastSeq });
    expect(again.ok && "ops" in again && again.ops.map((op) => op.seq)).toEqual([created.ok && created.seq]);
  });

  it("sends a snapshot instead when the client is too far behind", async () => {
    const farApp = await startTestApp({ databaseUrl: app.databaseUrl, env: { CATCH_UP_MAX_OPS: "1" } });
    try {
      const socket = connectSocket(farApp, await signIn(farApp, alice));
      app.sockets.push(socket);
      await waitForConnect(socket);
      const joined = await socket.emitWithAck("board:join", { boardId: board.id, sinceSeq: 0 });
      expect(joined.ok && "snapshot" in joined).toBe(true);
    } finally {
      await farApp.stop();
    }
  });

  it("answers NOT_FOUND to a non-member, and for a board that does not exist", async () => {
    const ops: WireOp[] = [];
    const socket = await connectedSocket(app, outsider, (socket) => socket.on("board:op", (op) => ops.push(op)));
    const member = await socket.emitWithAck("board:join", { boardId: board.id });
    const missing = await socket.emitWithAck("board:join", { boardId: randomUUID() });
    expect(member.ok ? null : member.error.code).toBe("NOT_FOUND");
    expect(missing.ok ? null : missing.error).toEqual(member.ok ? null : member.error);
    const { socket: writer } = await joinedSocket(alice);
    expect((await writer.emitWithAck("annotation:create", annotationInput(board))).ok).toBe(true);
    // The write was broadcast before it was acked; an answer the outsider gets now comes after it, had it been sent.
    await roundTrip(socket);
    expect(ops).toEqual([]);
  });

  it("tells everyone on the board who is there", async () => {
    const aliceSide = await joinedSocket(alice);
    const names = new Set<string>();
    aliceSide.socket.on("presence:state", (state) => {
      for (const member of state.members) names.add(member.userId);
    });
    await joinedSocket(bob);
    await expect.poll(() => names.has(bob.id)).toBe(true);
  });

  it("gives analysts who join together while annotations land every annotation, in the snapshot or live", async () => {
    // Joins that arrive together share snapshot reads (server/boards/share-snapshot-reads.ts); none may
    // miss an annotation committed between its snapshot and its live feed.
    const { socket: writer } = await joinedSocket(alice);
    const cookies = await Promise.all([signIn(app, bob), signIn(app, carol)]);
    const joiners = Array.from({ length: 16 }, (_, index) => {
      const socket = connectSocket(app, cookies[index % 2]);
      app.sockets.push(socket);
      const seen = new Set<string>();
      socket.on("board:op", (op) => {
        if (op.type === "annotation.created") seen.add(op.data.id);
      });
      return { socket, seen };
    });
    await Promise.all(joiners.map(({ socket }) => waitForConnect(socket)));
    const writes = Array.from({ length: 12 }, () => writer.emitWithAck("annotation:create", annotationInput(board)));
    const joins = joiners.map(async ({ socket, seen }) => {
      const joined = await socket.emitWithAck("board:join", { boardId: board.id });
      if (!joined.ok || !("snapshot" in joined)) throw new Error("no snapshot");
      for (const annotation of joined.snapshot.annotations) seen.add(annotation.id);
    });
    const created = await Promise.all(writes);
    await Promise.all(joins);
    const ids = created.map((result) => (result.ok ? result.annotation.id : "failed"));
    for (const { seen } of joiners) await expect.poll(() => ids.filter((id) => !seen.has(id))).toEqual([]);
  });
});

describe("the socket handshake", () => {
  it("refuses a socket without a session", async () => {
    const socket = connectSocket(app, undefined);
    app.sockets.push(socket);
    await expect(waitForConnect(socket)).rejects.toThrow("UNAUTHENTICATED");
  });

  it("refuses a socket with a forged session cookie", async () => {
    const socket = connectSocket(app, "watchfloor.session_token=forged.value");
    app.sockets.push(socket);
    await expect(waitForConnect(socket)).rejects.toThrow("UNAUTHENTICATED");
  });
});
