"use client";
// The keyboard's way to pick a point (the chart itself is clicked with a mouse). It lists the
// observations in view; a list too long to scroll lists the drawn points instead, and says to zoom in.
import { memo } from "react";
import type { ChartPoint } from "@/lib/charts/display-series";
import type { WireIndicator, WireObservation } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";

/** Past this many options a select is slow to open and no help to scroll through. */
const LONGEST_LIST = 1_000;
const numberFormat = new Intl.NumberFormat("en-GB");

type Props = {
  indicator: WireIndicator;
  /** The observations in the visible range, in time order. */
  inView: ChartPoint[];
  /** The points the chart draws: the ones in view, thinned to the chart's width. */
  drawn: ChartPoint[];
  onPick: (observation: WireObservation) => void;
};

export const PointPicker = memo(function PointPicker({ indicator, inView, drawn, onPick }: Props) {
  const thinned = inView.length > LONGEST_LIST;
  const listed = thinned ? drawn : inView;
  return (
    <select
      className="point-picker"
      aria-label={`Annotate a point of ${indicator.name}`}
      value=""
      onChange={(event) => {
        const point = listed.find((candidate) => candidate.observation.id === event.target.value);
        if (point) onPick(point.observation);
      }}
    >
      <option value="">
        {thinned ? `Annotate a point… (${listed.length} of ${inView.length}; zoom in for all)` : "Annotate a point…"}
      </option>
      {listed.map(({ observation }) => (
        <option key={observation.id} value={observation.id}>
          {formatUtc(observation.observedAt)} · {numberFormat.format(observation.value)}
        </option>
      ))}
    </select>
  );
});
