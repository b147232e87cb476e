"use client";
// Playing the board's time range: the period on show when Play was pressed is walked a day at a time
// through the board's shared range (so the timeline and the charts follow the map), and when its last day
// has shown, or on Stop, the range the analyst had comes back.
import { useCallback, useEffect, useState } from "react";
import type { TimeRange } from "@/lib/charts/time-range";
import { nextPlayStep } from "./play-steps";

/** How long each day shows. */
export const PLAY_STEP_MS = 1200;

type Playing = {
  /** What is walked through: the range on show when Play was pressed (the board's span for "All"). */
  period: TimeRange;
  /** The range to give back at the end. */
  before: TimeRange | null;
  paused: boolean;
};

export type MapPlay = {
  state: "stopped" | "playing" | "paused";
  period: TimeRange | null;
  play: () => void;
  pause: () => void;
  stop: () => void;
};

export function useMapPlay(
  domain: TimeRange,
  viewRange: TimeRange | null,
  onViewRangeChange: (range: TimeRange | null) => void,
): MapPlay {
  const [playing, setPlaying] = useState<Playing | null>(null);

  const stop = useCallback(() => {
    if (!playing) return;
    setPlaying(null);
    onViewRangeChange(playing.before);
  }, [playing, onViewRangeChange]);

  const play = useCallback(() => {
    if (playing) {
      setPlaying({ ...playing, paused: false });
      return;
    }
    const period = viewRange ?? domain;
    setPlaying({ period, before: viewRange, paused: false });
    onViewRangeChange(nextPlayStep(period, null));
  }, [playing, viewRange, domain, onViewRangeChange]);

  const pause = useCallback(() => setPlaying((current) => current && { ...current, paused: true }), []);

  // Each day shows for PLAY_STEP_MS from when the board's range became that day (a range the analyst set
  // meanwhile counts as the day to go on from).
  useEffect(() => {
    if (!playing) return;
    // "All" chosen on the charts while playing ends the walk where the analyst put the board.
    if (viewRange === null) {
      setPlaying(null);
      return;
    }
    if (playing.paused) return;
    const timer = setTimeout(() => {
      const next = nextPlayStep(playing.period, viewRange);
      if (next) onViewRangeChange(next);
      else {
        setPlaying(null);
        onViewRangeChange(playing.before);
      }
    }, PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, viewRange, onViewRangeChange]);

  return {
    state: playing === null ? "stopped" : playing.paused ? "paused" : "playing",
    period: playing?.period ?? null,
    play,
    pause,
    stop,
  };
}
