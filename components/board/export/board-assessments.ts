// The board's assessments for the deck dialog, read from the live board state the browser already holds
// (the annotation index kept up to date by ops), oldest first as the annotations list has them. Read when
// the dialog opens, not on every op: a pass over every annotation per note would cost a big board dearly.

import { oldestFirst } from "@/lib/annotation-filter";
import { type AnnotationIndex, allAnnotations } from "@/lib/annotation-index";
import type { WireAnnotation } from "@/lib/schemas/annotation";

/** What the deck dialog calls to list the assessments; BoardView reads its current index through a ref. */
export type ListAssessments = () => readonly WireAnnotation[];

export function assessmentsOf(index: AnnotationIndex | undefined): WireAnnotation[] {
  if (!index) return [];
  return allAnnotations(index)
    .filter((annotation) => annotation.kind === "assessment")
    .sort(oldestFirst);
}
