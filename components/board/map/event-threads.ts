// The thread a marker click brings into view in the annotations panel: the newest one on the event.
import type { AnnotationIndex } from "@/lib/annotation-index";

/** Head id of the newest thread whose top annotation is on the event, or null when it has none. */
export function newestThreadOn(
  index: Pick<AnnotationIndex, "threadOrder" | "threads">,
  eventId: string,
): string | null {
  // threadOrder is newest first, so the first match is the one; a click, not a per-op path.
  for (const threadId of index.threadOrder) {
    const target = index.threads.get(threadId)?.top.target;
    if (target?.type === "event" && target.eventId === eventId) return threadId;
  }
  return null;
}
