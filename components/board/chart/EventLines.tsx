"use client";
// The board's events on a chart's time axis: one dashed line each, numbered as in the timeline. One SVG
// group, not a recharts ReferenceLine per event: each of those registers in the chart's store and re-runs
// its selectors for all the others, which made 40 events on 5 charts cost about a second on a big board
// (issue 11, docs/BENCHMARKS.md scenario 5).
import { memo } from "react";
import { usePlotArea, useXAxisScale } from "recharts";
import type { TimeRange } from "@/lib/charts/time-range";

export type EventMark = { id: string; t: number; number: number };

type Props = { events: readonly EventMark[]; view: TimeRange; showNumbers: boolean; fontSize: number };

export const EventLines = memo(function EventLines({ events, view, showNumbers, fontSize }: Props) {
  const plotArea = usePlotArea();
  const xScale = useXAxisScale();
  if (!plotArea || !xScale) return null;
  const { y: top, height } = plotArea;
  return (
    <g className="chart-event-lines">
      {events.map((event) => {
        // An event outside the view is not drawn, as a ReferenceLine outside the domain is not.
        if (event.t < view[0] || event.t > view[1]) return null;
        const x = xScale(event.t);
        if (x === undefined) return null;
        return (
          <g key={event.id}>
            <line x1={x} x2={x} y1={top} y2={top + height} stroke="var(--event-line)" strokeDasharray="2 3" />
            {showNumbers ? (
              <text x={x} y={top - 4} fontSize={fontSize} fill="var(--muted)" textAnchor="middle">
                {event.number}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
