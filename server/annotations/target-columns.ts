// Stores an annotation target in the Annotation table's target columns (the inverse of toWireAnnotation):
// the kind's own columns from its descriptor (target-kinds.ts), every other target column null.
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import { serverTargetKindOf, TARGET_COLUMN_TYPES, type TargetColumnName, type TargetColumns } from "./target-kinds";

export type { TargetColumns };

const NO_TARGET_COLUMNS = Object.fromEntries(Object.keys(TARGET_COLUMN_TYPES).map((name) => [name, null])) as Record<
  TargetColumnName,
  null
>;

export function targetColumns(target: TAnnotationTarget): TargetColumns {
  const kind = serverTargetKindOf(target);
  return { targetType: kind.storedAs, ...NO_TARGET_COLUMNS, ...kind.columns(target) };
}
