// Periodic checkpoints (issue 19): when a board's seq reaches a multiple of CHECKPOINT_EVERY, the board
// at that seq is built in the worker pool after the commit, off the live path, and stored, so no "as of"
// replay applies more than about that many ops. One build per board at a time; a board that runs ahead
// meanwhile is checkpointed at its latest multiple when the build in hand ends. docs/history.md.
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { BoardEffects } from "../ops/board-effects";
import type { WorkerPool } from "../workers/create-worker-pool";
import { CHECKPOINT_EVERY } from "./checkpoints";
import { boardAtSeq } from "./snapshot-as-of";

export type PeriodicCheckpoints = {
  effects: BoardEffects;
  /** Waits for the builds in hand (before the database closes). */
  drain: () => Promise<void>;
};

export function withPeriodicCheckpoints(
  effects: BoardEffects,
  options: { db: Database; workers: WorkerPool; logger: Logger },
): PeriodicCheckpoints {
  /** Per board: the build in hand, and the seq to build next when it ends. */
  const running = new Map<string, Promise<void>>();
  const wanted = new Map<string, number>();

  const build = (boardId: string): Promise<void> => {
    const work = (async () => {
      for (let seq = wanted.get(boardId); seq !== undefined; seq = wanted.get(boardId)) {
        wanted.delete(boardId);
        // boardAtSeq stores its result when it replayed CHECKPOINT_EVERY ops or more; a nearer checkpoint
        // (an import's) makes this one unneeded.
        await boardAtSeq({ ...options, boardId, seq }).catch((error: unknown) =>
          options.logger.warn({ err: error, boardId, seq }, "periodic checkpoint failed"),
        );
      }
    })().finally(() => running.delete(boardId));
    running.set(boardId, work);
    return work;
  };

  return {
    effects: {
      ...effects,
      publish: (op) => {
        effects.publish(op);
        if (op.seq % CHECKPOINT_EVERY !== 0) return;
        wanted.set(op.boardId, Math.max(op.seq, wanted.get(op.boardId) ?? 0));
        if (!running.has(op.boardId)) void build(op.boardId);
      },
    },
    drain: async () => {
      await Promise.all(running.values());
    },
  };
}
