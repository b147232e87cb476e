// The board's annotations as one W3C AnnotationCollection (model §5), every annotation in its embedded
// first page, written as the indented JSON the export route sends. Runs in a worker thread
// (server/workers/) on the rows export-annotations-jsonld.ts reads.
import { WEB_ANNOTATION_CONTEXT, type WebAnnotationCollection } from "@/lib/schemas/web-annotation";
import { type AnnotationRow, toWireAnnotation } from "../annotations/to-wire-annotation";
import { watchfloorIris } from "./iris";
import { toWebAnnotation } from "./to-web-annotation";

export type AnnotationsJsonLdInput = {
  board: { slug: string; title: string };
  rows: AnnotationRow[];
  /** The public URL the IRIs are minted under (config.publicUrl). */
  baseUrl: string;
};

export function annotationCollection(input: AnnotationsJsonLdInput): WebAnnotationCollection {
  const iris = watchfloorIris(input.baseUrl, input.board.slug);
  const items = input.rows.map((row) => toWebAnnotation(toWireAnnotation(row), iris));
  return {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: iris.collection,
    type: "AnnotationCollection",
    label: input.board.title,
    total: items.length,
    first: { id: iris.page, type: "AnnotationPage", startIndex: 0, items },
    last: iris.page,
  };
}

export function annotationsJsonLd(input: AnnotationsJsonLdInput): Buffer {
  return Buffer.from(JSON.stringify(annotationCollection(input), null, 2));
}
