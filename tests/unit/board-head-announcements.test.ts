// When Redis comes back under N nodes, each node is asked to announce its boards' heads N times within
// moments (its own link back, and each other node's "node:rejoined"). A stand-in Socket.IO server and
// database count what one node does; the real thing is tests/integration/redis-outage.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/server/db/client";
import { createLogger } from "@/server/logger";
import { ANNOUNCE_QUIET_MS, boardHeadAnnouncer } from "@/server/realtime/board-heads";
import { coalesced } from "@/server/realtime/coalesced";
import type { WatchfloorServer } from "@/server/realtime/types";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A node with sockets on two boards: counts its database reads and its presence broadcasts. */
function standInNode() {
  const reads = vi.fn(async () => [
    { id: "b1", lastSeq: 7 },
    { id: "b2", lastSeq: 3 },
  ]);
  const heads: unknown[] = [];
  const presenceBroadcasts: string[] = [];
  const io = {
    of: () => ({
      adapter: {
        rooms: new Map([
          ["board:b1", new Set()],
          ["board:b2", new Set()],
          ["socket-id", new Set()],
        ]),
      },
    }),
    local: { to: () => ({ emit: (_event: string, head: unknown) => heads.push(head) }) },
    in: () => ({ fetchSockets: async () => [] }),
    to: (room: string) => ({ emit: () => presenceBroadcasts.push(room) }),
  };
  const announce = boardHeadAnnouncer({
    io: io as unknown as WatchfloorServer,
    db: { board: { findMany: reads } } as unknown as Database,
    logger: createLogger("silent"),
  });
  return { announce, reads, heads, presenceBroadcasts };
}

describe("board head announcements", () => {
  it("answer a burst of requests, as from five nodes rejoining at once, with one announcement and one more", async () => {
    const { announce, reads, heads, presenceBroadcasts } = standInNode();
    for (let node = 0; node < 5; node++) announce();
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(heads).toEqual([
      { boardId: "b1", seq: 7 },
      { boardId: "b2", seq: 3 },
    ]);
    expect(presenceBroadcasts).toEqual(["board:b1", "board:b2"]);

    await vi.advanceTimersByTimeAsync(ANNOUNCE_QUIET_MS);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(presenceBroadcasts).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(10 * ANNOUNCE_QUIET_MS);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("announce at once when asked again after the quiet time", async () => {
    const { announce, reads } = standInNode();
    announce();
    await vi.advanceTimersByTimeAsync(ANNOUNCE_QUIET_MS);
    announce();
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});

describe("a coalesced task", () => {
  it("runs once more for the requests made while it ran, after the quiet time, and not before", async () => {
    let finish = () => {};
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const request = coalesced(run, 1_000);
    request();
    request();
    request();
    expect(run).toHaveBeenCalledTimes(1);
    // Still running long after the quiet time would have passed: nothing more starts.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("answers a request made within the quiet time after a run, and keeps running after a run that failed", async () => {
    const run = vi.fn(async () => {});
    run.mockRejectedValueOnce(new Error("the database is unreachable"));
    const request = coalesced(run, 1_000);
    request();
    await vi.advanceTimersByTimeAsync(500);
    request();
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
