// Event numbers sit above the first chart; events days apart would print "10", "11", "12" on top of
// each other, so a number that would touch its neighbour moves up a lane.
import type { NumberedEvent } from "./chart-model";

/** Where the plot starts and ends inside a panel: the Y axis (56) and margins of IndicatorPanel. */
export const PLOT_INSET = { left: 60, right: 16 } as const;
export const EVENT_LABEL_FONT_SIZE = 10;
export const EVENT_LABEL_LANE_HEIGHT = 11;
const MAX_LANES = 3;
/** Two digits of 10 px DejaVu Sans and a little air. */
const LABEL_SPACING = 16;

export function eventLabelLanes(events: NumberedEvent[], [start, end]: [number, number], chartWidth: number): number[] {
  const plotWidth = chartWidth - PLOT_INSET.left - PLOT_INSET.right;
  const span = Math.max(1, end - start);
  const lastXInLane: number[] = [];
  return events.map(({ t }) => {
    const x = ((t - start) / span) * plotWidth;
    const free = lastXInLane.findIndex((last) => x - last >= LABEL_SPACING);
    const lane = free !== -1 ? free : lastXInLane.length < MAX_LANES ? lastXInLane.length : leastRecent(lastXInLane);
    lastXInLane[lane] = x;
    return lane;
  });
}

function leastRecent(lastXInLane: number[]): number {
  return lastXInLane.indexOf(Math.min(...lastXInLane));
}

/** Room above the plot for the labels: the board page's 22 px for one lane, more for more. */
export function eventLabelRoom(lanes: number[]): number {
  // A loop, not Math.max(...lanes): a lane per event, and a board may hold more events than a call takes arguments.
  const laneCount = lanes.reduce((most, lane) => Math.max(most, lane), 0) + 1;
  return 22 + (laneCount - 1) * EVENT_LABEL_LANE_HEIGHT;
}
