// Describes an annotation target in words: the panel, the composer, the activity feed and the CSV export
// all say it the same way. Each kind's wording is its entry in lib/targets/target-kinds.ts.
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import { type TargetSource, targetIndex } from "@/lib/target-index";
import { targetKindOf } from "@/lib/targets/target-kinds";

/** `board` is a wire snapshot or a live board state (lib/board-state.ts). */
export function describeTarget(target: TAnnotationTarget, board: TargetSource): string {
  return targetKindOf(target).describe(target, targetIndex(board));
}
