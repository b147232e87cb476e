// Notes written on free points of the map (place targets), to pin them where they were written. Read from
// the index's tally of place annotations, so a note elsewhere costs nothing here, and a new thread costs a
// pass over the place notes alone; the answer keeps its identity while the pins stay the same.
import { useMemo, useRef } from "react";
import { oldestFirst } from "@/lib/annotation-filter";
import type { AnnotationIndex } from "@/lib/annotation-index";

export type PlaceNote = { threadId: string; longitude: number; latitude: number; label: string };

/** A pin per thread headed by a note on a place (a reply whose parent is gone heads one), newest first. */
export function placeNotesOf(index: Pick<AnnotationIndex, "onPlace" | "threads">): PlaceNote[] {
  const heads = [...index.onPlace.values()].filter((annotation) => index.threads.has(annotation.id));
  heads.sort((a, b) => oldestFirst(b, a));
  return heads.flatMap(({ id, target }) =>
    target.type === "place" ? [{ threadId: id, longitude: target.lon, latitude: target.lat, label: target.label }] : [],
  );
}

export function samePlaceNotes(left: readonly PlaceNote[], right: readonly PlaceNote[]): boolean {
  return (
    left.length === right.length &&
    left.every((note, at) => {
      const other = right[at];
      return (
        other !== undefined &&
        note.threadId === other.threadId &&
        note.longitude === other.longitude &&
        note.latitude === other.latitude &&
        note.label === other.label
      );
    })
  );
}

/** placeNotesOf, answering the previous list while its contents have not changed. */
export function usePlaceNotes(index: AnnotationIndex | undefined): readonly PlaceNote[] {
  const kept = useRef<PlaceNote[]>([]);
  // Which place notes head threads changes with the tally or the thread order; the threads map, replaced
  // at every reply and edit, is read as it is when either changes.
  const threads = useRef(index?.threads);
  threads.current = index?.threads;
  const onPlace = index?.onPlace;
  const threadOrder = index?.threadOrder;
  return useMemo(() => {
    void threadOrder;
    const next = onPlace && threads.current ? placeNotesOf({ onPlace, threads: threads.current }) : [];
    if (samePlaceNotes(kept.current, next)) return kept.current;
    kept.current = next;
    return next;
  }, [onPlace, threadOrder]);
}
