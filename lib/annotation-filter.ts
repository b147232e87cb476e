// Narrowing the annotation panel to the threads an analyst is looking for, and carrying that choice in
// the page's query string so a filtered view can be shared or reloaded.
//
// - parseFilter / serializeFilter / withFilter: query string <-> AnnotationFilter. Parsing never throws;
//   values it does not know are dropped. Defaults are left out, so the empty filter is the empty query.
// - groupThreads, threadMatches, filterThreads: the panel's unit is the thread (a top-level annotation
//   and its replies, one level deep). A thread matches when its top annotation or any one reply meets
//   every per-annotation criterion (tags, authors, kinds, target types, text); `status` is judged on
//   the top annotation alone, since only threads are resolved.
// - matchesFilter: the same judgement for one annotation, which stands or falls with its thread.
import { ANNOTATION_KINDS, type WireAnnotation } from "./schemas/annotation";
import { LIMITS } from "./schemas/common";
import { TARGET_TYPES, type TargetType } from "./targets/target-kinds";

export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
export { TARGET_TYPES, type TargetType };
export const THREAD_STATUSES = ["all", "open", "resolved"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Within a criterion any listed value will do; across criteria all must hold. Empty lists allow all. */
export type AnnotationFilter = {
  tags: string[];
  authorIds: string[];
  kinds: AnnotationKind[];
  targetTypes: TargetType[];
  status: ThreadStatus;
  /** Every whitespace-separated word must occur in the body, a tag or the author's name. */
  text: string;
  /** Only passages of this source's document (the document pane's "On: this document", issue 14). */
  sourceId?: string;
};

export const EMPTY_FILTER: AnnotationFilter = {
  tags: [],
  authorIds: [],
  kinds: [],
  targetTypes: [],
  status: "all",
  text: "",
};

const PARAM = {
  tag: "tag",
  author: "author",
  kind: "kind",
  target: "target",
  status: "status",
  text: "q",
  source: "source",
} as const;
export const FILTER_PARAM_NAMES: readonly string[] = Object.values(PARAM);

/** Longer than any real user id; a bound so a hand-edited URL cannot smuggle in megabytes. */
const MAX_AUTHOR_ID_LENGTH = 200;
const MAX_TEXT_LENGTH = 500;

/** Accepts URLSearchParams and Next's ReadonlyURLSearchParams alike. */
type QueryReader = Pick<URLSearchParams, "get" | "getAll">;

export function parseFilter(params: QueryReader): AnnotationFilter {
  const status = params.get(PARAM.status);
  return {
    tags: unique(params.getAll(PARAM.tag).map((tag) => tag.trim())).filter(
      (tag) => tag.length > 0 && tag.length <= LIMITS.tagLength,
    ),
    authorIds: unique(params.getAll(PARAM.author)).filter(
      (id) => id.trim() === id && id.length > 0 && id.length <= MAX_AUTHOR_ID_LENGTH,
    ),
    kinds: inCanonicalOrder(ANNOTATION_KINDS, params.getAll(PARAM.kind)),
    targetTypes: inCanonicalOrder(TARGET_TYPES, params.getAll(PARAM.target)),
    status: THREAD_STATUSES.find((known) => known === status) ?? "all",
    // Not trimmed: the search box may be mid-word ("troop ") while the URL follows it.
    text: (params.get(PARAM.text) ?? "").slice(0, MAX_TEXT_LENGTH),
    ...sourceParam(params.get(PARAM.source)),
  };
}

function sourceParam(sourceId: string | null): { sourceId?: string } {
  return sourceId && sourceId.length <= MAX_AUTHOR_ID_LENGTH && sourceId.trim() === sourceId ? { sourceId } : {};
}

export function serializeFilter(filter: AnnotationFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const tag of unique(filter.tags)) params.append(PARAM.tag, tag);
  for (const authorId of unique(filter.authorIds)) params.append(PARAM.author, authorId);
  for (const kind of inCanonicalOrder(ANNOTATION_KINDS, filter.kinds)) params.append(PARAM.kind, kind);
  for (const type of inCanonicalOrder(TARGET_TYPES, filter.targetTypes)) params.append(PARAM.target, type);
  if (filter.status !== "all") params.set(PARAM.status, filter.status);
  if (filter.text.trim()) params.set(PARAM.text, filter.text);
  if (filter.sourceId) params.set(PARAM.source, filter.sourceId);
  return params;
}

/** The page's other query parameters, kept, with the filter's replaced by `filter`. */
export function withFilter(params: Iterable<[string, string]>, filter: AnnotationFilter): URLSearchParams {
  const merged = new URLSearchParams();
  for (const [name, value] of params) if (!FILTER_PARAM_NAMES.includes(name)) merged.append(name, value);
  for (const [name, value] of serializeFilter(filter)) merged.append(name, value);
  return merged;
}

export function isFilterActive(filter: AnnotationFilter): boolean {
  return serializeFilter(filter).size > 0;
}

export type AnnotationThread = { top: WireAnnotation; replies: WireAnnotation[] };

/**
 * Threads, newest first; replies oldest first. A reply whose top annotation is not in the list (it was
 * deleted) heads a thread of its own, so the panel never loses what the server still shows.
 */
export function groupThreads(annotations: readonly WireAnnotation[]): AnnotationThread[] {
  const ids = new Set(annotations.map((annotation) => annotation.id));
  const threads = new Map<string, AnnotationThread>();
  const repliesByTop = new Map<string, WireAnnotation[]>();
  for (const annotation of annotations) {
    if (annotation.parentId !== null && ids.has(annotation.parentId)) {
      const replies = repliesByTop.get(annotation.parentId) ?? [];
      replies.push(annotation);
      repliesByTop.set(annotation.parentId, replies);
    } else {
      threads.set(annotation.id, { top: annotation, replies: [] });
    }
  }
  for (const [topId, replies] of repliesByTop) {
    const thread = threads.get(topId);
    if (thread) thread.replies = replies.sort(oldestFirst);
  }
  return [...threads.values()].sort((a, b) => oldestFirst(b.top, a.top));
}

export function threadMatches(thread: AnnotationThread, filter: AnnotationFilter): boolean {
  if (!statusMatches(thread.top, filter.status)) return false;
  const words = searchWords(filter.text);
  return [thread.top, ...thread.replies].some((annotation) => annotationMatches(annotation, filter, words));
}

/** The top-level annotations of the matching threads, newest first. */
export function filterThreads(annotations: readonly WireAnnotation[], filter: AnnotationFilter): WireAnnotation[] {
  return groupThreads(annotations)
    .filter((thread) => threadMatches(thread, filter))
    .map((thread) => thread.top);
}

/** Whether `annotation` is shown under `filter`: whether its thread, found in `context.annotations`, matches. */
export function matchesFilter(
  annotation: WireAnnotation,
  filter: AnnotationFilter,
  context: { annotations: readonly WireAnnotation[] },
): boolean {
  const thread = groupThreads(context.annotations).find(
    (candidate) => candidate.top.id === annotation.id || candidate.top.id === annotation.parentId,
  );
  // An annotation the context does not hold is judged by itself.
  return threadMatches(thread ?? { top: annotation, replies: [] }, filter);
}

function statusMatches(top: WireAnnotation, status: ThreadStatus): boolean {
  if (status === "open") return top.resolvedAt === null;
  if (status === "resolved") return top.resolvedAt !== null;
  return true;
}

function annotationMatches(annotation: WireAnnotation, filter: AnnotationFilter, words: string[]): boolean {
  if (filter.tags.length && !annotation.tags.some((tag) => filter.tags.includes(tag))) return false;
  if (filter.authorIds.length && !filter.authorIds.includes(annotation.author.id)) return false;
  if (filter.kinds.length && !filter.kinds.includes(annotation.kind)) return false;
  if (filter.targetTypes.length && !filter.targetTypes.includes(annotation.target.type)) return false;
  if (filter.sourceId && !("sourceId" in annotation.target && annotation.target.sourceId === filter.sourceId)) {
    return false;
  }
  if (!words.length) return true;
  const haystack = foldForSearch([annotation.body, ...annotation.tags, annotation.author.name].join("\n"));
  return words.every((word) => haystack.includes(word));
}

function searchWords(text: string): string[] {
  return foldForSearch(text).split(/\s+/).filter(Boolean);
}

/** Case- and accent-insensitive, so "zoe" finds "Zoë" and "GENEVA" finds "Geneva". */
function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Creation order, ties broken by id: replies read in it, threads are listed in its reverse. ISO instants
 * and ids compare by code unit, which orders them as collation would and costs far less on 20,000 threads.
 */
export function oldestFirst(a: WireAnnotation, b: WireAnnotation): number {
  return compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Known values only, once each, in the order they are declared: the same choice gives the same URL. */
function inCanonicalOrder<T extends string>(known: readonly T[], values: readonly string[]): T[] {
  return known.filter((value) => values.includes(value));
}
