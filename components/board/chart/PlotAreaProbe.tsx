"use client";
// Renders nothing; keeps a chart's plot area (where its axes put the data, in the chart's pixels) in a
// ref, so pointer handlers outside the chart's tree can turn a mouse position into a time.
import { type RefObject, useEffect } from "react";
import { type PlotArea, usePlotArea } from "recharts";

export function PlotAreaProbe({ plotAreaRef }: { plotAreaRef: RefObject<PlotArea | undefined> }) {
  const plotArea = usePlotArea();
  useEffect(() => {
    plotAreaRef.current = plotArea;
  }, [plotArea, plotAreaRef]);
  return null;
}
