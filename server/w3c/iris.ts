// The IRIs Watchfloor gives its resources in Web Annotations, and the way back from an IRI to an id.
// They are API addresses under the public URL; the importer reads only their paths, so an export stays
// importable when the server moves or the board's slug changes.
import { ZUuid } from "@/lib/schemas/common";
import type { ReferencedEntity } from "@/lib/targets/target-kinds";

/** Where under the board each entity an annotation target can reference has its IRI (a new one needs its own). */
const ENTITY_COLLECTIONS: Record<ReferencedEntity, string> = {
  event: "events",
  indicator: "indicators",
  observation: "observations",
  source: "sources",
};

export type WatchfloorIris = {
  board: string;
  /** The AnnotationCollection: the export's own address. */
  collection: string;
  /** Its one page, embedded in the collection document. */
  page: string;
  annotation: (id: string) => string;
  user: (id: string) => string;
  /**
   * One version of a source's document: what a passage's selectors are relative to (issue 14). Positions
   * change from version to version, so the W3C source of a passage is the version, not the source.
   */
  sourceVersion: (id: string, version: number) => string;
} & Record<ReferencedEntity, (id: string) => string>;

export function watchfloorIris(baseUrl: string, slug: string): WatchfloorIris {
  const origin = baseUrl.replace(/\/+$/, "");
  const board = `${origin}/api/boards/${encodeURIComponent(slug)}`;
  const collection = `${board}/export/annotations.jsonld`;
  return {
    board,
    collection,
    page: `${collection}#page1`,
    annotation: (id) => `${board}/annotations/${id}`,
    ...entityIris(board),
    sourceVersion: (id, version) => `${board}/${ENTITY_COLLECTIONS.source}/${id}/versions/${version}`,
    user: (id) => `${origin}/api/users/${encodeURIComponent(id)}`,
  };
}

function entityIris(board: string): Record<ReferencedEntity, (id: string) => string> {
  const entries = Object.entries(ENTITY_COLLECTIONS).map(([entity, collection]) => [
    entity,
    (id: string) => `${board}/${collection}/${id}`,
  ]);
  return Object.fromEntries(entries) as Record<ReferencedEntity, (id: string) => string>;
}

export type ParsedIri =
  | { type: "board" }
  | { type: "annotation" | ReferencedEntity; id: string }
  | { type: "user"; id: string };

/** Collection → what its IRIs name. */
const RESOURCE_TYPES = new Map<string, "annotation" | ReferencedEntity>([
  ["annotations", "annotation"],
  ...Object.entries(ENTITY_COLLECTIONS).map(
    ([entity, collection]) => [collection, entity as ReferencedEntity] as const,
  ),
]);
// The collection names are plain words: nothing in them needs escaping.
const BOARD_PATH = new RegExp(
  `/api/boards/[a-z0-9][a-z0-9-]{0,99}(?:/(${[...RESOURCE_TYPES.keys()].join("|")})/([^/]+))?$`,
);
const USER_PATH = /\/api\/users\/([^/]{1,100})$/;

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
  const type = RESOURCE_TYPES.get(collection);
  if (!type) return null;
  return { type, id: id.toLowerCase() };
}

const SOURCE_VERSION_PATH = /^(.*\/api\/boards\/[^/]+\/sources\/[^/]+)\/versions\/([1-9][0-9]{0,8})$/;

/** A source version's IRI as its source and version number; null for any other IRI. */
export function parseSourceVersionIri(iri: string): { sourceId: string; version: number } | null {
  let url: URL;
  try {
    url = new URL(iri);
  } catch {
    return null;
  }
  const match = SOURCE_VERSION_PATH.exec(url.pathname);
  if (url.search || url.hash || !match?.[1] || !match[2]) return null;
  url.pathname = match[1];
  const source = parseWatchfloorIri(url.href);
  return source?.type === "source" ? { sourceId: source.id, version: Number(match[2]) } : null;
}

function decodedUser(encoded: string): ParsedIri | null {
  try {
    return { type: "user", id: decodeURIComponent(encoded) };
  } catch {
    return null;
  }
}
