// Puts one op of a board's log into a sentence for the activity feed: who did what to whose what, where.
// What an op names but does not carry (a deleted annotation, a removed member, the board before an
// update) is looked up in the snapshot and in the rest of the feed; what cannot be found is named
// generically ("an annotation", "a former member") rather than guessed. The board is a wire snapshot or
// a live board state (lib/board-state.ts), whose maps make each look-up O(1).
import type { BoardState } from "./board-state";
import { describeTarget } from "./describe-target";
import type { WireOp } from "./ops";
import type { WireAnnotation } from "./schemas/annotation";
import type { BoardSnapshot, WireBoard, WireMember } from "./schemas/board";
import { targetIndex } from "./target-index";

/** An op as GET /api/boards/<slug>/activity returns it. */
export type ActivityItem = WireOp & { actorName: string | null };

type Board = BoardSnapshot | BoardState;

type Surroundings = { snapshot: Board; feed: readonly ActivityItem[]; seq: number };

/**
 * @param feed the other ops on show, in any order: earlier ones remember what the snapshot has since
 *   forgotten. Only ops before `item` are consulted, so a sentence does not change as the feed grows.
 */
export function describeActivity(item: ActivityItem, snapshot: Board, feed: readonly ActivityItem[] = []): string {
  const actor = item.actorName ?? "Someone";
  const around: Surroundings = { snapshot, feed, seq: item.seq };
  switch (item.type) {
    case "annotation.created":
      return describeCreation(actor, item.actorId, item.data, around);
    case "annotation.updated":
      return `${actor} edited ${annotationPhrase(item.data, item.actorId, around)}`;
    case "annotation.deleted": {
      const deleted = findAnnotation(item.data.id, around);
      const what = deleted
        ? annotationPhrase(deleted, item.actorId ?? item.data.deletedBy.id, around)
        : "an annotation";
      return `${item.actorName ?? item.data.deletedBy.name} deleted ${what}`;
    }
    case "annotation.restored":
      return `${actor} restored ${annotationPhrase(item.data, item.actorId, around)}`;
    case "annotation.resolved":
      return `${actor} resolved ${annotationPhrase(item.data, item.actorId, around)}`;
    case "annotation.reopened":
      return `${actor} reopened ${annotationPhrase(item.data, item.actorId, around)}`;
    case "annotation.attached":
      return `${actor} attached ${annotationPhrase(item.data, item.actorId, around)} to a new passage`;
    case "board.updated":
      return `${actor} ${boardChanges(item.data, findPreviousBoard(around))}`;
    case "member.added":
      return item.actorName && item.actorId !== item.data.userId
        ? `${item.actorName} added ${item.data.name} as ${item.data.role}`
        : `${item.data.name} was added as ${item.data.role}`;
    case "member.updated":
      if (!item.actorName) return `${possessive(item.data.name)} role was changed to ${item.data.role}`;
      return item.actorId === item.data.userId
        ? `${item.actorName} changed their role to ${item.data.role}`
        : `${item.actorName} changed ${possessive(item.data.name)} role to ${item.data.role}`;
    case "member.removed": {
      const name = findMemberName(item.data.userId, around) ?? "a former member";
      if (item.actorId === item.data.userId) return `${name} left the board`;
      return item.actorName ? `${item.actorName} removed ${name} from the board` : `${name} was removed from the board`;
    }
    case "event.created":
      return `${actor} added the event “${item.data.title}”`;
    case "event.updated":
      return `${actor} edited the event “${item.data.title}”`;
    case "event.deleted":
      return `${actor} deleted an event`;
    case "source.created":
      return `${actor} added the source “${item.data.title}”`;
    case "source.updated":
      return `${actor} edited the source “${item.data.title}”`;
    case "source.deleted":
      return `${actor} deleted a source`;
    case "source.revised":
      return `${actor} revised ${item.data.source.title} (version ${item.data.version})${anchorCounts(item.data.anchors)}`;
    case "indicator.created":
      return `${actor} added the indicator “${item.data.name}”`;
    case "indicator.updated":
      return `${actor} edited the indicator “${item.data.name}”`;
    case "indicator.deleted":
      return `${actor} deleted an indicator`;
    case "observation.created":
    case "observation.updated": {
      const indicator = targetIndex(snapshot).indicator(item.data.indicatorId);
      const verb = item.type === "observation.created" ? "recorded" : "corrected";
      return `${actor} ${verb} ${item.data.value} ${indicator?.unit ?? ""} for ${indicator?.name ?? "an indicator"}`.replace(
        /\s+/g,
        " ",
      );
    }
    case "observation.deleted":
      return `${actor} deleted an observation`;
    case "observations.imported":
      return `${actor} imported ${item.data.count} observations`;
    case "candidate.proposed": {
      const { count: proposed, sourceId, version } = item.data;
      const count = `${proposed} ${proposed === 1 ? "candidate" : "candidates"}`;
      return `${actor} proposed ${count} from ${sourceTitle(sourceId, snapshot)} (version ${version})`;
    }
    case "candidate.confirmed": {
      const { exact, sourceId, outcome } = item.data;
      const as = outcome ? ` as ${outcome.type === "event" ? "an event" : "a figure"}` : "";
      return `${actor} confirmed “${exact}” from ${sourceTitle(sourceId, snapshot)}${as}`;
    }
    case "candidate.rejected":
      return `${actor} rejected “${item.data.exact}” from ${sourceTitle(item.data.sourceId, snapshot)}`;
    default:
      // An op type this client does not know yet (a newer server): said plainly rather than left blank.
      return `${actor} made a change to the board`;
  }
}

/** The source's title as the board knows it; "a source" once it is gone. */
function sourceTitle(sourceId: string, board: Board): string {
  return targetIndex(board).source(sourceId)?.title ?? "a source";
}

/** ": 5 notes followed their passage, 1 lost its passage"; nothing when the source has no passage notes. */
function anchorCounts(anchors: readonly { status: "anchored" | "orphaned" }[]): string {
  const followed = anchors.filter((anchor) => anchor.status === "anchored").length;
  const lost = anchors.length - followed;
  const notes = (count: number) => (followed ? `${count}` : `${count} ${count === 1 ? "note" : "notes"}`);
  const parts = [
    followed ? `${followed} ${followed === 1 ? "note followed its" : "notes followed their"} passage` : "",
    lost ? `${notes(lost)} ${lost === 1 ? "lost its" : "lost their"} passage` : "",
  ].filter(Boolean);
  return parts.length ? `: ${parts.join(", ")}` : "";
}

const CREATION_VERB: Record<WireAnnotation["kind"], string> = {
  note: "added a note",
  assessment: "made an assessment",
  question: "asked a question",
  warning: "raised a warning",
};

function describeCreation(actor: string, actorId: string | null, created: WireAnnotation, around: Surroundings) {
  if (created.parentId === null) {
    const confidence = created.confidence ? ` (${created.confidence} confidence)` : "";
    return `${actor} ${CREATION_VERB[created.kind]}${confidence} on ${describeTarget(created.target, around.snapshot)}`;
  }
  const thread = findAnnotation(created.parentId, around);
  if (!thread) return `${actor} replied in a thread on ${describeTarget(created.target, around.snapshot)}`;
  return `${actor} replied to ${annotationPhrase(thread, actorId, around)}`;
}

/** "Bob Okafor's question on Geneva talks", "their reply on the board". */
function annotationPhrase(annotation: WireAnnotation, actorId: string | null, around: Surroundings): string {
  const whose = annotation.author.id === actorId ? "their" : possessive(annotation.author.name);
  if (annotation.parentId === null) {
    return `${whose} ${annotation.kind} on ${describeTarget(annotation.target, around.snapshot)}`;
  }
  // A reply is about what its thread is about.
  const target = findAnnotation(annotation.parentId, around)?.target ?? annotation.target;
  return `${whose} reply on ${describeTarget(target, around.snapshot)}`;
}

/** "renamed the board to “X” and archived it"; the op carries only the board after the change. */
function boardChanges(board: WireBoard, previous: WireBoard | null): string {
  if (!previous)
    return board.archived ? "updated the board, now archived" : `updated the board, now titled “${board.title}”`;
  const changes: string[] = [];
  if (board.title !== previous.title) changes.push(`renamed the board to “${board.title}”`);
  if (board.description !== previous.description) changes.push("changed the board's description");
  if (board.handling !== previous.handling) {
    changes.push(board.handling ? `set the handling line to “${board.handling}”` : "removed the handling line");
  }
  if (board.archived !== previous.archived) {
    changes.push(board.archived ? "archived the board" : "restored the board from the archive");
  }
  return changes.length ? joinWords(changes) : "updated the board";
}

/** The annotation as the latest earlier op left it, else as the snapshot holds it. */
function findAnnotation(id: string, around: Surroundings): WireAnnotation | null {
  const remembered = latestBefore(around, (op) => {
    const annotation = carriedAnnotation(op);
    return annotation?.id === id ? annotation : null;
  });
  return remembered ?? annotationOnBoard(around.snapshot, id) ?? null;
}

function findPreviousBoard(around: Surroundings): WireBoard | null {
  return latestBefore(around, (op) => (op.type === "board.updated" ? op.data : null));
}

function findMemberName(userId: string, around: Surroundings): string | null {
  return (
    memberOnBoard(around.snapshot, userId)?.name ??
    latestBefore(around, (op) =>
      (op.type === "member.added" || op.type === "member.updated") && op.data.userId === userId ? op.data.name : null,
    ) ??
    // Someone removed from the board may still be the author of its annotations.
    authorNameOnBoard(around.snapshot, userId) ??
    null
  );
}

function isState(board: Board): board is BoardState {
  return !Array.isArray(board.events);
}

function annotationOnBoard(board: Board, id: string): WireAnnotation | undefined {
  if (isState(board)) return board.annotations.byId.get(id);
  return board.annotations.find((annotation) => annotation.id === id);
}

export function memberOnBoard(board: Board, userId: string): WireMember | undefined {
  if (isState(board)) return board.members.byId.get(userId);
  return board.members.find((member) => member.userId === userId);
}

/** Someone removed from the board may still be named as the author of its annotations. */
export function authorNameOnBoard(board: Board, userId: string): string | undefined {
  if (isState(board)) return board.annotations.authors.get(userId)?.name;
  return board.annotations.find((annotation) => annotation.author.id === userId)?.author.name;
}

function latestBefore<T>(around: Surroundings, pick: (op: ActivityItem) => T | null): T | null {
  let latest: { seq: number; value: T } | null = null;
  for (const op of around.feed) {
    if (op.seq >= around.seq || (latest && op.seq < latest.seq)) continue;
    const value = pick(op);
    if (value !== null) latest = { seq: op.seq, value };
  }
  return latest?.value ?? null;
}

function carriedAnnotation(op: ActivityItem): WireAnnotation | null {
  switch (op.type) {
    case "annotation.created":
    case "annotation.updated":
    case "annotation.restored":
    case "annotation.resolved":
    case "annotation.reopened":
      return op.data;
    default:
      return null;
  }
}

function possessive(name: string): string {
  return `${name}'s`;
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: string[]): string {
  if (words.length < 2) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
