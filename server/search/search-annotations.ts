// The notes on a board whose body matches a query, best first, each with a snippet of its body around
// the matches. Deleted notes are never found.
import type { SearchAnnotationHit } from "@/lib/schemas/search";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "../annotations/to-wire-annotation";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import { excerpt, markedSnippet } from "./marked-snippet";
import { MARKERS, SEARCH_CONFIG, withoutMarkers } from "./search-config";

type Row = { id: string; headline: string };

/** What a note's snippet shows: a little before its first match, and a few lines in all. */
const SNIPPET = { leadIn: 60, length: 240 };

export async function searchAnnotations(
  db: Database,
  search: { boardId: string; query: string; limit: number },
): Promise<SearchAnnotationHit[]> {
  // ts_headline marks every match in the whole body (bodies are short) and leaves the rest as it is:
  // in its fragment mode it would drop what its parser takes for markup. Only rows that made the cut
  // get one.
  const rows = await db.$queryRaw<Row[]>`
    WITH matching AS (
      SELECT a.id, a.body, a."createdAt", q.query, ts_rank(a."bodySearch", q.query, 1) AS rank
      FROM "Annotation" a CROSS JOIN (SELECT websearch_to_tsquery(${SEARCH_CONFIG}, ${search.query}) AS query) q
      WHERE a."boardId" = ${search.boardId}::uuid AND a."deletedAt" IS NULL AND a."bodySearch" @@ q.query
      ORDER BY rank DESC, a."createdAt" DESC, a.id
      LIMIT ${search.limit}
    )
    SELECT id, ts_headline(${SEARCH_CONFIG}, ${withoutMarkers(Prisma.sql`body`)}, query,
      ${MARKERS} || ', HighlightAll=true') AS headline
    FROM matching
    ORDER BY rank DESC, "createdAt" DESC, id`;
  if (rows.length === 0) return [];
  const annotations = await db.annotation.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: ANNOTATION_INCLUDE,
  });
  const byId = new Map(annotations.map((row) => [row.id, toWireAnnotation(row)]));
  return rows.flatMap((row) => {
    const annotation = byId.get(row.id);
    // Deleted between the two reads: not found after all.
    if (!annotation) return [];
    return [
      {
        id: annotation.id,
        parentId: annotation.parentId,
        kind: annotation.kind,
        author: annotation.author,
        target: annotation.target,
        createdAt: annotation.createdAt,
        snippet: excerpt(markedSnippet(row.headline), SNIPPET),
      },
    ];
  });
}
