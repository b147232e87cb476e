// Saved views over a real socket (issue 19): editors save, overwrite and delete a board's named views,
// every member lists them, colleagues hear each change as a view op, a viewer and a stranger are refused,
// bad input writes and broadcasts nothing, and a resend answers what was stored without a second op.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import type { TViewSaveInput } from "@/lib/schemas/shift";
import { SAVED_VIEWS_MAX } from "@/server/views/save-view";
import { barrierOp } from "../support/barrier";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard, type TestSocket } from "../support/factories";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let ada: TestAnalyst;
let bob: TestAnalyst;
let vic: TestAnalyst;
let mallory: TestAnalyst;
let board: TestBoard;

beforeAll(async () => {
  app = await openTestApp();
  [ada, bob, vic, mallory] = await Promise.all([
    makeAnalyst(app, { name: "Ada Editor" }),
    makeAnalyst(app, { name: "Bob Commenter" }),
    makeAnalyst(app, { name: "Vic Viewer" }),
    makeAnalyst(app, { name: "Mallory Outsider" }),
  ]);
  board = await makeBoard(app, [
    [ada, "editor"],
    [bob, "commenter"],
    [vic, "viewer"],
  ]);
  await makeBoard(app, [[mallory, "owner"]]);
});

afterAll(() => app?.stop());

const viewInput = (overrides: Partial<TViewSaveInput> = {}): TViewSaveInput => ({
  id: randomUUID(),
  boardId: board.id,
  name: `Morning brief ${randomUUID().slice(0, 8)}`,
  state: {
    filters: { kind: ["assessment", "warning"], status: ["open"] },
    indicatorIds: [board.indicatorId],
    range: { from: "2022-01-01T00:00:00.000Z", to: "2022-01-10T00:00:00.000Z" },
  },
  ...overrides,
});

/** A joined socket of `who` and the ops it hears. */
async function watching(who: TestAnalyst): Promise<{ socket: TestSocket; ops: WireOp[] }> {
  const ops: WireOp[] = [];
  const socket = await joinedSocket(app, who, board, (s) => s.on("board:op", (op) => ops.push(op)));
  return { socket, ops };
}

const viewOps = (ops: WireOp[]) => ops.filter((op) => op.type.startsWith("view."));

describe("saved views", () => {
  it("an editor creates, overwrites, lists and deletes a view, and a colleague hears each change", async () => {
    const editor = await watching(ada);
    const colleague = await watching(bob);
    const input = viewInput();

    const created = await editor.socket.emitWithAck("view:save", input);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.view).toMatchObject({ id: input.id, name: input.name, state: input.state });
    expect(created.view.createdBy).toEqual({ id: ada.id, name: "Ada Editor" });

    const renamed = { ...input, name: `${input.name} (late)`, state: { filters: { q: ["convoy"] } } };
    const overwritten = await editor.socket.emitWithAck("view:save", renamed);
    if (!overwritten.ok) throw new Error(overwritten.error.message);
    expect(overwritten.view).toMatchObject({ id: input.id, name: renamed.name, state: { filters: { q: ["convoy"] } } });
    expect(overwritten.seq).toBe(created.seq + 1);

    const listed = await colleague.socket.emitWithAck("view:list", { boardId: board.id });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.views.filter((view) => view.id === input.id)).toEqual([overwritten.view]);
    expect(listed.seq).toBeGreaterThanOrEqual(overwritten.seq);

    const deleted = await editor.socket.emitWithAck("view:delete", { id: input.id, boardId: board.id });
    expect(deleted).toEqual({ ok: true, id: input.id, seq: overwritten.seq + 1 });
    const after = await colleague.socket.emitWithAck("view:list", { boardId: board.id });
    expect(after.ok && after.views.some((view) => view.id === input.id)).toBe(false);

    await expect.poll(() => viewOps(colleague.ops).filter((op) => op.seq >= created.seq).length).toBe(3);
    expect(viewOps(colleague.ops).filter((op) => op.seq >= created.seq)).toEqual([
      expect.objectContaining({ type: "view.saved", seq: created.seq, data: created.view, actorId: ada.id }),
      expect.objectContaining({ type: "view.saved", seq: overwritten.seq, data: overwritten.view }),
      expect.objectContaining({ type: "view.deleted", seq: deleted.ok ? deleted.seq : -1, data: { id: input.id } }),
    ]);
  });

  it("a resent save or delete answers what was stored and logs no second op", async () => {
    const editor = await watching(ada);
    const input = viewInput();
    const first = await editor.socket.emitWithAck("view:save", input);
    const again = await editor.socket.emitWithAck("view:save", input);
    expect(again).toEqual(first);
    const deleted = await editor.socket.emitWithAck("view:delete", { id: input.id, boardId: board.id });
    const deletedAgain = await editor.socket.emitWithAck("view:delete", { id: input.id, boardId: board.id });
    expect(deletedAgain).toEqual(deleted);

    const logged = await app.db.op.count({ where: { boardId: board.id, entityId: input.id } });
    expect(logged).toBe(2);
    const barrier = await barrierOp(editor.socket, board, [editor.ops]);
    expect(
      editor.ops.filter(
        (op) =>
          (op.type === "view.saved" || op.type === "view.deleted") && op.data.id === input.id && op.seq < barrier.seq,
      ),
    ).toHaveLength(2);
  });

  it("a second view with a taken name is refused CONFLICT, and the first keeps it", async () => {
    const editor = await connectedSocket(app, ada);
    const first = viewInput();
    expect((await editor.emitWithAck("view:save", first)).ok).toBe(true);
    const clash = await editor.emitWithAck("view:save", viewInput({ name: first.name }));
    expect(!clash.ok && clash.error.code).toBe("CONFLICT");
    expect(await app.db.savedView.count({ where: { boardId: board.id, name: first.name } })).toBe(1);
  });

  it(`a board keeps at most ${SAVED_VIEWS_MAX} views: one more is refused, an overwrite still goes through`, async () => {
    const full = await makeBoard(app, [[ada, "editor"]]);
    await app.db.savedView.createMany({
      data: Array.from({ length: SAVED_VIEWS_MAX }, (_, index) => ({
        id: randomUUID(),
        boardId: full.id,
        name: `View ${index}`,
        state: { filters: {} },
      })),
    });
    const editor = await connectedSocket(app, ada);
    const refused = await editor.emitWithAck("view:save", viewInput({ boardId: full.id, state: { filters: {} } }));
    expect(!refused.ok && refused.error.code).toBe("VALIDATION");
    expect(await app.db.savedView.count({ where: { boardId: full.id } })).toBe(SAVED_VIEWS_MAX);
    const kept = await app.db.savedView.findFirstOrThrow({ where: { boardId: full.id } });
    const overwrite = await editor.emitWithAck("view:save", {
      id: kept.id,
      boardId: full.id,
      name: kept.name,
      state: { filters: { status: ["open"] } },
    });
    expect(overwrite.ok).toBe(true);
  });

  it("a commenter and a viewer may list but not save or delete; a stranger is told there is no board", async () => {
    const editor = await connectedSocket(app, ada);
    const existing = viewInput();
    expect((await editor.emitWithAck("view:save", existing)).ok).toBe(true);
    for (const who of [bob, vic]) {
      const socket = await connectedSocket(app, who);
      expect((await socket.emitWithAck("view:list", { boardId: board.id })).ok).toBe(true);
      const save = await socket.emitWithAck("view:save", viewInput());
      expect(!save.ok && save.error.code).toBe("FORBIDDEN");
      const overwrite = await socket.emitWithAck("view:save", { ...existing, name: "Mine now" });
      expect(!overwrite.ok && overwrite.error.code).toBe("FORBIDDEN");
      const remove = await socket.emitWithAck("view:delete", { id: existing.id, boardId: board.id });
      expect(!remove.ok && remove.error.code).toBe("FORBIDDEN");
    }
    const stranger = await connectedSocket(app, mallory);
    for (const answer of [
      await stranger.emitWithAck("view:list", { boardId: board.id }),
      await stranger.emitWithAck("view:save", { ...existing, name: "Probe" }),
      await stranger.emitWithAck("view:delete", { id: existing.id, boardId: board.id }),
    ]) {
      expect(!answer.ok && answer.error.code).toBe("NOT_FOUND");
      expect(JSON.stringify(answer)).not.toContain(existing.name);
    }
    const stored = await app.db.savedView.findUniqueOrThrow({ where: { id: existing.id } });
    expect(stored.name).toBe(existing.name);
  });

  it("bad input is refused VALIDATION, and nothing is written or broadcast", async () => {
    const editor = await watching(ada);
    const colleague = await watching(bob);
    const before = await app.db.savedView.count();
    const bad: unknown[] = [
      { ...viewInput(), name: "   " },
      { ...viewInput(), name: "x".repeat(81) },
      { ...viewInput(), id: "not-a-uuid" },
      { ...viewInput(), state: { filters: { "tag list": ["x"] } } },
      { ...viewInput(), state: { filters: { "a\u0000b": ["x"] } } },
      { ...viewInput(), state: { filters: { q: "convoy" } } },
      { ...viewInput(), state: { range: { from: "2022-01-10T00:00:00Z", to: "2022-01-01T00:00:00Z" } } },
      { ...viewInput(), state: { indicatorIds: ["nope"] } },
      { ...viewInput(), state: {}, extra: true },
    ];
    const seqBefore = (await app.db.board.findUniqueOrThrow({ where: { id: board.id } })).lastSeq;
    for (const payload of bad) {
      const answer = await editor.socket.emitWithAck("view:save", payload as TViewSaveInput);
      expect(!answer.ok && answer.error.code, JSON.stringify(payload)).toBe("VALIDATION");
    }
    const deleteAnswer = await editor.socket.emitWithAck("view:delete", { id: "nope", boardId: board.id });
    expect(!deleteAnswer.ok && deleteAnswer.error.code).toBe("VALIDATION");
    expect(await app.db.savedView.count()).toBe(before);
    const barrier = await barrierOp(editor.socket, board, [colleague.ops]);
    expect(colleague.ops.filter((op) => op.seq > seqBefore && op.seq !== barrier.seq)).toEqual([]);
  });
});
