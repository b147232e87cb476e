// Unread threads for the shift handover (issue 19): colleagues' notes and replies count, the analyst's own
// do not; a visit, a deletion or another device's last seen clears; the server's summary merges without
// counting the same replies twice; j/k find the next unread thread in the list's order.
import { describe, expect, it } from "vitest";
import {
  clearThread,
  clearThrough,
  countOp,
  markMentions,
  mergeSummary,
  NO_UNREAD,
  nextUnread,
  type UnreadThreads,
  unreadTotals,
} from "@/components/board/shift/unread";
import type { WireOp } from "@/lib/ops";
import type { WireAnnotation } from "@/lib/schemas/annotation";

const BOB = "bob";
const ALICE = { id: "alice", name: "Alice" };

function note(id: string, parentId: string | null, author = ALICE, mentions: { id: string; name: string }[] = []) {
  return {
    id,
    boardId: "board",
    author,
    target: { type: "board" },
    body: `note ${id}`,
    kind: "note",
    confidence: null,
    tags: [],
    parentId,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    automatic: false,
    mentions,
    createdAt: "2026-12-06T18:00:00.000Z",
    updatedAt: "2026-12-06T18:00:00.000Z",
  } satisfies WireAnnotation;
}

function created(seq: number, annotation: WireAnnotation): WireOp {
  return { boardId: "board", seq, type: "annotation.created", actorId: annotation.author.id, at: "", data: annotation };
}

const countAll = (ops: WireOp[], unread: UnreadThreads = NO_UNREAD) =>
  ops.reduce((next, op) => countOp(next, op, BOB), unread);

describe("unread threads", () => {
  it("counts a colleague's replies on their thread and a new note on its own", () => {
    const unread = countAll([created(5, note("r1", "t1")), created(6, note("r2", "t1")), created(7, note("t2", null))]);
    expect(unread.get("t1")).toEqual({ count: 2, mentionsYou: false, lastSeq: 6 });
    expect(unread.get("t2")).toEqual({ count: 1, mentionsYou: false, lastSeq: 7 });
  });

  it("never counts the analyst's own writes", () => {
    const unread = countAll([created(5, note("r1", "t1", { id: BOB, name: "Bob" }))]);
    expect(unread.size).toBe(0);
    expect(unread).toBe(NO_UNREAD);
  });

  it("does not count a threshold warning, which the handover names as a crossing", () => {
    expect(countAll([created(5, { ...note("w1", null), automatic: true })])).toBe(NO_UNREAD);
  });

  it("marks a thread whose reply names the analyst", () => {
    const unread = countAll([
      created(5, note("r1", "t1")),
      created(6, note("r2", "t1", ALICE, [{ id: BOB, name: "Bob" }])),
    ]);
    expect(unread.get("t1")?.mentionsYou).toBe(true);
    expect(unreadTotals(unread)).toEqual({ threads: 1, mentions: 1 });
  });

  it("a visit clears only that thread; a deleted thread is no longer unread", () => {
    const unread = countAll([created(5, note("r1", "t1")), created(6, note("r2", "t2")), created(7, note("r3", "t3"))]);
    const visited = clearThread(unread, "t1");
    expect([...visited.keys()]).toEqual(["t2", "t3"]);
    const deleted = countOp(
      visited,
      {
        boardId: "board",
        seq: 8,
        type: "annotation.deleted",
        actorId: "alice",
        at: "",
        data: { id: "t2", deletedBy: ALICE },
      },
      BOB,
    );
    expect([...deleted.keys()]).toEqual(["t3"]);
  });

  it("a deleted event takes the threads its op names as gone with it", () => {
    const unread = countAll([created(5, note("r1", "t1")), created(6, note("r2", "t2"))]);
    const gone = countOp(
      unread,
      {
        boardId: "board",
        seq: 7,
        type: "event.deleted",
        actorId: "alice",
        at: "",
        data: { id: "e1", annotationIds: ["t1", "r1"] },
      },
      BOB,
    );
    expect([...gone.keys()]).toEqual(["t2"]);
  });

  it("another device's last seen clears the threads it has seen, not later ones", () => {
    const unread = countAll([created(5, note("r1", "t1")), created(9, note("r2", "t2"))]);
    expect([...clearThrough(unread, 8).keys()]).toEqual(["t2"]);
    expect(clearThrough(unread, 9).size).toBe(0);
    expect(clearThrough(unread, 4)).toBe(unread);
  });

  it("merges the server's summary by the larger count, not the sum", () => {
    const heard = countAll([created(5, note("r1", "t1")), created(6, note("r2", "t1"))]);
    const merged = mergeSummary(
      heard,
      [
        { rootId: "t1", newReplies: 2, mentionsYou: true },
        { rootId: "t9", newReplies: 3, mentionsYou: false },
      ],
      10,
    );
    expect(merged.get("t1")).toEqual({ count: 2, mentionsYou: true, lastSeq: 10 });
    expect(merged.get("t9")).toEqual({ count: 3, mentionsYou: false, lastSeq: 10 });
  });
});

describe("walking unread threads", () => {
  const order = ["a", "b", "c", "d", "e"];
  const unread = countAll([created(1, note("rb", "b")), created(2, note("rd", "d"))]);

  it("j goes to the next unread thread after the current one, wrapping round", () => {
    expect(nextUnread(order, unread, null, 1)).toBe("b");
    expect(nextUnread(order, unread, "b", 1)).toBe("d");
    expect(nextUnread(order, unread, "c", 1)).toBe("d");
    expect(nextUnread(order, unread, "d", 1)).toBe("b");
  });

  it("k goes back", () => {
    expect(nextUnread(order, unread, null, -1)).toBe("d");
    expect(nextUnread(order, unread, "d", -1)).toBe("b");
    expect(nextUnread(order, unread, "a", -1)).toBe("d");
  });

  it("finds nothing when nothing is unread, or only the current thread", () => {
    expect(nextUnread(order, NO_UNREAD, "a", 1)).toBeNull();
    expect(nextUnread(order, clearThread(unread, "d"), "b", 1)).toBeNull();
  });
});

describe("a new note that names the analyst, found after the summary", () => {
  const summed = mergeSummary(NO_UNREAD, [{ rootId: "n1", newReplies: 0, mentionsYou: false }], 7);

  it("marks only the threads named, and keeps their counts", () => {
    const marked = markMentions(summed, ["n1", "not-unread"]);
    expect(marked.get("n1")).toEqual({ count: 1, mentionsYou: true, lastSeq: 7 });
    expect(marked.has("not-unread")).toBe(false);
    expect(unreadTotals(marked)).toEqual({ threads: 1, mentions: 1 });
  });
});
