// The board's annotations, newest first.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { type AnnotationActions, AnnotationItem } from "./AnnotationItem";

export function AnnotationList({
  annotations,
  snapshot,
  actions,
}: {
  annotations: WireAnnotation[];
  snapshot: BoardSnapshot;
  actions: AnnotationActions;
}) {
  const newestFirst = [...annotations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (!newestFirst.length) return <p className="muted">No annotations yet.</p>;
  return (
    <ol className="annotation-list" aria-label="Annotations">
      {newestFirst.map((annotation) => (
        <AnnotationItem key={annotation.id} annotation={annotation} snapshot={snapshot} actions={actions} />
      ))}
    </ol>
  );
}
