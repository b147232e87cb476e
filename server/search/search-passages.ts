// The documents on a board whose current version matches a query, best first: for each, where its first
// match is (so the reader can jump there) and a snippet of the text from a little before it.
//
// The position comes from board_search_first_match (the migration): ts_headline marks matches exactly
// as the search found them (stems, phrases), and the first marker's index in its output is the match's
// index in the text. PostgreSQL counts characters in code points and JavaScript in UTF-16 code units, so
// each position is converted by adding the characters beyond U+FFFF (two code units each) before it.
import type { SearchPassageHit } from "@/lib/schemas/search";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import { markedSnippet, trimToWords } from "./marked-snippet";
import { MARKERS, SEARCH_CONFIG, withoutMarkers } from "./search-config";

/** Characters shown before the first match, and in all. */
const LEAD_IN = 80;
const WINDOW = 320;

type Row = {
  sourceId: string;
  sourceTitle: string;
  version: number;
  offset: number | null;
  windowStart: number;
  cutAtStart: boolean;
  cutAtEnd: boolean;
  marked: string;
};

const utf16Length = (text: Prisma.Sql) =>
  Prisma.sql`(length(${text}) + length(regexp_replace(${text}, '[^\\U00010000-\\U0010FFFF]', '', 'g')))`;

export async function searchPassages(
  db: Database,
  search: { boardId: string; query: string; limit: number },
): Promise<SearchPassageHit[]> {
  const rows = await db.$queryRaw<Row[]>`
    WITH q AS (SELECT websearch_to_tsquery(${SEARCH_CONFIG}, ${search.query}) AS query),
    matching AS (
      SELECT s.id AS "sourceId", s.title, s."createdAt", v.version, v.text,
        ts_rank(v."textSearch", q.query, 1) AS rank
      FROM "Source" s
      JOIN "SourceVersion" v ON v."sourceId" = s.id AND v.version = s."currentVersion"
      CROSS JOIN q
      WHERE s."boardId" = ${search.boardId}::uuid AND v."textSearch" @@ q.query
      ORDER BY rank DESC, s."createdAt", s.id
      LIMIT ${search.limit}
    ),
    located AS (
      SELECT m.*, board_search_first_match(m.text, q.query) AS first FROM matching m CROSS JOIN q
    ),
    windowed AS (
      SELECT l.*, greatest(coalesce(l.first, 0) - ${LEAD_IN}, 0) AS "windowFrom" FROM located l
    )
    SELECT w."sourceId", w.title AS "sourceTitle", w.version,
      CASE WHEN w.first IS NULL THEN NULL ELSE ${utf16Length(Prisma.sql`left(w.text, w.first)`)} END AS "offset",
      ${utf16Length(Prisma.sql`left(w.text, w."windowFrom")`)} AS "windowStart",
      w."windowFrom" > 0 AS "cutAtStart",
      w."windowFrom" + ${WINDOW} < length(w.text) AS "cutAtEnd",
      ts_headline(${SEARCH_CONFIG}, ${withoutMarkers(Prisma.sql`substr(w.text, w."windowFrom" + 1, ${WINDOW})`)},
        q.query, ${MARKERS} || ', HighlightAll=true') AS marked
    FROM windowed w CROSS JOIN q
    ORDER BY w.rank DESC, w."createdAt", w."sourceId"`;
  return rows.map((row) => {
    const { snippet, dropped } = trimToWords(markedSnippet(row.marked), {
      start: row.cutAtStart,
      end: row.cutAtEnd,
    });
    return {
      sourceId: row.sourceId,
      sourceTitle: row.sourceTitle,
      version: row.version,
      offset: row.offset,
      snippetStart: row.windowStart + dropped,
      snippet,
    };
  });
}
