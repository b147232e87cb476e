// The types of where an annotation is drawn on a chart, apart from annotation-markers.ts so that the
// target table (lib/targets/target-kinds.ts), which says it for each kind, imports no chart code back.
import type { WireObservation } from "@/lib/schemas/board";

/** The chart an annotation may be drawn on: an indicator, and its observations by id. */
export type MarkedIndicator = { id: string; observation: (observationId: string) => WireObservation | undefined };

/** Where an annotation is drawn on one indicator's chart; `observation` is the figure it was made on, if any. */
export type MarkerPlace =
  | { type: "point"; t: number; observation: WireObservation | null }
  | { type: "range"; from: number; to: number };
