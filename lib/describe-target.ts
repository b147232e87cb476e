// Describes an annotation target in words: the panel, the composer, the activity feed and the CSV export
// all say it the same way.
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";

export function describeTarget(target: TAnnotationTarget, snapshot: BoardSnapshot): string {
  switch (target.type) {
    case "board":
      return "the board";
    case "event":
      return snapshot.events.find((event) => event.id === target.eventId)?.title ?? "an event";
    case "indicator":
      return `${indicatorName(snapshot, target.indicatorId)} at ${formatUtc(target.at)}`;
    case "indicator-range":
      return `${indicatorName(snapshot, target.indicatorId)}, ${formatUtc(target.from)} – ${formatUtc(target.to)}`;
    case "observation": {
      for (const indicator of snapshot.indicators) {
        const observation = indicator.observations.find((candidate) => candidate.id === target.observationId);
        if (observation) return `${indicator.name}: ${observation.value} at ${formatUtc(observation.observedAt)}`;
      }
      return "an observation";
    }
  }
}

function indicatorName(snapshot: BoardSnapshot, indicatorId: string): string {
  return snapshot.indicators.find((indicator) => indicator.id === indicatorId)?.name ?? "an indicator";
}
