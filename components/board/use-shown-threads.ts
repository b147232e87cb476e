"use client";
// The head ids of the threads the panel lists under the filter; see lib/shown-threads.ts.
import { useMemo } from "react";
import type { AnnotationFilter } from "@/lib/annotation-filter";
import type { AnnotationIndex } from "@/lib/annotation-index";
import { shownThreadIds, threadMatcher } from "@/lib/shown-threads";

export function useShownThreads(index: AnnotationIndex, filter: AnnotationFilter): readonly string[] {
  const matcher = useMemo(() => threadMatcher(filter), [filter]);
  const { threadOrder, threads } = index;
  return useMemo(
    () => shownThreadIds({ threadOrder, threads }, filter, matcher),
    [threadOrder, threads, filter, matcher],
  );
}
