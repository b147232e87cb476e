// The evidence of events and observations (issue 15): the passage annotations a confirmed candidate left,
// found by their `evidenceFor`, keyed by what they are evidence for, each with its source's title, its
// quote and where to open it (its anchor in the current version, else the span it was written on).
import type { AnnotationThread } from "@/lib/annotation-filter";
import type { WireSource } from "@/lib/schemas/board";
import type { ShardedMap } from "@/lib/sharded-map";
import { passageTargetOf } from "./passages";

export type Evidence = {
  annotationId: string;
  sourceId: string;
  sourceTitle: string;
  quote: string;
  /** Where the passage is to be read: a version and an offset in it. */
  version: number;
  offset: number;
  /** Its passage is no longer found in the current version. */
  lost: boolean;
};

export type EvidenceKey = `event:${string}` | `observation:${string}`;

export function evidenceKey(of: { type: "event" | "observation"; id: string }): EvidenceKey {
  return `${of.type}:${of.id}`;
}

export function evidenceIndex(
  threads: { order: readonly string[]; byHead: ShardedMap<AnnotationThread> },
  sources: ReadonlyMap<string, Pick<WireSource, "title">>,
): Map<EvidenceKey, Evidence[]> {
  const index = new Map<EvidenceKey, Evidence[]>();
  for (const id of threads.order) {
    const top = threads.byHead.get(id)?.top;
    const target = top ? passageTargetOf(top) : null;
    if (!top?.evidenceFor || !target) continue;
    const key = evidenceKey(
      top.evidenceFor.type === "event"
        ? { type: "event", id: top.evidenceFor.eventId }
        : { type: "observation", id: top.evidenceFor.observationId },
    );
    const anchor = top.anchor;
    const place = anchor?.status === "anchored" ? { version: anchor.version, offset: anchor.start } : null;
    const list = index.get(key) ?? [];
    list.push({
      annotationId: top.id,
      sourceId: target.sourceId,
      sourceTitle: sources.get(target.sourceId)?.title ?? "a deleted source",
      quote: target.exact,
      version: place?.version ?? target.version,
      offset: place?.offset ?? target.start,
      lost: anchor?.status === "orphaned",
    });
    index.set(key, list);
  }
  return index;
}
