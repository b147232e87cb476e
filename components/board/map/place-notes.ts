// Notes written on free points of the map (place targets), to pin them where they were written. Read from
// the thread order, which changes when a thread comes or goes, not when one is replied to; the answer keeps
// its identity while the pins stay the same, so the map does not redraw for a note elsewhere.
import { useMemo, useRef } from "react";
import type { AnnotationIndex } from "@/lib/annotation-index";

export type PlaceNote = { threadId: string; longitude: number; latitude: number; label: string };

export function placeNotesOf(index: Pick<AnnotationIndex, "threadOrder" | "threads">): PlaceNote[] {
  const notes: PlaceNote[] = [];
  for (const threadId of index.threadOrder) {
    const target = index.threads.get(threadId)?.top.target;
    if (target?.type === "place")
      notes.push({ threadId, longitude: target.lon, latitude: target.lat, label: target.label });
  }
  return notes;
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
  // A thread's target never changes, so the pins change only with the thread order; the threads map,
  // replaced at every reply and edit, is read as it is when the order changes.
  const threads = useRef(index?.threads);
  threads.current = index?.threads;
  const threadOrder = index?.threadOrder;
  return useMemo(() => {
    const next = threadOrder && threads.current ? placeNotesOf({ threadOrder, threads: threads.current }) : [];
    if (samePlaceNotes(kept.current, next)) return kept.current;
    kept.current = next;
    return next;
  }, [threadOrder]);
}
