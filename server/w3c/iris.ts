// The IRIs Watchfloor gives its resources in Web Annotations, and the way back from an IRI to an id.
// They are API addresses under the public URL; the importer reads only their paths, so an export stays
// importable when the server moves or the board's slug changes.
import { ZUuid } from "@/lib/schemas/common";

export type WatchfloorIris = {
  board: string;
  /** The AnnotationCollection: the export's own address. */
  collection: string;
  /** Its one page, embedded in the collection document. */
  page: string;
  annotation: (id: string) => string;
  event: (id: string) => string;
  indicator: (id: string) => string;
  observation: (id: string) => string;
  user: (id: string) => string;
};

export function watchfloorIris(baseUrl: string, slug: string): WatchfloorIris {
  const origin = baseUrl.replace(/\/+$/, "");
  const board = `${origin}/api/boards/${encodeURIComponent(slug)}`;
  const collection = `${board}/export/annotations.jsonld`;
  return {
    board,
    collection,
    page: `${collection}#page1`,
    annotation: (id) => `${board}/annotations/${id}`,
    event: (id) => `${board}/events/${id}`,
    indicator: (id) => `${board}/indicators/${id}`,
    observation: (id) => `${board}/observations/${id}`,
    user: (id) => `${origin}/api/users/${encodeURIComponent(id)}`,
  };
}

export type ParsedIri =
  | { type: "board" }
  | { type: "annotation" | "event" | "indicator" | "observation"; id: string }
  | { type: "user"; id: string };

const BOARD_PATH =
  /\/api\/boards\/[a-z0-9][a-z0-9-]{0,99}(?:\/(annotations|events|indicators|observations)\/([^/]+))?$/;
const USER_PATH = /\/api\/users\/([^/]{1,100})$/;
const RESOURCE_TYPES = {
  annotations: "annotation",
  events: "event",
  indicators: "indicator",
  observations: "observation",
} as const;

/** What a Watchfloor IRI names, or null for any other IRI (or one with a query or fragment). */
export function parseWatchfloorIri(iri: string): ParsedIri | null {
  let url: URL;
  try {
    url = new URL(iri);
  } catch {
    return null;
  }
  if (url.search || url.hash) return null;
  const user = USER_PATH.exec(url.pathname);
  if (user?.[1]) return decodedUser(user[1]);
  const board = BOARD_PATH.exec(url.pathname);
  if (!board) return null;
  const [, collection, id] = board;
  if (!collection) return { type: "board" };
  if (!id || !ZUuid.safeParse(id).success) return null;
  return { type: RESOURCE_TYPES[collection as keyof typeof RESOURCE_TYPES], id: id.toLowerCase() };
}

function decodedUser(encoded: string): ParsedIri | null {
  try {
    return { type: "user", id: decodeURIComponent(encoded) };
  } catch {
    return null;
  }
}
