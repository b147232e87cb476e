// The group-commit queue: a write to an idle key is flushed at once; writes arriving while a key's batch
// commits go together in its next batch; each write settles with its own answer; keys do not wait on
// each other.
import { describe, expect, it } from "vitest";
import { createGroupCommitQueue, type Settlement } from "@/server/db/group-commit";

/** A flush the test releases by hand, recording the batches it was given. */
function manualFlush() {
  const batches: { key: string; items: number[] }[] = [];
  const releases: (() => void)[] = [];
  const flush = async (key: string, items: number[]): Promise<Settlement<number>[]> => {
    batches.push({ key, items });
    await new Promise<void>((resolve) => releases.push(resolve));
    return items.map((item) =>
      item < 0 ? { ok: false, error: new Error(`bad ${item}`) } : { ok: true, value: item * 10 },
    );
  };
  const releaseNext = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    releases.shift()?.();
  };
  return { batches, flush, releaseNext };
}

describe("the group-commit queue", () => {
  it("flushes a lone write at once and batches what arrives during a flush", async () => {
    const manual = manualFlush();
    const queue = createGroupCommitQueue({ flush: manual.flush, maxBatch: 10 });
    const first = queue.submit("board", 1);
    expect(manual.batches).toEqual([{ key: "board", items: [1] }]);
    const later = [queue.submit("board", 2), queue.submit("board", 3), queue.submit("board", -4)];
    await manual.releaseNext();
    expect(await first).toBe(10);
    await manual.releaseNext();
    const settled = await Promise.allSettled(later);
    expect(manual.batches).toEqual([
      { key: "board", items: [1] },
      { key: "board", items: [2, 3, -4] },
    ]);
    expect(settled.map((result) => (result.status === "fulfilled" ? result.value : String(result.reason)))).toEqual([
      20,
      30,
      "Error: bad -4",
    ]);
  });

  it("caps a batch at maxBatch and keeps the order of arrival", async () => {
    const manual = manualFlush();
    const queue = createGroupCommitQueue({ flush: manual.flush, maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((item) => queue.submit("board", item));
    for (let round = 0; round < 3; round++) await manual.releaseNext();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(manual.batches.map((batch) => batch.items)).toEqual([[1], [2, 3], [4, 5]]);
  });

  it("commits different keys independently", async () => {
    const manual = manualFlush();
    const queue = createGroupCommitQueue({ flush: manual.flush, maxBatch: 10 });
    void queue.submit("a", 1);
    void queue.submit("b", 2);
    expect(manual.batches.map((batch) => batch.key)).toEqual(["a", "b"]);
    await manual.releaseNext();
    await manual.releaseNext();
    await queue.drain();
  });

  it("rejects every write of a batch whose flush throws, and goes on with the next batch", async () => {
    let calls = 0;
    const queue = createGroupCommitQueue<number, number>({
      maxBatch: 10,
      flush: async (_key, items) => {
        calls++;
        if (calls === 1) throw new Error("database gone");
        return items.map((item) => ({ ok: true, value: item }));
      },
    });
    await expect(queue.submit("board", 1)).rejects.toThrow("database gone");
    expect(await queue.submit("board", 2)).toBe(2);
  });

  it("drain waits for writes still committing", async () => {
    const manual = manualFlush();
    const queue = createGroupCommitQueue({ flush: manual.flush, maxBatch: 10 });
    let settled = false;
    void queue.submit("board", 1).then(() => {
      settled = true;
    });
    const drained = queue.drain();
    await manual.releaseNext();
    await drained;
    expect(settled).toBe(true);
  });
});
