// Does a new figure cross its indicator's warning threshold? Crossing means this figure is beyond the
// threshold while the figure before it in time was not (or there was none): a series that stays above
// the line warns once, when it gets there, not at every figure.
import type { Indicator, Observation } from "../db/generated/client";

export type Crossing = { direction: "above" | "below"; threshold: number };

export function thresholdCrossing(
  indicator: Indicator,
  observation: Observation,
  previous: Observation | null,
): Crossing | null {
  const { warnAbove, warnBelow } = indicator;
  if (warnAbove !== null && observation.value > warnAbove && (!previous || previous.value <= warnAbove)) {
    return { direction: "above", threshold: warnAbove };
  }
  if (warnBelow !== null && observation.value < warnBelow && (!previous || previous.value >= warnBelow)) {
    return { direction: "below", threshold: warnBelow };
  }
  return null;
}

export function warningText(options: {
  indicator: Indicator;
  observation: Observation;
  crossing: Crossing;
  sourceTitle: string | null;
}): string {
  const { indicator, observation, crossing, sourceTitle } = options;
  const grade = `${observation.sourceReliability ?? "?"}${observation.infoCredibility ?? "?"}`;
  const figure = new Intl.NumberFormat("en-GB").format(observation.value);
  const limit = new Intl.NumberFormat("en-GB").format(crossing.threshold);
  return [
    `${indicator.name}: ${figure} ${indicator.unit} is ${crossing.direction} the warning level of ${limit}.`,
    `Source: ${sourceTitle ?? "not given"}; grade ${grade}.`,
    "Raised automatically when the figure was entered.",
  ].join(" ");
}
