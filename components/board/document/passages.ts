// The passage annotations of one document, read from the live board state: where each is highlighted in
// the version shown, and which lost their passage in the current version (the orphans).
import type { AnnotationThread } from "@/lib/annotation-filter";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { ShardedMap } from "@/lib/sharded-map";
import type { TargetOf } from "@/lib/targets/target-kinds";
import type { Highlight } from "./highlight-segments";

export type PassageTarget = TargetOf<"source-span">;

export function passageTargetOf(annotation: WireAnnotation): PassageTarget | null {
  return annotation.target.type === "source-span" ? annotation.target : null;
}

export type DocumentPassages = { highlights: Highlight[]; orphans: WireAnnotation[] };

/**
 * Threads on the source, from their top annotation. In the current version a note sits at its anchor; in
 * an older one, at the span it was written on when that is the version shown (its anchor speaks only of
 * the current version).
 */
export function documentPassages(
  threads: { order: readonly string[]; byHead: ShardedMap<AnnotationThread> },
  sourceId: string,
  shownVersion: number,
  currentVersion: number,
): DocumentPassages {
  const highlights: Highlight[] = [];
  const orphans: WireAnnotation[] = [];
  for (const id of threads.order) {
    const top = threads.byHead.get(id)?.top;
    const target = top ? passageTargetOf(top) : null;
    if (!top || !target || target.sourceId !== sourceId) continue;
    const anchor = top.anchor;
    if (anchor?.status === "orphaned" && anchor.version === currentVersion) orphans.push(top);
    const place =
      anchor?.status === "anchored" && anchor.version === shownVersion
        ? anchor
        : target.version === shownVersion && anchor?.version !== shownVersion
          ? target
          : null;
    if (place) highlights.push({ id: top.id, start: place.start, end: place.end, kind: top.kind });
  }
  return { highlights, orphans };
}

/** "“roughly 100,000 men…”": a quote short enough for a line. */
export function shortQuote(exact: string, length = 60): string {
  const flat = exact.replace(/\s+/g, " ").trim();
  return `“${flat.length > length ? `${flat.slice(0, length - 1)}…` : flat}”`;
}
