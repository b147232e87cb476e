// An op this client was built without (a newer server's) is never guessed at: the board stays as it was,
// its seq does not move past the op, and the run says a fresh snapshot is needed (issue 13). So does a
// known op too big to carry (an import), wherever it arrives: live or in a catch-up.
import { describe, expect, it } from "vitest";
import { annotationsOf, applyOp, applyOps, type LiveBoard, liveBoardOf } from "@/lib/board-state";
import type { WireOp } from "@/lib/ops";
import type { WireAnnotation } from "@/lib/schemas/annotation";

const boardId = "6a4f8a36-3f1e-4d38-9d7e-6f0f8f3b9c11";

function annotation(id: string): WireAnnotation {
  return {
    id,
    boardId,
    author: { id: "u1", name: "Alice" },
    target: { type: "board" },
    body: `note ${id}`,
    kind: "note",
    confidence: null,
    tags: [],
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    automatic: false,
    mentions: [],
    createdAt: "2022-01-10T09:00:00.000Z",
    updatedAt: "2022-01-10T09:00:00.000Z",
  };
}

const at = "2022-01-10T09:00:00.000Z";
const created = (seq: number): WireOp => ({
  boardId,
  seq,
  type: "annotation.created",
  actorId: "u1",
  at,
  data: annotation(`a${seq}`),
});

/**
 * An op of a type a later server may send (a passage of a document). Its data looks like an annotation on
 * purpose: a reducer that fell through to another case would apply it.
 */
const fromTheFuture = (seq: number): WireOp =>
  ({ boardId, seq, type: "passage.created", actorId: "u1", at, data: annotation(`p${seq}`) }) as unknown as WireOp;

const imported = (seq: number): WireOp => ({
  boardId,
  seq,
  type: "observations.imported",
  actorId: "u1",
  at,
  data: { indicatorIds: [], count: 5_000 },
});

const emptyBoard = (seq: number): LiveBoard =>
  liveBoardOf(seq, {
    board: { id: boardId, slug: "b", title: "B", description: "", handling: "", archived: false },
    events: [],
    indicators: [],
    sources: [],
    annotations: [],
    members: [],
  });

const ids = (board: LiveBoard) => annotationsOf(board.state).map((a) => a.id);

describe("an op of a type the client does not know", () => {
  it("is reported, not applied: the board and its seq stay as they were", () => {
    const board = emptyBoard(4);
    expect(applyOp(board, fromTheFuture(5))).toEqual({ status: "unknown", type: "passage.created" });
  });

  it("stops a run there and asks for a fresh snapshot; the ops before it still apply", () => {
    const board = emptyBoard(4);
    const run = applyOps(board, [created(5), fromTheFuture(6), created(7)]);
    expect(run.needsSnapshot).toBe(true);
    expect(run.gap).toBe(false);
    expect(run.board.seq).toBe(5);
    expect(ids(run.board)).toEqual(["a5"]);
  });

  it("answers the same board when it is the first op of the run", () => {
    const board = emptyBoard(4);
    const run = applyOps(board, [fromTheFuture(5)]);
    expect(run).toEqual({ board, gap: false, needsSnapshot: true });
  });

  it("is stale like any other when already behind the board's seq", () => {
    expect(applyOp(emptyBoard(6), fromTheFuture(5))).toEqual({ status: "stale" });
    expect(applyOps(emptyBoard(6), [fromTheFuture(5)]).needsSnapshot).toBe(false);
  });
});

describe("a known op the client cannot apply itself (an import)", () => {
  it("applies (the seq moves on) and asks for a fresh snapshot, also inside a catch-up run", () => {
    const run = applyOps(emptyBoard(4), [created(5), imported(6), created(7)]);
    expect(run.board.seq).toBe(7);
    expect(run.needsSnapshot).toBe(true);
  });

  it("is not asked for by a run of ops the client applies itself", () => {
    const run = applyOps(emptyBoard(4), [created(5), created(6)]);
    expect(run).toMatchObject({ gap: false, needsSnapshot: false });
    expect(run.board.seq).toBe(6);
  });
});
