// Which threads the panel shows under a filter, judged again after an op only for the threads the op
// changed: the index keeps an untouched thread's object (lib/annotation-index.ts), and a matcher
// remembers its answer per thread object.
import { type AnnotationFilter, type AnnotationThread, isFilterActive, threadMatches } from "./annotation-filter";
import type { AnnotationIndex } from "./annotation-index";

export type ThreadMatcher = (thread: AnnotationThread) => boolean;

/** Make one per filter, and keep it while the filter stays. */
export function threadMatcher(filter: AnnotationFilter): ThreadMatcher {
  const known = new WeakMap<AnnotationThread, boolean>();
  return (thread) => {
    let matches = known.get(thread);
    if (matches === undefined) {
      matches = threadMatches(thread, filter);
      known.set(thread, matches);
    }
    return matches;
  };
}

/** Head ids of the matching threads, in the panel's order; with no filter, the index's own list. */
export function shownThreadIds(
  index: Pick<AnnotationIndex, "threadOrder" | "threads">,
  filter: AnnotationFilter,
  matches: ThreadMatcher,
): readonly string[] {
  if (!isFilterActive(filter)) return index.threadOrder;
  return index.threadOrder.filter((id) => {
    const thread = index.threads.get(id);
    return thread !== undefined && matches(thread);
  });
}
