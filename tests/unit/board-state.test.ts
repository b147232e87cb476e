// Client-side op application: in order, once, and never across a gap.
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

const created = (seq: number, id = `a${seq}`): WireOp => ({
  boardId,
  seq,
  type: "annotation.created",
  actorId: "u1",
  at: "2022-01-10T09:00:00.000Z",
  data: annotation(id),
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

describe("applyOp", () => {
  it("applies the next op and advances seq", () => {
    const outcome = applyOp(emptyBoard(4), created(5));
    expect(outcome.status).toBe("applied");
    if (outcome.status !== "applied") return;
    expect(outcome.board.seq).toBe(5);
    expect(ids(outcome.board)).toEqual(["a5"]);
  });

  it("ignores an op it has already applied", () => {
    expect(applyOp(emptyBoard(5), created(5)).status).toBe("stale");
    expect(applyOp(emptyBoard(5), created(2)).status).toBe("stale");
  });

  it("reports a gap instead of applying an op from the future", () => {
    expect(applyOp(emptyBoard(4), created(6))).toEqual({ status: "gap", expected: 5 });
  });

  it("does not duplicate an annotation delivered twice under different seqs", () => {
    const once = applyOps(emptyBoard(0), [created(1, "same"), created(2, "same")]);
    expect(ids(once.board)).toEqual(["same"]);
  });
});

describe("applyOps", () => {
  it("sorts a batch by seq, skips stale ops and stops at a gap", () => {
    const result = applyOps(emptyBoard(2), [created(4), created(2), created(3), created(6)]);
    expect(result.gap).toBe(true);
    expect(result.board.seq).toBe(4);
    expect(ids(result.board)).toEqual(["a3", "a4"]);
  });
});

describe("applyOps on a long catch-up", () => {
  it("keeps the last word on each annotation: later upserts replace, deletes remove", () => {
    const ops: WireOp[] = [];
    for (let seq = 1; seq <= 300; seq++) {
      const id = `a${seq % 40}`;
      if (seq % 7 === 0)
        ops.push({
          boardId,
          seq,
          type: "annotation.deleted",
          actorId: "u1",
          at: "2022-01-10T09:00:00.000Z",
          data: { id, deletedBy: { id: "u1", name: "Alice" } },
        });
      else ops.push(created(seq, id));
    }
    const lastOp = new Map(ops.map((op) => [(op.data as { id: string }).id, op]));
    const expected = [...lastOp.values()]
      .filter((op) => op.type !== "annotation.deleted")
      .map((op) => (op.data as { id: string }).id)
      .sort();
    const { board, gap } = applyOps(emptyBoard(0), ops);
    expect(gap).toBe(false);
    expect(board.seq).toBe(300);
    expect(ids(board)).toEqual(expected);
    expect(board.state.annotations.threadOrder).toHaveLength(expected.length);
  });

  it("answers the same board object when nothing new applies", () => {
    const board = emptyBoard(5);
    expect(applyOps(board, [created(3), created(5)]).board).toBe(board);
  });
});

describe("a deleted fact takes what the database's cascade takes", () => {
  const geneva = "e-geneva";
  const brussels = "e-brussels";
  const op = (seq: number, type: WireOp["type"], data: unknown): WireOp =>
    ({ boardId, seq, type, actorId: "u1", at: "2022-01-12T09:00:00.000Z", data }) as WireOp;
  const event = (id: string) => ({
    id,
    title: id,
    occurredAt: "2022-01-10T09:00:00.000Z",
    endsAt: null,
    category: "diplomatic",
    place: null,
    description: "",
    sourceIds: [],
    sourceReliability: null,
    infoCredibility: null,
    loggedAt: "2022-01-10T09:00:00.000Z",
  });
  const onEvent = (id: string, eventId: string, parentId: string | null = null): WireAnnotation => ({
    ...annotation(id),
    target: { type: "event", eventId },
    parentId,
  });
  // A thread on the Geneva talks whose reply points at the Brussels meeting (replies keep their own target).
  const thread = [
    op(1, "event.created", event(geneva)),
    op(2, "event.created", event(brussels)),
    op(3, "annotation.created", onEvent("thread", geneva)),
    op(4, "annotation.created", onEvent("reply", brussels, "thread")),
    op(5, "annotation.created", onEvent("other", brussels)),
  ];

  it("takes the replies of a thread on the fact, whatever they point at, from ops that name nothing", () => {
    const { board } = applyOps(emptyBoard(0), [...thread, op(6, "event.deleted", { id: geneva })]);
    expect(ids(board)).toEqual(["other"]);
  });

  it("takes the annotations the op names: a reply whose thread's first note was deleted before", () => {
    const deletedFirst = op(6, "annotation.deleted", { id: "thread", deletedBy: { id: "u1", name: "Alice" } });
    const before = applyOps(emptyBoard(0), [...thread, deletedFirst]).board;
    expect(ids(before)).toEqual(["other", "reply"]);
    const gone = applyOps(before, [op(7, "event.deleted", { id: geneva, annotationIds: ["reply"] })]).board;
    expect(ids(gone)).toEqual(["other"]);
    expect(gone.state.annotations.threadOrder).toEqual(["other"]);
  });
});

describe("a deleted source", () => {
  it("leaves the events and figures that cited it without it, as the database does", () => {
    const op = (seq: number, type: WireOp["type"], data: unknown): WireOp =>
      ({ boardId, seq, type, actorId: "u1", at: "2022-01-12T09:00:00.000Z", data }) as WireOp;
    const citing = {
      id: "e-kyiv",
      title: "Kyiv talks",
      occurredAt: "2022-01-10T09:00:00.000Z",
      endsAt: null,
      category: "diplomatic",
      place: null,
      description: "",
      sourceIds: ["s-osce", "s-tass"],
      sourceReliability: null,
      infoCredibility: null,
      loggedAt: "2022-01-10T09:00:00.000Z",
    };
    const figure = (id: string, sourceId: string | null) => ({
      id,
      indicatorId: "i-troops",
      observedAt: `2022-01-1${id.length}T00:00:00.000Z`,
      value: 100_000,
      sourceId,
      sourceReliability: null,
      infoCredibility: null,
      note: "",
    });
    const indicator = {
      id: "i-troops",
      name: "Troops",
      unit: "troops",
      description: "",
      kind: "count",
      warnAbove: null,
      warnBelow: null,
      color: "#fff",
    };
    const source = (id: string) => ({
      id,
      title: id,
      publisher: "",
      publishedAt: null,
      reliability: null,
      currentVersion: 0,
    });
    const { board } = applyOps(emptyBoard(0), [
      op(1, "source.created", source("s-osce")),
      op(2, "source.created", source("s-tass")),
      op(3, "event.created", citing),
      op(4, "indicator.created", indicator),
      op(5, "observation.created", figure("o1", "s-osce")),
      op(6, "observation.created", figure("o22", "s-tass")),
      op(7, "source.deleted", { id: "s-osce", annotationIds: [] }),
    ]);
    expect(board.seq).toBe(7);
    expect(board.state.events.byId.get("e-kyiv")?.sourceIds).toEqual(["s-tass"]);
    const figures = board.state.indicators.byId.get("i-troops")?.observations;
    expect(figures?.map(({ id, sourceId }) => [id, sourceId])).toEqual([
      ["o1", null],
      ["o22", "s-tass"],
    ]);
    expect(board.state.sources.list.map(({ id }) => id)).toEqual(["s-tass"]);
  });
});
