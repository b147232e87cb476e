// The lookups a target's description reads from (built by lib/target-index.ts). Its own module so the
// target table can name it without importing target-index.ts, which imports lib/board-state.ts, which
// imports the target table: that was an import circle.
import type { WireEvent, WireIndicator, WireObservation, WireSource } from "@/lib/schemas/board";

export type ObservationEntry = { indicator: WireIndicator; observation: WireObservation };

export type TargetIndex = {
  event: (eventId: string) => WireEvent | undefined;
  indicator: (indicatorId: string) => WireIndicator | undefined;
  observation: (observationId: string) => ObservationEntry | undefined;
  source: (sourceId: string) => WireSource | undefined;
};
