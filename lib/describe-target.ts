// Describes an annotation target in words: the panel, the composer, the activity feed and the CSV export
// all say it the same way.
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import { type TargetSource, targetIndex } from "@/lib/target-index";
import { formatUtc } from "@/lib/time";

/** `board` is a wire snapshot or a live board state (lib/board-state.ts). */
export function describeTarget(target: TAnnotationTarget, board: TargetSource): string {
  const index = targetIndex(board);
  switch (target.type) {
    case "board":
      return "the board";
    case "event":
      return index.event(target.eventId)?.title ?? "an event";
    case "indicator":
      return `${indicatorName(index.indicator(target.indicatorId))} at ${formatUtc(target.at)}`;
    case "indicator-range":
      return `${indicatorName(index.indicator(target.indicatorId))}, ${formatUtc(target.from)} – ${formatUtc(target.to)}`;
    case "observation": {
      const found = index.observation(target.observationId);
      if (!found) return "an observation";
      const { indicator, observation } = found;
      return `${indicator.name}: ${observation.value} at ${formatUtc(observation.observedAt)}`;
    }
  }
}

function indicatorName(indicator: { name: string } | undefined): string {
  return indicator?.name ?? "an indicator";
}
