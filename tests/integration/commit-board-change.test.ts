// The one board-change skeleton (server/ops/commit-board-change.ts) against the real database: the ops
// of one change get consecutive seqs in the order given and are published in that order after the
// commit; a change that fails leaves no trace; a refused change costs no write token.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import type { Database } from "@/server/db/client";
import type { TransactionClient } from "@/server/db/transaction";
import { AppError } from "@/server/errors";
import type { WriteLimiter } from "@/server/limits/write-limiter";
import { NO_WRITE_LIMIT } from "@/server/limits/write-limiter";
import { admitBoardChange, type BoardChange, commitBoardChange } from "@/server/ops/commit-board-change";
import { makeAnalyst, makeBoard, type TestAnalyst, type TestBoard } from "../support/factories";
import { openTestApp, type TestApp } from "../support/open-test-app";

let app: TestApp;
let editor: TestAnalyst;
let viewer: TestAnalyst;
let outsider: TestAnalyst;
let board: TestBoard;

beforeAll(async () => {
  app = await openTestApp();
  [editor, viewer, outsider] = await Promise.all([makeAnalyst(app), makeAnalyst(app), makeAnalyst(app)]);
  board = await makeBoard(app, [
    [editor, "editor"],
    [viewer, "viewer"],
  ]);
});

afterAll(() => app?.stop());

/** What the skeleton did to the live path and the limiter, and whether its transaction had committed. */
function recordingDomain(options: { limiter?: WriteLimiter } = {}) {
  const seen = { published: [] as { op: WireOp; afterCommit: boolean }[], tokens: [] as string[], committed: false };
  const limiter = options.limiter ?? NO_WRITE_LIMIT;
  // The skeleton's transaction resolves through this wrapper, so a publish can tell whether it came after it.
  const db = new Proxy(app.db, {
    get: (target, property) =>
      property === "$transaction"
        ? (...args: Parameters<Database["$transaction"]>) =>
            (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args).then((result) => {
              seen.committed = true;
              return result;
            })
        : Reflect.get(target, property),
  });
  const domain = {
    db,
    effects: {
      publish: (op: WireOp) => {
        seen.published.push({ op, afterCommit: seen.committed });
      },
      alert: () => {},
      evict: async () => {},
      seen: () => {},
    },
    limiter: {
      ...limiter,
      take: async (userId: string) => {
        seen.tokens.push(userId);
        await limiter.take(userId);
      },
    },
  };
  return { domain, seen };
}

/** Writes a source on the board and answers its source.created change. */
async function addSource(tx: TransactionClient, title: string, actorId?: string | null) {
  const id = randomUUID();
  await tx.source.create({ data: { id, boardId: board.id, title } });
  const data = { id, title, publisher: "", publishedAt: null, reliability: null, currentVersion: 0 };
  const change: BoardChange<"source.created"> = { type: "source.created", entityId: id, data };
  return actorId === undefined ? change : { ...change, actorId };
}

const lastSeq = async () =>
  (await app.db.board.findUniqueOrThrow({ where: { id: board.id }, select: { lastSeq: true } })).lastSeq;
const opCount = () => app.db.op.count({ where: { boardId: board.id } });

describe("a change with several ops", () => {
  it("gets consecutive seqs in the order given, and publishes them in that order after the commit", async () => {
    const before = await lastSeq();
    const { domain, seen } = recordingDomain();
    const ops = await commitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: { action: "content.write" },
      change: async (tx) => {
        const first = await addSource(tx, "first written");
        const second = await addSource(tx, "second written");
        const third = await addSource(tx, "third written");
        // Logged in another order than written: the op order is the one the change answers.
        return [third, first, second] as const;
      },
    });

    expect(ops.map((op) => op.seq)).toEqual([before + 1, before + 2, before + 3]);
    expect(ops.map((op) => op.data.title)).toEqual(["third written", "first written", "second written"]);
    expect(seen.published.map(({ op }) => op)).toEqual(ops);
    expect(seen.published.every(({ afterCommit }) => afterCommit)).toBe(true);
    expect(await lastSeq()).toBe(before + 3);
    const stored = await app.db.op.findMany({
      where: { boardId: board.id, seq: { gt: before } },
      orderBy: { seq: "asc" },
    });
    expect(stored.map((op) => [op.seq, op.entityId, op.actorId])).toEqual(
      ops.map((op) => [op.seq, op.data.id, editor.id]),
    );
  });
});

describe("a change that fails", () => {
  it("writes no rows and no ops, publishes nothing, and leaves the board's seq where it was", async () => {
    const [before, opsBefore] = await Promise.all([lastSeq(), opCount()]);
    const { domain, seen } = recordingDomain();
    let written: string | undefined;
    const failing = commitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: { action: "content.write" },
      change: async (tx) => {
        written = (await addSource(tx, "never kept")).entityId;
        throw new AppError("CONFLICT", "changed my mind");
      },
    });

    await expect(failing).rejects.toMatchObject({ code: "CONFLICT" });
    expect(written).toBeDefined();
    expect(await app.db.source.count({ where: { id: written } })).toBe(0);
    expect(await opCount()).toBe(opsBefore);
    expect(await lastSeq()).toBe(before);
    expect(seen.published).toEqual([]);
  });

  it("rolls back the rows and the seq bump when its op cannot be written", async () => {
    const [before, opsBefore] = await Promise.all([lastSeq(), opCount()]);
    const { domain, seen } = recordingDomain();
    let written: string[] = [];
    let evicted = false;
    const failing = commitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: { action: "content.write" },
      change: async (tx) => {
        const kept = await addSource(tx, "fine");
        // No such user: the op insert breaks its foreign key, after the seq bump and the source rows.
        const broken = await addSource(tx, "actor unknown", `no-such-user-${randomUUID()}`);
        written = [kept.entityId, broken.entityId];
        return [kept, broken] as const;
      },
      beforePublish: async () => {
        evicted = true;
      },
    });

    await expect(failing).rejects.toThrow();
    expect(written).toHaveLength(2);
    expect(await app.db.source.count({ where: { id: { in: written } } })).toBe(0);
    expect(await opCount()).toBe(opsBefore);
    expect(await lastSeq()).toBe(before);
    expect(seen.published).toEqual([]);
    expect(evicted).toBe(false);
  });
});

describe("a refused change", () => {
  const refusals = {
    "a viewer's content.write": () => ({ actor: viewer, authority: { action: "content.write" } as const }),
    "a non-member": () => ({ actor: outsider, authority: { action: "board.read" } as const }),
    "access already resolved": () => ({
      actor: viewer,
      authority: { access: { role: "viewer", archived: false }, action: "content.write" } as const,
    }),
    "the authority's further check": () => ({
      actor: editor,
      authority: {
        action: "board.read",
        also: () => {
          throw new AppError("FORBIDDEN", "not this part");
        },
      } as const,
    }),
  };

  for (const [name, refusal] of Object.entries(refusals)) {
    it(`takes no write token and writes nothing: ${name}`, async () => {
      const [before, opsBefore] = await Promise.all([lastSeq(), opCount()]);
      const { domain, seen } = recordingDomain();
      let ran = false;
      const { actor, authority } = refusal();
      const refused = commitBoardChange({
        domain,
        actor,
        boardId: board.id,
        authority,
        change: async (tx) => {
          ran = true;
          return [await addSource(tx, "refused")] as const;
        },
      });

      await expect(refused).rejects.toBeInstanceOf(AppError);
      expect(seen.tokens).toEqual([]);
      expect(ran).toBe(false);
      expect(await opCount()).toBe(opsBefore);
      expect(await lastSeq()).toBe(before);
      expect(seen.published).toEqual([]);
    });
  }

  it("is not run when the limiter refuses the token", async () => {
    const opsBefore = await opCount();
    const rateLimited: WriteLimiter = {
      ...NO_WRITE_LIMIT,
      take: async () => {
        throw new AppError("RATE_LIMITED", "slow down");
      },
    };
    const { domain, seen } = recordingDomain({ limiter: rateLimited });
    let ran = false;
    const refused = commitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: { action: "content.write" },
      change: async (tx) => {
        ran = true;
        return [await addSource(tx, "too fast")] as const;
      },
    });

    await expect(refused).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(seen.tokens).toEqual([editor.id]);
    expect(ran).toBe(false);
    expect(await opCount()).toBe(opsBefore);
  });
});

describe("write tokens", () => {
  it("an allowed change takes exactly one, the actor's", async () => {
    const { domain, seen } = recordingDomain();
    await commitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: { action: "content.write" },
      change: async (tx) => [await addSource(tx, "one token")] as const,
    });
    expect(seen.tokens).toEqual([editor.id]);
  });

  it("an admitted change takes its one token at admission, not again at the commit", async () => {
    const { domain, seen } = recordingDomain();
    const admission = await admitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: { action: "content.write" },
    });
    expect(seen.tokens).toEqual([editor.id]);
    const [op] = await commitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: admission,
      change: async (tx) => [await addSource(tx, "admitted")] as const,
    });
    expect(seen.tokens).toEqual([editor.id]);
    expect(seen.published.map((entry) => entry.op)).toEqual([op]);
  });
});

describe("the op's actor", () => {
  it("is the committing actor unless a change names another, or none", async () => {
    const { domain, seen } = recordingDomain();
    const ops = await commitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: { action: "content.write" },
      change: async (tx) =>
        [
          await addSource(tx, "by the editor"),
          await addSource(tx, "on the viewer's behalf", viewer.id),
          await addSource(tx, "by no one", null),
        ] as const,
    });

    expect(ops.map((op) => op.actorId)).toEqual([editor.id, viewer.id, null]);
    expect(seen.published.map(({ op }) => op.actorId)).toEqual([editor.id, viewer.id, null]);
    const stored = await app.db.op.findMany({
      where: { boardId: board.id, seq: { in: ops.map((op) => op.seq) } },
      orderBy: { seq: "asc" },
    });
    expect(stored.map((op) => op.actorId)).toEqual([editor.id, viewer.id, null]);
  });
});

describe("beforePublish", () => {
  it("runs after the commit and before the first op is published", async () => {
    const { domain, seen } = recordingDomain();
    const order: string[] = [];
    const publish = domain.effects.publish;
    domain.effects.publish = (op) => {
      order.push(`publish ${op.seq}`);
      publish(op);
    };
    const [op] = await commitBoardChange({
      domain,
      actor: editor,
      boardId: board.id,
      authority: { action: "content.write" },
      change: async (tx) => [await addSource(tx, "evict first")] as const,
      beforePublish: async () => {
        order.push(`before publish, committed: ${seen.committed}`);
      },
    });
    expect(order).toEqual(["before publish, committed: true", `publish ${op.seq}`]);
  });
});
