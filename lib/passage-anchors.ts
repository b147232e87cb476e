// Applies a document revision's new anchors to the annotations a client holds (the source.revised op):
// each passage annotation on the source takes the place the server found for it in the new version.
import type { WireAnnotation } from "./schemas/annotation";
import type { WireAnchor, WireReanchor } from "./schemas/document";

export function anchorOf(reanchor: WireReanchor, version: number): WireAnchor {
  return reanchor.status === "anchored"
    ? { status: "anchored", version, start: reanchor.start, end: reanchor.end }
    : { status: "orphaned", version };
}

/** The annotations the revision moves, each with its new anchor (those the client does not hold are skipped). */
export function reanchoredAnnotations(
  find: (id: string) => WireAnnotation | undefined,
  revision: { version: number; anchors: readonly WireReanchor[] },
): WireAnnotation[] {
  return revision.anchors.flatMap((reanchor) => {
    const annotation = find(reanchor.annotationId);
    return annotation ? [{ ...annotation, anchor: anchorOf(reanchor, revision.version) }] : [];
  });
}
