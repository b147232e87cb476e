"use client";
// The annotation filter kept in the page's query string, so a filtered view survives a reload and can be
// shared as a link. The URL is replaced, not pushed: narrowing a list is not a step worth going back to.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type AnnotationFilter, parseFilter, withFilter } from "@/lib/annotation-filter";

export function useUrlFilter(): [AnnotationFilter, (filter: AnnotationFilter) => void] {
  const searchParams = useSearchParams();

  const pathname = usePathname();
  const filter = useMemo(() => parseFilter(searchParams), [searchParams]);
  const setFilter = useCallback(
    (next: AnnotationFilter) => {
      const query = withFilter(searchParams, next).toString();
      // history.replaceState updates useSearchParams without asking the server to render the page again.
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname, searchParams],
  );
  return [filter, setFilter];
}
