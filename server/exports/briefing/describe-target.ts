// What an annotation is about, in words a reader of a printed briefing can follow without the board.
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";

const numberFormat = new Intl.NumberFormat("en-GB");

export function describeTarget(target: TAnnotationTarget, snapshot: BoardSnapshot): string {
  const indicatorName = (id: string) =>
    snapshot.indicators.find((indicator) => indicator.id === id)?.name ?? "an indicator";
  switch (target.type) {
    case "board":
      return "the whole board";
    case "event": {
      const index = snapshot.events.findIndex((event) => event.id === target.eventId);
      const event = snapshot.events[index];
      return event ? `event ${index + 1}, ${event.title}` : "an event";
    }
    case "indicator":
      return `${indicatorName(target.indicatorId)} at ${formatUtc(target.at)}`;
    case "indicator-range":
      return `${indicatorName(target.indicatorId)}, ${formatUtc(target.from)} – ${formatUtc(target.to)}`;
    case "observation": {
      for (const indicator of snapshot.indicators) {
        const observation = indicator.observations.find((candidate) => candidate.id === target.observationId);
        if (!observation) continue;
        const grade =
          observation.sourceReliability && observation.infoCredibility
            ? `, graded ${observation.sourceReliability}${observation.infoCredibility}`
            : "";
        return `${indicator.name}: ${numberFormat.format(observation.value)} ${indicator.unit} at ${formatUtc(observation.observedAt)}${grade}`;
      }
      return "an observation";
    }
  }
}
