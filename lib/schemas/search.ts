// Search over a board on the wire (issue 14): the query, and what it finds — notes and passages of
// documents, each with a snippet that is plain text and the ranges that matched (never HTML).
import { z } from "zod";
import type { TAnnotationTarget, WireAnnotation } from "./annotation";
import { ZText, ZUuid } from "./common";

export const SEARCH_LIMITS = {
  /** Longest query (characters): a few words and operators, not a document. */
  query: 200,
  /** Most results of each kind (notes, passages) one search answers. */
  results: 50,
  defaultResults: 20,
} as const;

export const ZSearchQuery = ZText.trim()
  .min(1, "type something to search for")
  .max(SEARCH_LIMITS.query, `at most ${SEARCH_LIMITS.query} characters`);

export const ZBoardSearch = z.strictObject({
  boardId: ZUuid,
  /** Web-search syntax: words, "a quoted phrase", -excluded, or. */
  query: ZSearchQuery,
  limit: z.number().int().min(1).max(SEARCH_LIMITS.results).optional(),
});
export type TBoardSearch = z.infer<typeof ZBoardSearch>;
export type TBoardSearchInput = z.input<typeof ZBoardSearch>;

/** A range of a snippet's text that matched: UTF-16 code units, end exclusive (`text.slice(start, end)`). */
export type SearchMark = { start: number; end: number };

/** Text to show as it is, with the ranges to highlight. */
export type SearchSnippet = { text: string; marks: SearchMark[] };

export type SearchAnnotationHit = {
  id: string;
  /** The thread's top annotation when this is a reply (the thread to open), else null. */
  parentId: string | null;
  kind: WireAnnotation["kind"];
  author: { id: string; name: string };
  target: TAnnotationTarget;
  createdAt: string;
  snippet: SearchSnippet;
};

export type SearchPassageHit = {
  sourceId: string;
  sourceTitle: string;
  /** Always the source's current version: older versions are not searched. */
  version: number;
  /**
   * Where the first match is in that version's text (UTF-16 code units), or null when the document matched
   * but no match could be placed (its tail beyond what the index covers).
   */
  offset: number | null;
  /** The snippet is the version's text from `snippetStart` on, unchanged, so its marks map into the text. */
  snippetStart: number;
  snippet: SearchSnippet;
};

export type BoardSearchResult = {
  boardId: string;
  query: string;
  /** Best first. */
  annotations: SearchAnnotationHit[];
  /** Best first. */
  passages: SearchPassageHit[];
};
