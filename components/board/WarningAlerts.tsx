"use client";
// Threshold alerts: shown to everyone on the board the moment a figure crosses its warning level, with
// the figure, its source and its grade. Dismissing one hides it here; the warning annotation stays.
import type { WireWarning } from "@/lib/events";
import { UtcTime } from "../ui/UtcTime";

const numberFormat = new Intl.NumberFormat("en-GB");

export function WarningAlerts({
  warnings,
  onDismiss,
}: {
  warnings: WireWarning[];
  onDismiss: (annotationId: string) => void;
}) {
  if (!warnings.length) return null;
  return (
    <div className="warning-alerts" role="alert" aria-live="assertive">
      {warnings.map((warning) => {
        const { observation } = warning;
        const grade = `${observation.sourceReliability ?? "?"}${observation.infoCredibility ?? "?"}`;
        return (
          <div key={warning.annotationId} className="warning-alert" data-testid="warning-alert">
            <strong>
              {warning.indicatorName}: {numberFormat.format(observation.value)} {warning.unit}
            </strong>{" "}
            is {warning.direction} the warning level of {numberFormat.format(warning.threshold)} —{" "}
            <UtcTime iso={observation.observedAt} />, source {warning.sourceTitle ?? "not given"}, grade {grade},
            entered by {warning.enteredBy.name}.
            <button type="button" className="link-button" onClick={() => onDismiss(warning.annotationId)}>
              Dismiss
            </button>
          </div>
        );
      })}
    </div>
  );
}
