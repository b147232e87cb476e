// One annotation target of each kind, pointing at the given board's content: the per-kind tests
// (tests/unit/target-kinds.test.ts, tests/integration/target-kinds.test.ts) run over these. A new kind
// needs its sample here; the compiler says so.
import type { TargetOf, TargetType } from "@/lib/targets/target-kinds";

export type SampleContent = { eventId: string; indicatorId: string; observationId: string; sourceId: string };

/** Version 1 of the sample source's document, which the passage sample quotes. */
export const SAMPLE_DOCUMENT =
  "Wrap-up of the week: roughly 100,000 troops near Ukraine; talks open in Geneva on Monday.";
const SAMPLE_QUOTE = "roughly 100,000 troops";
const SAMPLE_START = SAMPLE_DOCUMENT.indexOf(SAMPLE_QUOTE);

export function targetSamplesOn(content: SampleContent): { [T in TargetType]: TargetOf<T> } {
  return {
    board: { type: "board" },
    event: { type: "event", eventId: content.eventId },
    indicator: { type: "indicator", indicatorId: content.indicatorId, at: "2022-01-08T12:00:00.000Z" },
    "indicator-range": {
      type: "indicator-range",
      indicatorId: content.indicatorId,
      from: "2022-01-01T00:00:00.000Z",
      to: "2022-01-15T06:30:00.000Z",
    },
    observation: { type: "observation", observationId: content.observationId },
    "source-span": {
      type: "source-span",
      sourceId: content.sourceId,
      version: 1,
      start: SAMPLE_START,
      end: SAMPLE_START + SAMPLE_QUOTE.length,
      exact: SAMPLE_QUOTE,
    },
    // Coordinates that a decimal rendering could round or reorder: a point south and west, to five places.
    place: { type: "place", lon: -70.66925, lat: -33.45694, label: "Santiago de Chile" },
  };
}
