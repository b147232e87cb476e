// Unread threads for one analyst on one board (issue 19): replies and new notes by others after the
// baseline (the last seen when the analyst came back), kept per thread root. Pure, so the bookkeeping is
// tested on its own; every step costs the op or the thread it concerns, never a pass over the board.
import { annotationsRemovedWith, type WireOp } from "@/lib/ops";
import type { ThreadNews } from "@/lib/schemas/shift";

export type ThreadUnread = {
  /** Notes and replies by others in this thread not yet looked at. */
  count: number;
  /** One of them names the analyst. */
  mentionsYou: boolean;
  /** The last op counted here: a last seen at or past it (another device) clears the thread. */
  lastSeq: number;
};

/** Thread root id → what is unread in it. Replaced on every change, never changed in place. */
export type UnreadThreads = ReadonlyMap<string, ThreadUnread>;

export const NO_UNREAD: UnreadThreads = new Map();

/**
 * Counts a live op heard while the tab was hidden: a note or reply by someone else adds one to its
 * thread; a thread deleted is no longer unread. Anything else leaves the map as it was (same object).
 */
export function countOp(unread: UnreadThreads, op: WireOp, userId: string): UnreadThreads {
  if (op.type === "annotation.deleted") return clearThread(unread, op.data.id);
  // A deleted fact takes the threads on it (the op names what the database's cascade removed).
  const removed = annotationsRemovedWith(op);
  if (removed.length) return removed.reduce(clearThread, unread);
  if (op.type !== "annotation.created") return unread;
  const note = op.data;
  // A threshold warning is Watchfloor's note, not a colleague's: the handover names the crossing instead.
  if (note.author.id === userId || op.actorId === userId || note.automatic) return unread;
  const rootId = note.parentId ?? note.id;
  const known = unread.get(rootId);
  const next = new Map(unread);
  next.set(rootId, {
    count: (known?.count ?? 0) + 1,
    mentionsYou: (known?.mentionsYou ?? false) || note.mentions.some((person) => person.id === userId),
    lastSeq: Math.max(known?.lastSeq ?? 0, op.seq),
  });
  return next;
}

/** Marks unread threads whose new note names the analyst (found once the live board held the note). */
export function markMentions(unread: UnreadThreads, rootIds: readonly string[]): UnreadThreads {
  const next = new Map(unread);
  for (const rootId of rootIds) {
    const known = next.get(rootId);
    if (known && !known.mentionsYou) next.set(rootId, { ...known, mentionsYou: true });
  }
  return next;
}

/**
 * Takes in the server's account of a window (GET …/changes, up to `untilSeq`). The page may have counted
 * the same replies itself from live ops, so counts are merged by the larger, not added.
 */
export function mergeSummary(unread: UnreadThreads, threads: readonly ThreadNews[], untilSeq: number): UnreadThreads {
  if (!threads.length) return unread;
  const next = new Map(unread);
  for (const news of threads) {
    const count = Math.max(news.newReplies, 1);
    const known = next.get(news.rootId);
    next.set(news.rootId, {
      count: Math.max(known?.count ?? 0, count),
      mentionsYou: (known?.mentionsYou ?? false) || news.mentionsYou,
      lastSeq: Math.max(known?.lastSeq ?? 0, untilSeq),
    });
  }
  return next;
}

/** The analyst looked at the thread (opened it, or j/k landed on it). */
export function clearThread(unread: UnreadThreads, rootId: string): UnreadThreads {
  if (!unread.has(rootId)) return unread;
  const next = new Map(unread);
  next.delete(rootId);
  return next;
}

/** Another device of the same analyst saw the board up to `seq`: what it saw is read here too. */
export function clearThrough(unread: UnreadThreads, seq: number): UnreadThreads {
  let next: Map<string, ThreadUnread> | null = null;
  for (const [rootId, entry] of unread) {
    if (entry.lastSeq > seq) continue;
    next ??= new Map(unread);
    next.delete(rootId);
  }
  return next ?? unread;
}

/**
 * The unread thread after (direction 1) or before (-1) `currentId` in the list's order, wrapping round;
 * null when none is unread. Without a current thread, the first (or last) unread one.
 */
export function nextUnread(
  order: readonly string[],
  unread: UnreadThreads,
  currentId: string | null,
  direction: 1 | -1,
): string | null {
  if (!unread.size || !order.length) return null;
  const at = currentId === null ? -1 : order.indexOf(currentId);
  const start = at < 0 ? (direction === 1 ? -1 : order.length) : at;
  for (let step = 1; step <= order.length; step++) {
    const index = (((start + direction * step) % order.length) + order.length) % order.length;
    const id = order[index];
    if (id !== undefined && id !== currentId && unread.has(id)) return id;
  }
  return null;
}

/** Totals for the header: threads with something unread, and those that name the analyst. */
export function unreadTotals(unread: UnreadThreads): { threads: number; mentions: number } {
  let mentions = 0;
  for (const entry of unread.values()) if (entry.mentionsYou) mentions++;
  return { threads: unread.size, mentions };
}
