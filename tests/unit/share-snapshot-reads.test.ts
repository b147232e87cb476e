// Shared snapshot reads: a join of an idle board reads at once; joins that ask while a read is in
// progress share one read that begins only after they asked (so after they joined the room); a failed
// read fails only the joins that shared it; boards do not wait on each other.
import { describe, expect, it } from "vitest";
import { shareSnapshotReads } from "@/server/boards/share-snapshot-reads";

/** A read the test settles by hand, recording which board each read was for and in what order. */
function manualReads() {
  const begun: string[] = [];
  const pending: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  const read = (boardId: string) => {
    begun.push(boardId);
    return new Promise<string>((resolve, reject) => pending.push({ resolve, reject }));
  };
  const settle = async (index: number, outcome: string | Error) => {
    const read = pending[index];
    if (outcome instanceof Error) read?.reject(outcome);
    else read?.resolve(outcome);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { begun, read, settle };
}

describe("shared snapshot reads", () => {
  it("reads an idle board at once and gives the joins that wait meanwhile one later read", async () => {
    const manual = manualReads();
    const readSnapshot = shareSnapshotReads(manual.read);
    const first = readSnapshot("board");
    expect(manual.begun).toEqual(["board"]);
    const waiting = [readSnapshot("board"), readSnapshot("board"), readSnapshot("board")];
    // The joins that asked during the first read must not get it: it may predate their joining the room.
    expect(manual.begun).toEqual(["board"]);
    await manual.settle(0, "snapshot 1");
    expect(await first).toBe("snapshot 1");
    expect(manual.begun).toEqual(["board", "board"]);
    await manual.settle(1, "snapshot 2");
    expect(await Promise.all(waiting)).toEqual(["snapshot 2", "snapshot 2", "snapshot 2"]);
    readSnapshot("board");
    expect(manual.begun).toEqual(["board", "board", "board"]);
  });

  it("fails only the joins that shared a failed read; the joins waiting behind it still read", async () => {
    const manual = manualReads();
    const readSnapshot = shareSnapshotReads(manual.read);
    const first = readSnapshot("board");
    const second = readSnapshot("board");
    await manual.settle(0, new Error("connection lost"));
    await expect(first).rejects.toThrow("connection lost");
    expect(manual.begun).toHaveLength(2);
    await manual.settle(1, "snapshot 2");
    expect(await second).toBe("snapshot 2");
  });

  it("reads different boards independently", () => {
    const manual = manualReads();
    const readSnapshot = shareSnapshotReads(manual.read);
    void readSnapshot("a");
    void readSnapshot("b");
    expect(manual.begun).toEqual(["a", "b"]);
  });
});
