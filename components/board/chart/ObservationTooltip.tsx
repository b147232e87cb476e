"use client";
import type { ChartPoint } from "@/lib/charts/display-series";
// The hover card of a chart point: the observation's exact time, value, grade and note.
import { formatUtc } from "@/lib/time";

const numberFormat = new Intl.NumberFormat("en-GB");

export function ObservationTooltip({
  active,
  payload,
  unit,
  canPickRange,
}: {
  active?: boolean;
  payload?: { payload: ChartPoint }[];
  unit: string;
  canPickRange: boolean;
}) {
  const point = active ? payload?.[0]?.payload : undefined;
  if (!point) return null;
  const { observation } = point;
  const grade = `${observation.sourceReliability ?? "?"}${observation.infoCredibility ?? "?"}`;
  return (
    <div className="chart-tooltip">
      <div className="utc">{formatUtc(observation.observedAt)}</div>
      <div>
        <strong>{numberFormat.format(observation.value)}</strong> {unit} · grade {grade}
      </div>
      {observation.note ? <div className="muted">{observation.note}</div> : null}
      <div className="muted">
        {canPickRange ? "Click to annotate this point, drag to annotate a range" : "Click to annotate this point"}
      </div>
    </div>
  );
}
