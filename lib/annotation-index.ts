// A board's annotations, indexed for the views that show them and kept up to date one annotation at a
// time: by id, threads (head id → its thread, in the panel's order), and the tallies other panels read
// (notes per event, annotations per indicator, authors, tags). Changing one annotation rebuilds only
// what holds it; everything else keeps its identity, so React rows and chart layers can bail out by
// reference (issue 11). The threads are those groupThreads (lib/annotation-filter.ts) makes.
import { type AnnotationThread, oldestFirst } from "./annotation-filter";
import type { WireAnnotation } from "./schemas/annotation";
import { ShardedMap } from "./sharded-map";
import { type ReferencedEntity, referenceOf, targetKindOf } from "./targets/target-kinds";

export type AuthorEntry = {
  /** The name the annotation last added by this author carries. */
  name: string;
  count: number;
};

export type AnnotationIndex = {
  byId: ShardedMap<WireAnnotation>;
  /** Parent id → ids of its replies, oldest first; kept while the parent is gone, to re-thread on restore. */
  repliesOf: ShardedMap<readonly string[]>;
  /** Head id → its thread. A head is a top-level annotation, or a reply whose parent is gone. */
  threads: ShardedMap<AnnotationThread>;
  /** Head ids, newest thread first (the order groupThreads gives). */
  threadOrder: readonly string[];
  /** Event id → annotations on it (replies included). Maps are replaced, never changed in place. */
  notesPerEvent: Map<string, number>;
  /** Indicator id → annotations on a point or a range of it. */
  onIndicator: Map<string, WireAnnotation[]>;
  /** Observation id → annotations on it (replies included); the charts draw them on its indicator. */
  onObservation: Map<string, WireAnnotation[]>;
  /** Author id → name and how many annotations. */
  authors: Map<string, AuthorEntry>;
  /** Tag → how many annotations carry it. */
  tags: Map<string, number>;
  /** Id → annotation, for those on a free point of the map (place targets; the map pins their threads). */
  onPlace: Map<string, WireAnnotation>;
};

/** A full build: what the incremental updates below must always equal (tests/unit/board-state-properties). */
export function indexAnnotations(annotations: readonly WireAnnotation[]): AnnotationIndex {
  const byId = ShardedMap.from(annotations.map((annotation) => [annotation.id, annotation] as const));
  const latest = [...new Map(annotations.map((annotation) => [annotation.id, annotation])).values()];
  const replies = new Map<string, WireAnnotation[]>();
  for (const annotation of latest) {
    if (annotation.parentId === null) continue;
    const list = replies.get(annotation.parentId) ?? [];
    list.push(annotation);
    replies.set(annotation.parentId, list);
  }
  for (const list of replies.values()) list.sort(oldestFirst);
  const heads = latest.filter((annotation) => isHead(annotation, byId)).sort((a, b) => oldestFirst(b, a));
  const draft: AnnotationIndex = {
    byId,
    repliesOf: ShardedMap.from([...replies].map(([parentId, list]) => [parentId, list.map(({ id }) => id)] as const)),
    threads: ShardedMap.from(heads.map((top) => [top.id, { top, replies: replies.get(top.id) ?? [] }] as const)),
    threadOrder: heads.map(({ id }) => id),
    notesPerEvent: new Map(),
    onIndicator: new Map(),
    onObservation: new Map(),
    authors: new Map(),
    tags: new Map(),
    onPlace: new Map(),
  };
  const tallies = mutableTallies(draft);
  for (const annotation of latest) tallies.add(annotation);
  return draft;
}

/** Adds an annotation or replaces the one with its id. The same index when it is the very same object. */
export function upsertAnnotation(index: AnnotationIndex, annotation: WireAnnotation): AnnotationIndex {
  const previous = index.byId.get(annotation.id);
  if (previous === annotation) return index;
  if (previous && (previous.parentId !== annotation.parentId || previous.createdAt !== annotation.createdAt)) {
    // Never sent by the server (neither changes after creation); handled plainly rather than cleverly.
    return upsertAnnotation(removeAnnotation(index, annotation.id), annotation);
  }
  const draft = { ...index, byId: index.byId.set(annotation.id, annotation) };
  retally(draft, previous, annotation);
  if (!previous && annotation.parentId !== null) {
    draft.repliesOf = draft.repliesOf.set(
      annotation.parentId,
      insertSorted(draft.repliesOf.get(annotation.parentId) ?? [], annotation, draft.byId),
    );
  }
  const affected = [annotation.id, annotation.parentId];
  // A new annotation may be the lost parent of replies that headed threads of their own.
  if (!previous) affected.push(...(draft.repliesOf.get(annotation.id) ?? []));
  for (const id of affected) if (id !== null) refreshHead(draft, id);
  return draft;
}

/** Removes the annotation with this id; the same index when there is none. Its replies then head threads. */
export function removeAnnotation(index: AnnotationIndex, id: string): AnnotationIndex {
  const previous = index.byId.get(id);
  if (!previous) return index;
  const draft = { ...index, byId: index.byId.delete(id) };
  retally(draft, previous, undefined);
  if (previous.parentId !== null) {
    const siblings = (draft.repliesOf.get(previous.parentId) ?? []).filter((replyId) => replyId !== id);
    draft.repliesOf = siblings.length
      ? draft.repliesOf.set(previous.parentId, siblings)
      : draft.repliesOf.delete(previous.parentId);
  }
  for (const affected of [id, previous.parentId, ...(draft.repliesOf.get(id) ?? [])]) {
    if (affected !== null) refreshHead(draft, affected);
  }
  return draft;
}

/** The annotations in no particular order (a full pass: for exports of the state, not per op). */
export function allAnnotations(index: AnnotationIndex): WireAnnotation[] {
  return [...index.byId.values()];
}

function isHead(annotation: WireAnnotation, byId: ShardedMap<WireAnnotation>): boolean {
  return annotation.parentId === null || !byId.has(annotation.parentId);
}

/** Brings the thread headed by `id` (if it heads one) and its place in the order up to date. */
function refreshHead(draft: AnnotationIndex, id: string): void {
  const top = draft.byId.get(id);
  const current = draft.threads.get(id);
  if (!top || !isHead(top, draft.byId)) {
    if (current) {
      draft.threadOrder = withoutHead(draft, id, current.top);
      draft.threads = draft.threads.delete(id);
    }
    return;
  }
  const replies: WireAnnotation[] = [];
  for (const replyId of draft.repliesOf.get(id) ?? []) {
    const reply = draft.byId.get(replyId);
    if (reply) replies.push(reply);
  }
  if (current && current.top === top && sameItems(current.replies, replies)) return;
  // The order moves only when the sort key does (never, for what the server sends: see upsertAnnotation).
  const moves = !current || oldestFirst(current.top, top) !== 0;
  if (current && moves) draft.threadOrder = withoutHead(draft, id, current.top);
  const keptReplies = current && sameItems(current.replies, replies) ? current.replies : replies;
  draft.threads = draft.threads.set(id, { top, replies: keptReplies });
  if (moves) draft.threadOrder = withHead(draft, id, top);
}

/** Newest first: the index where `top` goes among the heads. */
function headPosition(draft: AnnotationIndex, top: WireAnnotation): number {
  const order = draft.threadOrder;
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = draft.threads.get(order[middle] as string)?.top;
    if (other && oldestFirst(top, other) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

// One copy of the ids per change (toSpliced): the one step here that grows with the board, a
// pointer copy of about a millisecond per 20,000 threads at worst.
function withHead(draft: AnnotationIndex, id: string, top: WireAnnotation): readonly string[] {
  return draft.threadOrder.toSpliced(headPosition(draft, top), 0, id);
}

function withoutHead(draft: AnnotationIndex, id: string, top: WireAnnotation): readonly string[] {
  const guess = headPosition(draft, top);
  const at = draft.threadOrder[guess] === id ? guess : draft.threadOrder.indexOf(id);
  return at < 0 ? draft.threadOrder : draft.threadOrder.toSpliced(at, 1);
}

/** Reply ids stay oldest first. */
function insertSorted(ids: readonly string[], reply: WireAnnotation, byId: ShardedMap<WireAnnotation>) {
  let at = ids.length;
  while (at > 0) {
    const before = byId.get(ids[at - 1] as string);
    if (!before || oldestFirst(before, reply) <= 0) break;
    at--;
  }
  return [...ids.slice(0, at), reply.id, ...ids.slice(at)];
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Moves the tallies from `previous` to `next`, replacing only the maps whose counts change. */
function retally(draft: AnnotationIndex, previous: WireAnnotation | undefined, next: WireAnnotation | undefined) {
  if (eventOf(previous) !== eventOf(next)) {
    draft.notesPerEvent = new Map(draft.notesPerEvent);
    bump(draft.notesPerEvent, eventOf(previous), -1);
    bump(draft.notesPerEvent, eventOf(next), 1);
  }
  if (indicatorOf(previous) !== null || indicatorOf(next) !== null) moveOnIndicator(draft, previous, next);
  if (previous?.author.id !== next?.author.id || previous?.author.name !== next?.author.name) {
    draft.authors = new Map(draft.authors);
    if (previous) countAuthor(draft.authors, previous, -1);
    if (next) countAuthor(draft.authors, next, 1);
  }
  if (observationOf(previous) !== null || observationOf(next) !== null) moveOnObservation(draft, previous, next);
  if (previous?.target.type === "place" || next?.target.type === "place") {
    draft.onPlace = new Map(draft.onPlace);
    if (previous) draft.onPlace.delete(previous.id);
    if (next?.target.type === "place") draft.onPlace.set(next.id, next);
  }
  const tagsBefore = new Set(previous?.tags);
  const tagsAfter = new Set(next?.tags);
  if (tagsBefore.size !== tagsAfter.size || [...tagsBefore].some((tag) => !tagsAfter.has(tag))) {
    draft.tags = new Map(draft.tags);
    for (const tag of tagsBefore) bump(draft.tags, tag, -1);
    for (const tag of tagsAfter) bump(draft.tags, tag, 1);
  }
}

/** For the full build: counts into the draft's own fresh maps. */
function mutableTallies(draft: AnnotationIndex) {
  return {
    add(annotation: WireAnnotation) {
      const eventId = eventOf(annotation);
      if (eventId !== null) bump(draft.notesPerEvent, eventId, 1);
      const indicatorId = indicatorOf(annotation);
      if (indicatorId !== null) {
        const list = draft.onIndicator.get(indicatorId) ?? [];
        list.push(annotation);
        draft.onIndicator.set(indicatorId, list);
      }
      const observationId = observationOf(annotation);
      if (observationId !== null) {
        const list = draft.onObservation.get(observationId) ?? [];
        list.push(annotation);
        draft.onObservation.set(observationId, list);
      }
      if (annotation.target.type === "place") draft.onPlace.set(annotation.id, annotation);
      countAuthor(draft.authors, annotation, 1);
      for (const tag of new Set(annotation.tags)) bump(draft.tags, tag, 1);
    },
  };
}

function indicatorOf(annotation: WireAnnotation | undefined): string | null {
  return annotation ? targetKindOf(annotation.target).indicatorOf(annotation.target) : null;
}

/** Replaces in place when the annotation stays on the same indicator, so the markers keep their order. */
function moveOnIndicator(
  draft: AnnotationIndex,
  previous: WireAnnotation | undefined,
  next: WireAnnotation | undefined,
) {
  const onIndicator = new Map(draft.onIndicator);
  const from = indicatorOf(previous);
  const to = indicatorOf(next);
  if (from !== null && previous) {
    const list = onIndicator.get(from) ?? [];
    const kept =
      from === to && next
        ? list.map((item) => (item.id === previous.id ? next : item))
        : list.filter((item) => item.id !== previous.id);
    if (kept.length) onIndicator.set(from, kept);
    else onIndicator.delete(from);
  }
  if (to !== null && next && from !== to) onIndicator.set(to, [...(onIndicator.get(to) ?? []), next]);
  draft.onIndicator = onIndicator;
}

function countAuthor(authors: Map<string, AuthorEntry>, annotation: WireAnnotation, delta: 1 | -1) {
  const { id, name } = annotation.author;
  const count = (authors.get(id)?.count ?? 0) + delta;
  if (count <= 0) authors.delete(id);
  else authors.set(id, { name: delta > 0 ? name : (authors.get(id)?.name ?? name), count });
}

function bump(counts: Map<string, number>, key: string | null, delta: 1 | -1) {
  if (key === null) return;
  const count = (counts.get(key) ?? 0) + delta;
  if (count <= 0) counts.delete(key);
  else counts.set(key, count);
}

/** The id of the `entity` an annotation is on, as its target kind says (lib/targets/target-kinds.ts). */
function referencedBy(entity: ReferencedEntity, annotation: WireAnnotation | undefined): string | null {
  const reference = annotation ? referenceOf(annotation.target) : null;
  return reference?.entity === entity ? reference.id : null;
}

function eventOf(annotation: WireAnnotation | undefined): string | null {
  return referencedBy("event", annotation);
}

function observationOf(annotation: WireAnnotation | undefined): string | null {
  return referencedBy("observation", annotation);
}

/** As moveOnIndicator, for annotations on an observation. */
function moveOnObservation(
  draft: AnnotationIndex,
  previous: WireAnnotation | undefined,
  next: WireAnnotation | undefined,
) {
  const onObservation = new Map(draft.onObservation);
  const from = observationOf(previous);
  const to = observationOf(next);
  if (from !== null && previous) {
    const kept =
      from === to && next
        ? (onObservation.get(from) ?? []).map((item) => (item.id === previous.id ? next : item))
        : (onObservation.get(from) ?? []).filter((item) => item.id !== previous.id);
    if (kept.length) onObservation.set(from, kept);
    else onObservation.delete(from);
  }
  if (to !== null && next && from !== to) onObservation.set(to, [...(onObservation.get(to) ?? []), next]);
  draft.onObservation = onObservation;
}
