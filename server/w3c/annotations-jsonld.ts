// The board's annotations as one W3C AnnotationCollection (model §5), every annotation in its embedded
// first page, written as the indented JSON the export route sends. Runs in a worker thread
// (server/workers/) on the board snapshot's JSON text, which only the worker parses: the event loop
// neither hydrates Prisma rows nor builds the document. Deleted annotations are not in a snapshot;
// replies in a thread whose first annotation was deleted are left out here (they would point at an
// annotation the export does not hold). Ordered by creation, then id, so an unchanged board exports
// byte for byte the same.
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { WEB_ANNOTATION_CONTEXT, type WebAnnotationCollection } from "@/lib/schemas/web-annotation";
import { watchfloorIris } from "./iris";
import { type QuoteContexts, quoteContextIn } from "./quote-contexts";
import { toWebAnnotation } from "./to-web-annotation";

export type AnnotationsJsonLdInput = {
  snapshotJson: string;
  /** The public URL the IRIs are minted under (config.publicUrl). */
  baseUrl: string;
  /** Passages' stored prefixes and suffixes; without them the TextQuoteSelectors carry the quote alone. */
  quoteContexts?: QuoteContexts;
};

export function annotationCollection(
  snapshot: BoardSnapshot,
  baseUrl: string,
  quoteContexts?: QuoteContexts,
): WebAnnotationCollection {
  const iris = watchfloorIris(baseUrl, snapshot.board.slug);
  const contextOf = quoteContextIn(quoteContexts);
  const live = new Set(snapshot.annotations.map((annotation) => annotation.id));
  const items = snapshot.annotations
    .filter((annotation) => annotation.parentId === null || live.has(annotation.parentId))
    .sort(byCreation)
    .map((annotation) => toWebAnnotation(annotation, iris, contextOf));
  return {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: iris.collection,
    type: "AnnotationCollection",
    label: snapshot.board.title,
    total: items.length,
    first: { id: iris.page, type: "AnnotationPage", startIndex: 0, items },
    last: iris.page,
  };
}

/** As PostgreSQL orders by ("createdAt", id): ISO instants of one length and uuids compare as strings. */
function byCreation(a: WireAnnotation, b: WireAnnotation): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Where the items sit in JSON.stringify(collection, null, 2): first.items, three levels deep. */
const ITEM_INDENT = " ".repeat(6);
const CLOSING_INDENT = " ".repeat(4);
/** Stands in for the items while the collection around them is written. */
const ITEMS_MARK = "\u0000items\u0000";
const ITEMS_MARK_JSON = JSON.stringify(ITEMS_MARK);

/**
 * The collection in pieces, byte for byte JSON.stringify(collection, null, 2): the text around the
 * items, and each item on its own, indented to its depth. JSON strings hold no raw line breaks, so
 * re-indenting an item is adding spaces after each of its line breaks.
 */
export function* annotationsJsonLdText(input: AnnotationsJsonLdInput): Generator<string> {
  const collection = annotationCollection(
    JSON.parse(input.snapshotJson) as BoardSnapshot,
    input.baseUrl,
    input.quoteContexts,
  );
  const { items } = collection.first;
  const frame = JSON.stringify({ ...collection, first: { ...collection.first, items: ITEMS_MARK } }, null, 2);
  // The last occurrence: only `last`, an IRI, follows the items, while a board title could hold anything.
  const at = frame.lastIndexOf(ITEMS_MARK_JSON);
  yield frame.slice(0, at);
  if (items.length === 0) yield "[]";
  else {
    yield "[";
    for (const [index, item] of items.entries()) {
      const text = JSON.stringify(item, null, 2).replaceAll("\n", `\n${ITEM_INDENT}`);
      yield `${index === 0 ? "" : ","}\n${ITEM_INDENT}${text}`;
    }
    yield `\n${CLOSING_INDENT}]`;
  }
  yield frame.slice(at + ITEMS_MARK_JSON.length);
}
