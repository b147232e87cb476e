// Group commit: writes to one key (a board) that arrive while that key's previous batch is committing
// wait and then commit together in one transaction, so a busy board pays one commit (and one seq bump)
// per batch instead of one per write. Nothing waits on a timer: a write to an idle board is flushed at
// once, so batching only happens when the database is already the bottleneck.
// Each write still settles only after the transaction that holds it has committed (or failed).

export type Settlement<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Commits a batch; answers one settlement per item, in the items' order. */
export type FlushBatch<I, R> = (key: string, items: I[]) => Promise<Settlement<R>[]>;

export type GroupCommitQueue<I, R> = {
  submit: (key: string, item: I) => Promise<R>;
  /** Resolves once every submitted write has settled (used when a node stops). */
  drain: () => Promise<void>;
};

type Waiting<I, R> = { item: I; resolve: (value: R) => void; reject: (error: unknown) => void };

export function createGroupCommitQueue<I, R>(options: { flush: FlushBatch<I, R>; maxBatch: number }) {
  // A key has a queue exactly while its flush loop runs; the loop removes it in the same tick it finds
  // the queue empty, so a write submitted at any moment either joins a running loop or starts one.
  const queues = new Map<string, Waiting<I, R>[]>();
  const running = new Set<Promise<void>>();

  async function flushLoop(key: string, queue: Waiting<I, R>[]): Promise<void> {
    for (;;) {
      if (!queue.length) {
        queues.delete(key);
        return;
      }
      const batch = queue.splice(0, options.maxBatch);
      let settlements: Settlement<R>[];
      try {
        settlements = await options.flush(
          key,
          batch.map((waiting) => waiting.item),
        );
      } catch (error) {
        settlements = batch.map(() => ({ ok: false, error }));
      }
      batch.forEach((waiting, index) => {
        const settlement = settlements[index] ?? { ok: false, error: new Error("The batch gave no answer") };
        if (settlement.ok) waiting.resolve(settlement.value);
        else waiting.reject(settlement.error);
      });
    }
  }

  const commitQueue: GroupCommitQueue<I, R> = {
    submit(key, item) {
      return new Promise<R>((resolve, reject) => {
        const existing = queues.get(key);
        if (existing) {
          existing.push({ item, resolve, reject });
          return;
        }
        const queue = [{ item, resolve, reject }];
        queues.set(key, queue);
        const loop = flushLoop(key, queue);
        running.add(loop);
        void loop.finally(() => running.delete(loop));
      });
    },
    async drain() {
      while (running.size) await Promise.all(running);
    },
  };
  return commitQueue;
}
