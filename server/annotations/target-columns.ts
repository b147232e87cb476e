// Stores an annotation target in the Annotation table's target columns (the inverse of toWireAnnotation).
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { AnnotationTargetType } from "../db/generated/client";

export type TargetColumns = {
  targetType: AnnotationTargetType;
  eventId: string | null;
  indicatorId: string | null;
  observationId: string | null;
  at: Date | null;
  rangeFrom: Date | null;
  rangeTo: Date | null;
};

export function targetColumns(target: TAnnotationTarget): TargetColumns {
  return {
    targetType: target.type === "indicator-range" ? "indicator_range" : target.type,
    eventId: target.type === "event" ? target.eventId : null,
    indicatorId: target.type === "indicator" || target.type === "indicator-range" ? target.indicatorId : null,
    observationId: target.type === "observation" ? target.observationId : null,
    at: target.type === "indicator" ? new Date(target.at) : null,
    rangeFrom: target.type === "indicator-range" ? new Date(target.from) : null,
    rangeTo: target.type === "indicator-range" ? new Date(target.to) : null,
  };
}
